package fr.carnet.server;

import java.time.Clock;
import java.time.Duration;

/**
 * Server settings.
 *
 * @param maxBody            the largest request body accepted (413 above)
 * @param tokenLifetime      how long a session token lasts
 * @param passwordIterations PBKDF2 iterations for passwords set by this server
 * @param loginFailuresPerLogin failed logins per login name in 15 minutes before 429
 * @param loginFailuresPerAddress failed logins per address in 15 minutes before 429
 * @param hsts               send {@code Strict-Transport-Security} on plain HTTP too (the server runs behind a TLS proxy)
 */
public record ServerConfig(long maxBody, Duration tokenLifetime, int passwordIterations, int loginFailuresPerLogin,
                           int loginFailuresPerAddress, Clock clock, boolean hsts) {
    public ServerConfig(long maxBody, Duration tokenLifetime, int passwordIterations, int loginFailuresPerLogin,
                        int loginFailuresPerAddress, Clock clock) {
        this(maxBody, tokenLifetime, passwordIterations, loginFailuresPerLogin, loginFailuresPerAddress, clock, false);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(4L * 1024 * 1024, Duration.ofHours(12), Passwords.DEFAULT_ITERATIONS, 10, 50, Clock.systemUTC());
    }

    /** Behind a TLS-terminating proxy: announce HSTS although this server speaks plain HTTP. */
    public ServerConfig withHsts(boolean on) {
        return new ServerConfig(maxBody, tokenLifetime, passwordIterations, loginFailuresPerLogin, loginFailuresPerAddress, clock, on);
    }

    /** Cheap password hashing, for tests and simulations only. */
    public ServerConfig withPasswordIterations(int n) {
        return new ServerConfig(maxBody, tokenLifetime, n, loginFailuresPerLogin, loginFailuresPerAddress, clock, hsts);
    }

    public ServerConfig withTokenLifetime(Duration d) {
        return new ServerConfig(maxBody, d, passwordIterations, loginFailuresPerLogin, loginFailuresPerAddress, clock, hsts);
    }

    public ServerConfig withClock(Clock c) {
        return new ServerConfig(maxBody, tokenLifetime, passwordIterations, loginFailuresPerLogin, loginFailuresPerAddress, c, hsts);
    }
}
