package fr.carnet.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How the store's key is derived from the worker's passphrase: PBKDF2-HMAC-SHA512 with a random
 * 16-byte salt and an iteration count tuned on this machine (never below {@link #MIN_ITERATIONS}).
 * The parameters hold no secret and sit beside the store in {@code <store>.key.json}; the 256-bit
 * result is given to SQLCipher as a raw key, so opening a connection costs no second derivation.
 */
public record KeyParams(String algorithm, int iterations, byte[] salt) {
    public static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    /** OWASP's 2023 floor for PBKDF2-HMAC-SHA512. */
    public static final int MIN_ITERATIONS = 210_000;
    /** Time the derivation aims at on the machine that creates the store. */
    public static final long TARGET_MILLIS = 250;

    public static Path fileFor(Path store) {
        return store.resolveSibling(store.getFileName() + ".key.json");
    }

    /** New parameters: fresh salt, iterations tuned so that a derivation takes about {@link #TARGET_MILLIS}. */
    public static KeyParams tuned() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int probe = 20_000;
        long t0 = System.nanoTime();
        new KeyParams(ALGORITHM, probe, salt).derive("calibration".toCharArray());
        long nanos = Math.max(1, System.nanoTime() - t0);
        long tuned = probe * TARGET_MILLIS * 1_000_000L / nanos;
        int iterations = (int) Math.max(MIN_ITERATIONS, Math.min(tuned, 5_000_000));
        return new KeyParams(ALGORITHM, iterations, salt);
    }

    /** The 32-byte key for this passphrase. */
    public byte[] derive(char[] passphrase) {
        if (!ALGORITHM.equals(algorithm)) return deriveWithJdk(passphrase);
        try {
            return Pbkdf2Sha512.derive(passphrase, salt, iterations, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key derivation unavailable", e);
        }
    }

    /** The same key through the JDK's SecretKeyFactory (the reference the fast path is tested against). */
    byte[] deriveWithJdk(char[] passphrase) {
        try {
            PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key derivation unavailable", e);
        }
    }

    public void write(Path file) throws IOException {
        ObjectNode n = Json.object();
        n.put("format", 1);
        n.put("cipher", "sqlcipher-v4");
        n.put("kdf", algorithm);
        n.put("iterations", iterations);
        n.put("salt", Base64.getEncoder().encodeToString(salt));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(n), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static KeyParams read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String kdf, salt64;
            int it;
            try {
                // the file is a flat object: read without Jackson, which a cold JVM takes long to load
                fr.carnet.util.FlatJson f = fr.carnet.util.FlatJson.parse(text);
                kdf = f.text("kdf", "");
                it = f.integer("iterations", 0);
                salt64 = f.text("salt", "");
            } catch (IllegalArgumentException notFlat) {
                ObjectNode n = Json.readObject(text);
                kdf = n.path("kdf").asText();
                it = n.path("iterations").asInt();
                salt64 = n.path("salt").asText();
            }
            byte[] salt = Base64.getDecoder().decode(salt64);
            if (!ALGORITHM.equals(kdf) || it < 1 || salt.length < 16) throw new StoreException("store.error.notAStore");
            return new KeyParams(kdf, it, salt);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("store.error.notAStore", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyParams k && k.algorithm.equals(algorithm) && k.iterations == iterations && Arrays.equals(k.salt, salt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt) * 31 + iterations;
    }

    @Override
    public String toString() {
        return "KeyParams[" + algorithm + ", " + iterations + "]";
    }
}
