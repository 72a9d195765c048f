package fr.carnet.server;

import fr.carnet.domain.Enums.Role;
import java.util.Set;

/** The worker and device behind a bearer token, with the worker's current sectors. */
record Session(String workerId, Role role, String replica, Set<String> sectors) {}
