package fr.carnet.domain.growth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.Violation;
import fr.carnet.domain.growth.GrowthAlert.Severity;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrowthAlertsTest {
    private static final LocalDate BIRTH = LocalDate.of(2024, 1, 1);
    private static final GrowthStandards WHO = GrowthStandards.who();

    /** A girl's weight at {@code days} days with weight-for-age z-score {@code z}. */
    private static GrowthPoint girlWeightAtZ(int days, double z) {
        double w = WHO.valueAt(Indicator.WEIGHT_FOR_AGE, Sex.F, days, days, z);
        return GrowthPoint.weight(BIRTH.plusDays(days), w);
    }

    @ParameterizedTest(name = "z {0} -> {1} {2}")
    @CsvSource({
            // z,     key (or none),       severity
            "0.0,    none,                 ",
            "-2.0,   none,                 ", // on the line: not beyond
            "2.0,    none,                 ",
            "-2.01,  growth.alert.low,     WATCH",
            "2.5,    growth.alert.high,    WATCH",
            "-3.0,   growth.alert.low,     WATCH",
            "-3.2,   growth.alert.low,     ALERT",
            "3.4,    growth.alert.high,    ALERT",
            "-7.0,   growth.alert.implausible, WATCH", // implausible: not a low-weight alert
    })
    void zBeyondTwoOrThree(double z, String key, Severity severity) {
        List<GrowthAlert> alerts = GrowthAlerts.evaluate(Sex.F, BIRTH, List.of(girlWeightAtZ(200, z)));
        if (key.equals("none")) {
            assertThat(alerts).isEmpty();
        } else {
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.key()).isEqualTo(key);
                assertThat(a.severity()).isEqualTo(severity);
                assertThat(a.indicator()).isEqualTo(Indicator.WEIGHT_FOR_AGE);
            });
        }
    }

    @ParameterizedTest(name = "{0} -> {1}: {2} lines")
    @CsvSource({
            "0.0,   -2.0,  2", // reaches -2 after passing -1
            "0.0,   -1.9,  1",
            "0.1,   -1.0,  2", // crosses 0 and reaches -1: dz = 1.1 only
            "0.0,   -1.0,  1", // leaving the 0 line does not count
            "-0.5,  1.5,   2",
            "-0.5,  0.9,   1",
            "1.0,   3.0,   2",
            "3.5,   5.6,   0", // beyond the outer line: nothing to cross
            "-2.5,  -4.0,  1",
            "2.9,   -3.1,  6",
            "1.2,   1.2,   0",
    })
    void linesCrossedBetweenTwoZScores(double from, double to, int lines) {
        assertThat(GrowthAlerts.linesCrossed(from, to)).isEqualTo(lines);
    }

    @ParameterizedTest(name = "z {0} then {1} -> {2}")
    @CsvSource({
            "0.5,   -1.6,  growth.alert.fall",
            "-0.2,  1.1,   growth.alert.rise",
            "0.5,   -0.6,  none",
            "-1.5,  -0.4,  none",
    })
    void fallOrRiseAcrossTwoLinesBetweenConsecutiveMeasurements(double z1, double z2, String key) {
        // two visits at 10 and 12 months, weight-for-age only
        List<GrowthAlert> alerts = GrowthAlerts.evaluate(Sex.F, BIRTH, List.of(girlWeightAtZ(365, z2), girlWeightAtZ(304, z1)));
        List<GrowthAlert> crossings = alerts.stream().filter(a -> a.key().startsWith("growth.alert.fall") || a.key().startsWith("growth.alert.rise")).toList();
        if (key.equals("none")) {
            assertThat(crossings).isEmpty();
        } else {
            assertThat(crossings).singleElement().satisfies(a -> {
                assertThat(a.key()).isEqualTo(key);
                assertThat(a.date()).isEqualTo(BIRTH.plusDays(365));
                assertThat(a.args().get(1)).isEqualTo(2);
                assertThat(a.args().get(2)).isEqualTo(BIRTH.plusDays(304));
            });
        }
    }

    @ParameterizedTest(name = "day {0} {1} kg, day {2} {3} kg -> {4}")
    @CsvSource({
            // days1, kg1,  days2, kg2, alert?
            "30,   4.2,   60,   4.2,  true",  // same weight at 2 months
            "30,   4.2,   60,   4.1,  true",  // lost weight
            "30,   4.2,   60,   4.25, false", // gained
            "0,    3.4,   5,    3.2,  false", // physiological loss of the first days
            "0,    3.4,   20,   3.3,  true",  // birth weight not regained at 20 days
            "150,  7.0,   175,  7.0,  true",  // 5 completed months
            "150,  7.0,   190,  7.0,  false", // 6 completed months at the later weighing
    })
    void noWeightGainUnderSixMonths(int d1, double w1, int d2, double w2, boolean alert) {
        List<GrowthAlert> alerts = GrowthAlerts.evaluate(Sex.M, BIRTH,
                List.of(GrowthPoint.weight(BIRTH.plusDays(d1), w1), GrowthPoint.weight(BIRTH.plusDays(d2), w2)));
        assertThat(alerts.stream().anyMatch(a -> a.key().equals("growth.alert.noWeightGain"))).isEqualTo(alert);
    }

    @Test
    void alertMessagesAreFrenchWithDecimalComma() {
        List<GrowthAlert> alerts = GrowthAlerts.evaluate(Sex.F, BIRTH, List.of(girlWeightAtZ(304, 0.5), girlWeightAtZ(365, -2.4)));
        assertThat(alerts).extracting(GrowthAlert::key).containsExactly("growth.alert.low", "growth.alert.fall");
        String low = alerts.get(0).message(Locale.FRENCH);
        assertThat(low).isEqualTo("« Poids selon l’âge » sous la courbe −2 : z = −2,4.");
        String fall = alerts.get(1).message(Locale.FRENCH);
        assertThat(fall).startsWith("« Poids selon l’âge » : franchit 3 courbes vers le bas depuis le 31/10/2024").contains("+0,5 → −2,4");
        assertThat(alerts.get(0).message(Locale.ENGLISH)).isEqualTo("Weight-for-age below the −2 line: z = −2.4.");
    }

    @Test
    void rulesAreDataThatCanBeChanged() {
        List<ZScoreSet> series = ZScores.of(Sex.F, BIRTH, List.of(girlWeightAtZ(200, -2.45)));
        assertThat(GrowthAlerts.evaluate(series, List.of(new GrowthRule.ZBeyond(Indicator.WEIGHT_FOR_AGE, 2.5, 3)))).isEmpty();
        assertThat(GrowthAlerts.evaluate(series, List.of(new GrowthRule.ZBeyond(Indicator.WEIGHT_FOR_AGE, 2, 2.4))))
                .singleElement().extracting(GrowthAlert::severity).isEqualTo(Severity.ALERT);
        assertThat(GrowthAlerts.DEFAULT_RULES).hasSize(16);
    }

    @ParameterizedTest(name = "{0} kg / {1} cm / {2} cm head at {3} days -> {4}")
    @CsvSource(nullValues = "null", value = {
            // weight, length, head, days, violation code (or none)
            "7.5,   66.0,  43.0,  200,  none",
            "0,     66.0,  43.0,  200,  growth.nonPositive",
            "-3,    null,  null,  200,  growth.nonPositive",
            "75,    null,  null,  200,  growth.absurd",       // 7,5 typed 75
            "7.5,   660,   null,  200,  growth.absurd",       // 66 typed 660
            "7.5,   null,  4.3,   200,  growth.absurd",
            "2.0,   null,  null,  200,  growth.implausible.WEIGHT_FOR_AGE", // z < -6 at 6.5 months
            "25.0,  null,  null,  200,  growth.implausible.WEIGHT_FOR_AGE", // z > +5
            "7.5,   96.0,  null,  200,  growth.implausible.LENGTH_HEIGHT_FOR_AGE",
            "7.5,   null,  53.0,  200,  growth.implausible.HEAD_FOR_AGE",
    })
    void implausibleValuesAreRefusedBeforeSaving(Double w, Double len, Double head, int days, String code) {
        GrowthPoint p = new GrowthPoint(BIRTH.plusDays(days), w, len, null, head);
        List<Violation> v = GrowthPlausibility.check(Sex.M, BIRTH, p);
        if (code.equals("none")) assertThat(v).isEmpty();
        else assertThat(v).extracting(Violation::code).contains(code);
        v.forEach(x -> assertThat(x.message()).doesNotStartWith("!"));
    }

    @Test
    void weightForLengthFlagsAWeightThatDoesNotFitTheLength() {
        // 9 months, 72 cm, 17 kg: weight-for-age is high but WFL is beyond +5
        List<Violation> v = GrowthPlausibility.check(Sex.M, BIRTH, new GrowthPoint(BIRTH.plusDays(274), 17.0, 72.0, null, null));
        assertThat(v).extracting(Violation::code).contains("growth.implausible.WEIGHT_FOR_LENGTH_HEIGHT");
        assertThat(GrowthPlausibility.check(Sex.M, BIRTH, new GrowthPoint(BIRTH.minusDays(1), 3.0, null, null, null)))
                .extracting(Violation::code).containsExactly("growth.beforeBirth");
    }
}
