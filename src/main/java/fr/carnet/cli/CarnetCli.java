package fr.carnet.cli;

public final class CarnetCli {
    public static void main(String[] args) {
    }
}
