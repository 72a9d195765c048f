package fr.carnet.sync;

import java.io.IOException;

/** How the sync client reaches the server: real HTTP, or a simulated network in tests. */
@FunctionalInterface
public interface Transport {
    /** Sends one request and returns the answer; an IOException is a network failure (nothing known). */
    WireResponse exchange(WireRequest request) throws IOException;
}
