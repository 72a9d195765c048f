package fr.carnet.domain.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.carnet.domain.Enums.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GrowthStandardsTest {
    private static final GrowthStandards WHO = GrowthStandards.who();

    static Stream<Arguments> everyRowOfEveryTable() {
        List<Arguments> out = new ArrayList<>();
        for (String name : GrowthStandards.resourceNames()) {
            ReferenceTable t = WHO.table(name);
            for (ReferenceTable.Row r : t.rows()) out.add(Arguments.of(name, r.x(), r));
        }
        return out.stream();
    }

    private static Indicator indicatorOf(String resource) {
        String code = resource.substring("who/".length(), resource.indexOf('_'));
        return switch (code) {
            case "wfa" -> Indicator.WEIGHT_FOR_AGE;
            case "lhfa" -> Indicator.LENGTH_HEIGHT_FOR_AGE;
            case "hcfa" -> Indicator.HEAD_FOR_AGE;
            case "bmifa" -> Indicator.BMI_FOR_AGE;
            default -> Indicator.WEIGHT_FOR_LENGTH_HEIGHT;
        };
    }

    private static double z(Indicator i, Lms lms, double x) {
        return i.restricted() ? lms.restrictedZ(x) : lms.z(x);
    }

    /**
     * The SD columns are rounded to 0.1: the exact curve value lies within ±0.05 of the
     * tabulated one. So the z of the tabulated value must be the whole number ± 0.05, or, where
     * 0.05 of the measure is worth more than 0.05 of z (small weights: at birth 0.05 kg is
     * ~0.1 z, at 45 cm weight-for-length ~0.23 z), within what that rounding allows.
     */
    @ParameterizedTest(name = "{0} x={1}")
    @MethodSource("everyRowOfEveryTable")
    void sdCurvesOfEveryRowHaveTheirWholeZScore(String resource, double x, ReferenceTable.Row row) {
        Indicator ind = indicatorOf(resource);
        for (int k = -3; k <= 3; k++) {
            double sd = row.sdAt(k);
            double zTab = z(ind, row.lms(), sd);
            double rounding = Math.max(Math.abs(z(ind, row.lms(), sd + 0.05) - zTab), Math.abs(z(ind, row.lms(), sd - 0.05) - zTab));
            double tolerance = Math.max(0.05, rounding + 1e-3);
            assertThat(zTab).as("%s row %s SD %d (%s)", resource, x, k, sd).isCloseTo(k, within(tolerance));
            // and the exact curve value rounds to the tabulated one
            double exact = ind.restricted() ? row.lms().restrictedValue(k) : row.lms().value(k);
            assertThat(exact).as("%s row %s curve %d", resource, x, k).isCloseTo(sd, within(0.05 + 1e-6));
        }
    }

    /** The same through the public API, at every row of the tables it uses for that x. */
    @ParameterizedTest(name = "{0} x={1}")
    @MethodSource("everyRowOfEveryTable")
    void publicApiGivesWholeZScoresAtEveryRowItServes(String resource, double x, ReferenceTable.Row row) {
        Indicator ind = indicatorOf(resource);
        Sex sex = resource.contains("_girls_") ? Sex.F : Sex.M;
        boolean wfh = resource.contains("/wfh_");
        double ageDays = ind.byAge() ? row.xDays() : (wfh ? 1000 : 100);
        ReferenceTable served = WHO.tableFor(ind, sex, ageDays);
        if (served == null || !served.name().equals(resource)) return; // another table serves this x
        for (int k : new int[] {-3, -2, 0, 2, 3}) {
            double zApi = ind.byAge() ? WHO.zScore(ind, sex, ageDays, row.sdAt(k)) : WHO.zScoreForLength(sex, ageDays, row.x(), row.sdAt(k));
            double expected = z(ind, row.lms(), row.sdAt(k));
            assertThat(zApi).as("%s row %s SD %d", resource, x, k).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void everyTableIsLoadedAndIncreasing() {
        assertThat(GrowthStandards.resourceNames()).hasSize(26);
        assertThat(WHO.table("who/wfl_boys_0_2_zscores.json").rows()).hasSize(131);
        assertThat(WHO.table("who/lhfa_boys_0_5_zscores.json").rows()).hasSize(62); // month 24 twice
        assertThat(GrowthStandards.who()).isSameAs(WHO);
    }

    @Test
    void loadsOnceAcrossThreads() throws Exception {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<java.util.concurrent.Future<GrowthStandards>>();
            for (int i = 0; i < 32; i++) futures.add(pool.submit(GrowthStandards::who));
            for (var f : futures) assertThat(f.get()).isSameAs(WHO);
        }
    }

    @Test
    void girlOfFourWeeksWeighingFourAndAHalfKilos() {
        // Born 2024-01-01, weighed 2024-01-29: 28 days = week 4 of wfa_girls_0_13:
        // L = 0.1789, M = 4.0987, S = 0.13805 -> z = ((4.5/4.0987)^0.1789 - 1) / (0.1789 * 0.13805) = 0.6823
        ChildAge age = ChildAge.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 29));
        assertThat(age.days()).isEqualTo(28);
        assertThat(WHO.zScore(Indicator.WEIGHT_FOR_AGE, Sex.F, age.days(), 4.5)).isCloseTo(0.6823, within(1e-4));
    }

    @Test
    void interpolatesLmsLinearlyOnAgeInDaysBetweenMonthlyRows() {
        // Boy, 100 days, 7.0 kg. Month 3 = 91.3125 d (L 0.1738, M 6.3762, S 0.11727), month 4 =
        // 121.75 d (L 0.1553, M 7.0023, S 0.11316); t = 8.6875 / 30.4375 = 0.285421
        // L = 0.168520, M = 6.554902, S = 0.116097 -> z = 0.5690
        Lms lms = WHO.lms(Indicator.WEIGHT_FOR_AGE, Sex.M, 100, 100);
        assertThat(lms.l()).isCloseTo(0.168520, within(1e-6));
        assertThat(lms.m()).isCloseTo(6.554902, within(1e-6));
        assertThat(lms.s()).isCloseTo(0.116097, within(1e-6));
        assertThat(WHO.zScore(Indicator.WEIGHT_FOR_AGE, Sex.M, 100, 7.0)).isCloseTo(0.5690, within(1e-4));
    }

    @Test
    void weightForLengthInterpolatesOnCentimetres() {
        // Boy of 10 months, 75.0 cm, 9.0 kg: row 75 of wfl_boys_0_2 (L -0.3521, M 9.5032, S 0.08295)
        // z = ((9/9.5032)^-0.3521 - 1) / (-0.3521 * 0.08295) = -0.6622
        assertThat(WHO.zScoreForLength(Sex.M, 304, 75.0, 9.0)).isCloseTo(-0.6622, within(1e-4));
        // halfway between 75 and 75.5 cm, M is halfway too
        Lms a = WHO.lms(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.M, 304, 75.0);
        Lms b = WHO.lms(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.M, 304, 75.5);
        Lms mid = WHO.lms(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.M, 304, 75.25);
        assertThat(mid.m()).isCloseTo((a.m() + b.m()) / 2, within(1e-9));
        // a length outside 45-110 cm has no reference
        assertThat(WHO.zScoreForLength(Sex.M, 304, 44.0, 2.0)).isNaN();
        // from 731 days the weight-for-height table (65-120 cm) serves
        assertThat(WHO.tableFor(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.M, 731).name()).isEqualTo("who/wfh_boys_2_5_zscores.json");
        assertThat(WHO.tableFor(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, Sex.M, 730).name()).isEqualTo("who/wfl_boys_0_2_zscores.json");
    }

    @Test
    void restrictedZScoreBeyondPlusThree() {
        // Boy 12 months (365.25 d): L 0.0644, M 9.6479, S 0.10925; SD3 = 13.34417, SD2 = 11.98574.
        // 15 kg: plain LMS z = 4.0974, restricted z = 3 + (15 - 13.34417) / (13.34417 - 11.98574) = 4.2189
        double z = WHO.zScore(Indicator.WEIGHT_FOR_AGE, Sex.M, 365.25, 15.0);
        assertThat(z).isCloseTo(4.2189, within(1e-4));
        assertThat(WHO.valueAt(Indicator.WEIGHT_FOR_AGE, Sex.M, 365.25, 365.25, z)).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void restrictedZScoreBeyondMinusThree() {
        // Same boy, 6 kg: SD3neg = 6.92738, SD2neg = 7.74222; plain LMS z = -4.2818,
        // restricted z = -3 + (6 - 6.92738) / (7.74222 - 6.92738) = -4.1381
        assertThat(WHO.zScore(Indicator.WEIGHT_FOR_AGE, Sex.M, 365.25, 6.0)).isCloseTo(-4.1381, within(1e-4));
    }

    @Test
    void lengthAndHeightAreNotRestricted() {
        Lms lms = WHO.lms(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.M, 365.25, 365.25);
        assertThat(WHO.zScore(Indicator.LENGTH_HEIGHT_FOR_AGE, Sex.M, 365.25, lms.value(4.5))).isCloseTo(4.5, within(1e-9));
    }

    @Test
    void switchesFromLengthToHeightAt731Days() {
        LocalDate birth = LocalDate.of(2022, 3, 10);
        // 2024-03-09 = 730 days: a standing height of 86.0 counts as a length of 86.7; length table
        // between month 23 (M 85.5202, S 0.03711) and 24 (M 86.4153, S 0.03734), t = 0.983573:
        // M = 86.40060, S = 0.0373362 -> z = (86.7/86.40060 - 1) / 0.0373362 = 0.0928
        ZScoreSet before = ZScores.of(Sex.F, birth, new GrowthPoint(LocalDate.of(2024, 3, 9), null, null, 86.0, null));
        assertThat(before.age().days()).isEqualTo(730);
        assertThat(before.lengthHeightCm()).isCloseTo(86.7, within(1e-9));
        assertThat(before.z(Indicator.LENGTH_HEIGHT_FOR_AGE)).isCloseTo(0.0928, within(1e-4));
        // 2024-03-10 = 731 days: the height itself; height table between month 24 (M 85.7153,
        // S 0.03764) and 25 (M 86.5904, S 0.03786), t = 0.016427: M = 85.72968, S = 0.0376436
        // -> z = (86.0/85.72968 - 1) / 0.0376436 = 0.0838
        ZScoreSet after = ZScores.of(Sex.F, birth, new GrowthPoint(LocalDate.of(2024, 3, 10), null, null, 86.0, null));
        assertThat(after.age().days()).isEqualTo(731);
        assertThat(after.lengthHeightCm()).isCloseTo(86.0, within(1e-9));
        assertThat(after.z(Indicator.LENGTH_HEIGHT_FOR_AGE)).isCloseTo(0.0838, within(1e-4));
        // a length taken lying down at 2 years counts 0.7 cm less
        ZScoreSet lying = ZScores.of(Sex.F, birth, new GrowthPoint(LocalDate.of(2024, 3, 10), null, 86.7, null, null));
        assertThat(lying.lengthHeightCm()).isCloseTo(86.0, within(1e-9));
        assertThat(ZScores.lengthForStandards(100, 60.0, 59.0)).isEqualTo(60.0);
        assertThat(ZScores.lengthForStandards(800, 90.0, 89.0)).isEqualTo(89.0);
    }

    @Test
    void bmiUsesTheAdjustedLengthOrHeight() {
        // Boy 36 months (1095.75 d... born 2021-01-01, seen 2024-01-01 = 1095 d), 95.0 cm, 15.3 kg
        ZScoreSet s = ZScores.of(Sex.M, LocalDate.of(2021, 1, 1), new GrowthPoint(LocalDate.of(2024, 1, 1), 15.3, null, 95.0, 49.5));
        assertThat(s.bmi()).isCloseTo(15.3 / (0.95 * 0.95), within(1e-9));
        assertThat(s.z()).containsOnlyKeys(Indicator.values());
        // BMI 17 at exactly 36 months: L -0.3101, M 15.5988, S 0.07931 -> z = 1.0703
        assertThat(WHO.zScore(Indicator.BMI_FOR_AGE, Sex.M, 36 * ChildAge.DAYS_PER_MONTH, 17.0)).isCloseTo(1.0703, within(1e-4));
    }

    @Test
    void outsideTheStandardsThereIsNoZScore() {
        assertThat(WHO.zScore(Indicator.WEIGHT_FOR_AGE, Sex.M, 1900, 20)).isNaN(); // beyond 60 months
        assertThat(WHO.zScore(Indicator.WEIGHT_FOR_AGE, Sex.X, 100, 6)).isNaN();
        assertThat(WHO.zScore(Indicator.WEIGHT_FOR_AGE, Sex.M, 100, 0)).isNaN();
        ZScoreSet s = ZScores.of(Sex.X, LocalDate.of(2024, 1, 1), GrowthPoint.weight(LocalDate.of(2024, 2, 1), 4.0));
        assertThat(s.z()).isEmpty();
    }

    @Test
    void childAgeCountsDaysAndCompletedMonthsAndYears() {
        ChildAge a = ChildAge.of(LocalDate.of(2023, 1, 31), LocalDate.of(2025, 2, 28));
        assertThat(a.days()).isEqualTo(759);
        assertThat(a.completedMonths()).isEqualTo(24);
        assertThat(a.completedYears()).isEqualTo(2);
        assertThat(a.months()).isCloseTo(759 / 30.4375, within(1e-12));
        assertThat(a.lengthExpected()).isFalse();
        assertThat(ChildAge.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)).completedMonths()).isZero();
    }
}
