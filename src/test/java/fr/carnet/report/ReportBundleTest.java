package fr.carnet.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums;
import fr.carnet.util.Formats;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReportBundleTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ReportBundleTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeysPrefixedWithoutPlainApostrophes() throws Exception {
        Properties fr = load("i18n/report.properties");
        Properties en = load("i18n/report_en.properties");
        assertThat(en.keySet()).isEqualTo(fr.keySet());
        for (Object k : fr.keySet()) {
            assertThat((String) k).startsWith("report.");
            assertThat(fr.getProperty((String) k)).as("plain apostrophe in %s", k).doesNotContain("'");
            assertThat(en.getProperty((String) k)).as("plain apostrophe in %s", k).doesNotContain("'");
        }
        for (var d : Enums.InterventionDomain.values()) assertThat(fr).containsKey("report.domain." + d.name());
        for (var m : Enums.ContactMode.values()) assertThat(fr).containsKey("report.mode." + m.name());
        for (var r : Enums.Role.values()) assertThat(fr).containsKey("report.role." + r.name());
    }

    @Test
    void formatsFollowFrenchAndSwissConventions() {
        Formats fr = Formats.of(Formats.FR_FR), ch = Formats.of(Formats.FR_CH);
        assertThat(fr.money(123450)).isEqualTo("1\u202F234,50\u00A0€");
        assertThat(ch.money(123450)).isEqualTo("1\u202F234.50\u00A0CHF");
        assertThat(fr.date(java.time.LocalDate.of(2026, 11, 26))).isEqualTo("26/11/2026");
        assertThat(ch.date(java.time.LocalDate.of(2026, 11, 26))).isEqualTo("26.11.26");
        assertThat(fr.longDate(java.time.LocalDate.of(2026, 11, 26))).isEqualTo("26 novembre 2026");
        assertThat(fr.parseMoney("1 234,50 €")).hasValue(123450);
        assertThat(fr.parseMoney("1\u202F234,5")).hasValue(123450);
        assertThat(ch.parseMoney("CHF 1'234.50")).hasValue(123450);
        assertThat(fr.parseMoney("12abc")).isEmpty();
        assertThat(fr.parseMoney("1,2,3")).isEmpty();
        assertThat(fr.parseDecimal("3,25")).hasValue(3.25);
        assertThat(fr.parseDecimal("3,25x")).isEmpty();
        assertThat(fr.percent(0.45)).isEqualTo("45\u202F%");
    }
}
