package fr.carnet.domain.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GrowthBundleTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = GrowthBundleTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeysAllPrefixed() throws Exception {
        Properties fr = load("i18n/growth.properties");
        Properties en = load("i18n/growth_en.properties");
        assertThat(en.keySet()).isEqualTo(fr.keySet());
        for (Object k : fr.keySet()) {
            assertThat((String) k).matches("(growth|validation\\.growth)\\..+");
            assertThat(fr.getProperty((String) k)).as("plain apostrophe in %s", k).doesNotContain("'");
            assertThat(en.getProperty((String) k)).as("plain apostrophe in %s", k).doesNotContain("'");
        }
        for (Indicator i : Indicator.values()) assertThat(fr).containsKey(i.labelKey()).containsKey("validation.growth.implausible." + i.name());
    }
}
