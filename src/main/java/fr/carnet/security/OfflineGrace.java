package fr.carnet.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After {@code days} without a successful online login (default 30, a setting), case files stay
 * closed until the worker logs in to the server again: a laptop that left the service, or whose
 * worker was revoked, stops opening files by itself.
 */
public final class OfflineGrace {
    public static final int DEFAULT_DAYS = 30;

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
}
