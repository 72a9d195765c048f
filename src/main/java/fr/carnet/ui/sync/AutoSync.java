package fr.carnet.ui.sync;

import fr.carnet.ui.common.Async;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When to sync without being asked. A timer calls {@link #tick()} every few seconds on the FX
 * thread; a tick does no I/O itself. Once a server is configured and the worker signed in: every
 * {@link #INTERVAL} a cheap health probe runs in the background and, if the server answers, a
 * sync; while the server does not answer, a probe every {@link #OFFLINE_RETRY}, and a sync as soon
 * as it answers again. Never while a sync or a probe is running.
 */
public final class AutoSync {
    public static final Duration INTERVAL = Duration.ofMinutes(5);
    public static final Duration OFFLINE_RETRY = Duration.ofSeconds(30);

    /** What the scheduler needs from the sync screen. */
    public interface Host {
        /** A server is configured and the worker signed in. */
        boolean enabled();

        /** A sync is running. */
        boolean busy();

        /** The health probe; runs off the FX thread. */
        boolean probe();

        /** Starts a sync (on the FX thread; the sync itself runs in the background). */
        void startSync();

        /** The server's reachability changed (for the status area). */
        default void reachability(boolean reachable) { }
    }

    /** How a sync ended, for the next attempt. */
    public enum Outcome { SUCCESS, OFFLINE, FAILED, CANCELLED }

    private final Clock clock;
    private final Async async;
    private final Host host;
    private Instant nextSync = Instant.MIN;
    private Instant nextProbe = Instant.MIN;
    private boolean offline;
    private boolean probing;

    public AutoSync(Clock clock, Async async, Host host) {
        this.clock = clock;
        this.async = async;
        this.host = host;
    }

    /** Called regularly by a timer: probes and syncs when due. */
    public void tick() {
        if (!host.enabled() || host.busy() || probing) return;
        Instant now = clock.instant();
        // While offline only the quick probes run; the sync follows the first probe that gets an answer.
        boolean syncDue = !offline && !now.isBefore(nextSync);
        boolean probeDue = offline && !now.isBefore(nextProbe);
        if (!syncDue && !probeDue) return;
        probing = true;
        async.run(host::probe, up -> probed(Boolean.TRUE.equals(up), syncDue), e -> probed(false, syncDue));
    }

    private void probed(boolean up, boolean syncDue) {
        probing = false;
        boolean wasOffline = offline;
        offline = !up;
        if (wasOffline != offline) host.reachability(up);
        if (!up) {
            nextProbe = clock.instant().plus(OFFLINE_RETRY);
            return;
        }
        if ((syncDue || wasOffline) && host.enabled() && !host.busy()) host.startSync();
    }

    /** Every sync (automatic or asked for) reports how it ended; {@code retryAfter} for a busy server. */
    public void finished(Outcome outcome, Duration retryAfter) {
        Instant now = clock.instant();
        switch (outcome) {
            case SUCCESS, CANCELLED -> {
                if (offline) host.reachability(true);
                offline = false;
                nextSync = now.plus(INTERVAL);
            }
            case OFFLINE -> {
                if (!offline) host.reachability(false);
                offline = true;
                nextProbe = now.plus(OFFLINE_RETRY);
                nextSync = now.plus(INTERVAL);
            }
            case FAILED -> nextSync = now.plus(retryAfter != null ? retryAfter : INTERVAL);
        }
    }

    /** Whether the last probe or sync found the server unreachable. */
    public boolean offline() {
        return offline;
    }

    /** When the next periodic sync is due (for tests and the status area). */
    public Instant nextSync() {
        return nextSync;
    }
}
