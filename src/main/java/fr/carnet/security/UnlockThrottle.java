package fr.carnet.security;

import fr.carnet.platform.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Growing delays after failed unlocks, kept in a small file beside the store (the store itself
 * cannot be read without the passphrase): no delay for the first {@link #FREE_ATTEMPTS} failures,
 * then 30 s, doubling up to 15 minutes. A success clears it. This slows guessing at the keyboard;
 * the key derivation's cost is what slows an attacker holding a copy of the file.
 */
public final class UnlockThrottle {
    public static final int FREE_ATTEMPTS = 3;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final Path file;
    private final Clock clock;

    public UnlockThrottle(Path storeFile, Clock clock) {
        this.file = storeFile.resolveSibling(storeFile.getFileName() + ".attempts");
        this.clock = clock;
    }

    /** How long the worker must still wait before the next try (zero when they may try now). */
    public Duration waitBeforeNextAttempt() {
        State s = read();
        if (s.failures < FREE_ATTEMPTS) return Duration.ZERO;
        Duration delay = delayAfter(s.failures);
        Instant allowed = Instant.ofEpochMilli(s.lastFailure).plus(delay);
        Duration left = Duration.between(clock.instant(), allowed);
        return left.isNegative() ? Duration.ZERO : left;
    }

    static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) return Duration.ZERO;
        long factor = 1L << Math.min(10, failures - FREE_ATTEMPTS);
        Duration d = FIRST_DELAY.multipliedBy(factor);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    public int failures() {
        return read().failures;
    }

    public void recordFailure() {
        State s = read();
        write(new State(s.failures + 1, clock.millis()));
    }

    public void recordSuccess() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            write(new State(0, 0));
        }
    }

    private record State(int failures, long lastFailure) {}

    private State read() {
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
            return new State(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
        } catch (IOException | RuntimeException e) {
            return new State(0, 0);
        }
    }

    private void write(State s) {
        try {
            AtomicFiles.writeString(file, s.failures + " " + s.lastFailure);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record the unlock attempt", e);
        }
    }
}
