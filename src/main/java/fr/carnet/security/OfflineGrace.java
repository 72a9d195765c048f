package fr.carnet.security;

import fr.carnet.store.StoreMeta;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * After {@code days} without a successful online login (default 30, a setting), case files stay
 * closed until the worker logs in to the server again: a laptop that left the service, or whose
 * worker was revoked, stops opening files by itself.
 */
public final class OfflineGrace {
    public static final int DEFAULT_DAYS = 30;
    /** The {@link StoreMeta} key holding the instant of the last successful login to the server. */
    public static final String LAST_ONLINE_LOGIN = "security.lastOnlineLogin";

    private OfflineGrace() {}

    /** Whether case files may be opened, given the last successful online login (empty: never). */
    public static boolean allowsOpening(Optional<Instant> lastOnlineLogin, int days, Clock clock) {
        if (lastOnlineLogin.isEmpty()) return true; // a store that never synced (demo, first use) has nothing from the server
        return Duration.between(lastOnlineLogin.get(), clock.instant()).compareTo(Duration.ofDays(days)) <= 0;
    }

    /** Days left before an online login is required (never negative). */
    public static long daysLeft(Optional<Instant> lastOnlineLogin, int days, Clock clock) {
        if (lastOnlineLogin.isEmpty()) return days;
        long left = days - Duration.between(lastOnlineLogin.get(), clock.instant()).toDays();
        return Math.max(0, left);
    }

    /** Records a successful online login (whoever logs in to the server calls this, in a store write). */
    public static void recordOnlineLogin(DSLContext ctx, Instant at) {
        StoreMeta.put(ctx, LAST_ONLINE_LOGIN, at.toString());
    }

    /** The last successful online login recorded in this store (empty: never, e.g. the demo store). */
    public static Optional<Instant> lastOnlineLogin(DSLContext ctx) {
        return StoreMeta.get(ctx, LAST_ONLINE_LOGIN).flatMap(v -> {
            try {
                return Optional.of(Instant.parse(v));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.of(Instant.EPOCH); // unreadable: ask for a login rather than wave it through
            }
        });
    }
}
