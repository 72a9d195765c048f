package fr.carnet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The system's PBKDF2 (OpenSSL, through FFM) and the Java loop give the same bytes as the JDK's, on every kind of passphrase. */
class NativePbkdf2Test {
    private static final String[] PASSPHRASES = {"benchmark passphrase", "é", "Déjà vu à l’école, œuvre ÉTÉ", "🔐 coffre 🗝️",
        "x".repeat(127), "y".repeat(128), "z".repeat(129), "long ".repeat(60), ""};

    @Test
    void onThisLinuxMachineTheSystemFunctionIsUsed() {
        // Debian/Ubuntu ship libcrypto with the system: if it is there and the binding failed, this fails
        boolean libcrypto = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3")) || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libcrypto.so.3"));
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux") && libcrypto) assertThat(NativePbkdf2.available()).isTrue();
    }

    @Test
    void systemJavaAndJdkAgreeByteForByte() throws Exception {
        Random rnd = new Random(11);
        for (String pass : PASSPHRASES) {
            for (int keyBytes : new int[] {32, 64, 100}) {
                byte[] salt = new byte[1 + rnd.nextInt(40)];
                rnd.nextBytes(salt);
                int iterations = 1 + rnd.nextInt(3000);
                var spec = new javax.crypto.spec.PBEKeySpec(pass.toCharArray(), salt, iterations, keyBytes * 8);
                byte[] jdk = javax.crypto.SecretKeyFactory.getInstance(KeyParams.ALGORITHM).generateSecret(spec).getEncoded();
                assertThat(Pbkdf2Sha512.deriveInJava(pass.toCharArray(), salt, iterations, keyBytes)).as("java: %s", pass).isEqualTo(jdk);
                assertThat(Pbkdf2Sha512.derive(pass.toCharArray(), salt, iterations, keyBytes)).as("default: %s", pass).isEqualTo(jdk);
                if (NativePbkdf2.available()) {
                    byte[] utf8 = pass.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(NativePbkdf2.derive(utf8, salt, iterations, keyBytes)).as("system: %s", pass).isEqualTo(jdk);
                }
            }
        }
    }

    @Test
    void theStoresRealCostGivesTheSameKeyBothWays() throws Exception {
        byte[] salt = new byte[16];
        new Random(5).nextBytes(salt);
        char[] pass = "Une phrase de passe assez longue".toCharArray();
        assertThat(Pbkdf2Sha512.derive(pass, salt, KeyParams.MIN_ITERATIONS, 32))
                .isEqualTo(Pbkdf2Sha512.deriveInJava(pass, salt, KeyParams.MIN_ITERATIONS, 32));
    }
}
