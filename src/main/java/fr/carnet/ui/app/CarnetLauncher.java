package fr.carnet.ui.app;

import javafx.application.Application;

/**
 * The desk's main class. A plain class (not an Application subclass) so that the JavaFX modules
 * load from the class path; arguments: see {@link LaunchOptions}.
 */
public final class CarnetLauncher {
    private CarnetLauncher() {}

    public static void main(String[] args) {
        Application.launch(CarnetApp.class, args);
    }
}
