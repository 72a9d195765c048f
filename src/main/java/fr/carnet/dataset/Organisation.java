package fr.carnet.dataset;

import fr.carnet.domain.Enums.Role;
import java.util.List;

/** Territories, sectors and workers: the organisation a dataset or a server describes. */
public record Organisation(List<Territory> territories, List<Sector> sectors, List<Worker> workers) {
    public record Territory(String id, String name) {}

    public record Sector(String id, String territoryId, String name) {}

    /** A professional. {@code sectorIds}: the sectors worked in, or supervised for a supervisor. */
    public record Worker(String id, String login, String displayName, Role role, List<String> sectorIds, double fte) {}

    public static Organisation empty() {
        return new Organisation(List.of(), List.of(), List.of());
    }
}
