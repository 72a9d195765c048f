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
        byte[] fast = KeyParams.pbkdf2HmacSha512("passphrase ok".toCharArray(), salt, 3, 100);
        var spec = new javax.crypto.spec.PBEKeySpec("passphrase ok".toCharArray(), salt, 3, 800);
        byte[] jdk = javax.crypto.SecretKeyFactory.getInstance(KeyParams.ALGORITHM).generateSecret(spec).getEncoded();
        assertThat(fast).isEqualTo(jdk);
    }
}
