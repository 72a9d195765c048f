package fr.carnet.domain.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.growth.GrowthChart.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GrowthChartTest {
    static final LocalDate BIRTH = LocalDate.of(2023, 2, 14);

    /** A girl followed from birth to 4 years, whose weight falls away between 9 and 15 months. */
    static List<GrowthPoint> girl() {
        List<GrowthPoint> p = new ArrayList<>();
        int[] days = {0, 8, 30, 61, 122, 183, 274, 365, 456, 548, 730, 913, 1095, 1460};
        double[] kg = {3.2, 3.15, 4.1, 5.2, 6.3, 7.2, 8.1, 8.3, 8.2, 8.9, 10.4, 11.3, 12.6, 14.6};
        double[] cm = {49.5, 50.0, 53.8, 57.5, 62.5, 66.0, 70.8, 74.5, 77.0, 80.5, 85.8, 89.6, 93.5, 100.6};
        double[] head = {34.0, 34.4, 36.6, 38.8, 40.5, 42.0, 43.4, 44.6, 45.3, 46.0, 47.0, 47.6, 48.2, 49.0};
        for (int i = 0; i < days.length; i++) {
            boolean standing = days[i] >= 731;
            p.add(new GrowthPoint(BIRTH.plusDays(days[i]), kg[i], standing ? null : cm[i], standing ? cm[i] : null, head[i]));
        }
        return p;
    }

    @Test
    void chartHoldsCurvesBandsPointsAndFrenchLabels() {
        GrowthChart c = GrowthChart.of(Indicator.WEIGHT_FOR_AGE, Sex.F, BIRTH, girl(), Span.BIRTH_TO_2, Locale.FRENCH);
        assertThat(c.title()).isEqualTo("Poids selon l’âge — Fille");
        assertThat(c.xAxis().label()).isEqualTo("Âge (mois)");
        assertThat(c.yAxis().label()).isEqualTo("Poids (kg)");
        assertThat(c.curves()).hasNumberOfRows(7);
        assertThat(c.bands()).hasSize(8);
        assertThat(c.points()).hasSize(11); // those under 24 months
        assertThat(c.xAxis().min()).isZero();
        assertThat(c.xAxis().max()).isEqualTo(24);
        // median at birth: 3.2322 kg
        assertThat(c.curves()[3][0]).isCloseTo(3.2322, org.assertj.core.api.Assertions.within(1e-4));
        GrowthChart bmi = GrowthChart.of(Indicator.BMI_FOR_AGE, Sex.M, BIRTH, girl(), Span.BIRTH_TO_5, Locale.FRENCH);
        assertThat(bmi.yAxis().label()).isEqualTo("IMC (kg/m²)");
        assertThat(bmi.yAxis().ticks()).isNotEmpty();
        assertThat(fr.carnet.i18n.Messages.get(Locale.FRENCH, "growth.chart.tick", 2.5)).isEqualTo("2,5");
        assertThat(GrowthChart.of(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.F, BIRTH, girl(), Span.BIRTH_TO_5, Locale.FRENCH).points())
                .hasSize(3).allSatisfy(p -> assertThat(p.x()).isBetween(65.0, 120.0)); // from 731 days
        assertThatThrownBy(() -> GrowthChart.of(Indicator.WEIGHT_FOR_AGE, Sex.X, BIRTH, girl())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spanFollowsTheChildsAge() {
        assertThat(GrowthChart.of(Indicator.HEAD_FOR_AGE, Sex.F, BIRTH, girl().subList(0, 5)).span()).isEqualTo(Span.BIRTH_TO_2);
        assertThat(GrowthChart.of(Indicator.HEAD_FOR_AGE, Sex.F, BIRTH, girl()).span()).isEqualTo(Span.BIRTH_TO_5);
    }
}
