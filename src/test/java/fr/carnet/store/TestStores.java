package fr.carnet.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * Test helper: real encrypted stores made cheaply. A template store is created once with low-cost
 * key parameters (1,000 PBKDF2 iterations instead of the tuned ≥ 210,000) and copied for each
 * laptop, so a simulation can open thousands of real stores. Tests only.
 */
public final class TestStores {
    public static final char[] PASSPHRASE = "simulation passphrase".toCharArray();
    private static Path template;

    private TestStores() {}

    /** A new store at {@code file}: a copy of the migrated template, opened with {@link Store#open}. */
    public static synchronized Store fresh(Path file) {
        try {
            if (template == null) {
                Path dir = Files.createTempDirectory("carnet-store-template");
                Path t = dir.resolve("template.db");
                byte[] salt = new byte[16];
                new java.security.SecureRandom().nextBytes(salt);
                try (Store s = Store.createWithParams(t, PASSPHRASE, new KeyParams(KeyParams.ALGORITHM, 1000, salt), Clock.systemDefaultZone())) {
                    s.read(ctx -> ctx.fetchCount(fr.carnet.store.generated.Tables.CHANGE_JOURNAL));
                }
                template = t;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(template, file, StandardCopyOption.REPLACE_EXISTING);
            Files.copy(KeyParams.fileFor(template), KeyParams.fileFor(file), StandardCopyOption.REPLACE_EXISTING);
            return Store.open(file, PASSPHRASE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reopens a store after a simulated crash. */
    public static Store reopen(Path file) {
        return Store.open(file, PASSPHRASE);
    }
}
