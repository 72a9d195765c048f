package fr.carnet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyParamsTest {
    @Test
    void theFastDerivationGivesTheJdksBytes() {
        Random rnd = new Random(7);
        String[] passphrases = {"benchmark passphrase", "Hélène à l'œil — 🙂 émoji", "x".repeat(200), "0123456789"};
        for (String pass : passphrases) {
            for (int iterations : new int[] {1, 2, 1000}) {
                byte[] salt = new byte[16 + rnd.nextInt(17)];
                rnd.nextBytes(salt);
                KeyParams k = new KeyParams(KeyParams.ALGORITHM, iterations, salt);
                assertThat(k.derive(pass.toCharArray())).isEqualTo(k.deriveWithJdk(pass.toCharArray())).hasSize(32);
            }
        }
    }

    @Test
    void longerKeysSpanSeveralBlocks() throws Exception {
        byte[] salt = "sixteen byte salt".getBytes();
        byte[] fast = Pbkdf2Sha512.derive("passphrase ok".toCharArray(), salt, 3, 100);
        var spec = new javax.crypto.spec.PBEKeySpec("passphrase ok".toCharArray(), salt, 3, 800);
        byte[] jdk = javax.crypto.SecretKeyFactory.getInstance(KeyParams.ALGORITHM).generateSecret(spec).getEncoded();
        assertThat(fast).isEqualTo(jdk);
    }

    @Test
    void theKeyFileReadsBackWithoutJacksonAndWithIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        byte[] salt = new byte[16];
        new Random(3).nextBytes(salt);
        KeyParams k = new KeyParams(KeyParams.ALGORITHM, 345_678, salt);
        java.nio.file.Path file = dir.resolve("s.db.key.json");
        k.write(file);
        assertThat(KeyParams.read(file)).isEqualTo(k);
        // the same parameters as another JSON writer may lay them out: spaced, reordered, with a nested field
        String b64 = java.util.Base64.getEncoder().encodeToString(salt);
        java.nio.file.Files.writeString(file, "{\n  \"salt\" : \"" + b64 + "\",\n  \"iterations\" : 345678,\n  \"kdf\" : \"PBKDF2WithHmacSHA512\"\n}\n");
        assertThat(KeyParams.read(file)).isEqualTo(k);
        java.nio.file.Files.writeString(file, "{\"kdf\":\"PBKDF2WithHmacSHA512\",\"iterations\":345678,\"salt\":\"" + b64 + "\",\"extra\":{\"v\":[1]}}");
        assertThat(KeyParams.read(file)).isEqualTo(k);
        for (String bad : new String[] {"{\"kdf\":\"MD5\",\"iterations\":345678,\"salt\":\"" + b64 + "\"}", "{\"kdf\":\"PBKDF2WithHmacSHA512\"}", "not json"}) {
            java.nio.file.Files.writeString(file, bad);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyParams.read(file)).as(bad).isInstanceOf(StoreException.class);
        }
    }
}
