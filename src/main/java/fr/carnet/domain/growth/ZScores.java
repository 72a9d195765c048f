package fr.carnet.domain.growth;

import fr.carnet.domain.Enums.Sex;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the five z-scores of a child's measurements against the WHO standards, applying
 * WHO's length/height rule: a recumbent length is expected under 731 days and a standing height
 * from then on; a height measured under 2 years gets +0.7 cm, a length measured from 2 years
 * −0.7 cm. BMI uses that adjusted length or height.
 */
public final class ZScores {
    /** WHO's difference between recumbent length and standing height. */
    public static final double LENGTH_HEIGHT_OFFSET_CM = 0.7;

    private ZScores() {}

    /**
     * The length or height WHO's tables expect at {@code ageDays}: under 731 days the length
     * (or the height + 0.7 cm when only a height was taken), from 731 days the height (or the
     * length − 0.7 cm); null when neither was measured.
     */
    public static Double lengthForStandards(int ageDays, Double lengthCm, Double heightCm) {
        if (ageDays < ChildAge.HEIGHT_FROM_DAYS) {
            if (lengthCm != null) return lengthCm;
            return heightCm == null ? null : heightCm + LENGTH_HEIGHT_OFFSET_CM;
        }
        if (heightCm != null) return heightCm;
        return lengthCm == null ? null : lengthCm - LENGTH_HEIGHT_OFFSET_CM;
    }

    /** The z-scores of one measurement, with the WHO standards. */
    public static ZScoreSet of(Sex sex, LocalDate birthDate, GrowthPoint p) {
        return of(GrowthStandards.who(), sex, birthDate, p);
    }

    /** The z-scores of one measurement; indicators that cannot be computed are left out. */
    public static ZScoreSet of(GrowthStandards std, Sex sex, LocalDate birthDate, GrowthPoint p) {
        ChildAge age = ChildAge.of(birthDate, p.date());
        int d = age.days();
        Double lh = lengthForStandards(d, p.lengthCm(), p.heightCm());
        Double w = p.weightKg();
        Double bmi = (w != null && lh != null && lh > 0) ? w / ((lh / 100) * (lh / 100)) : null;
        Map<Indicator, Double> z = new EnumMap<>(Indicator.class);
        put(z, Indicator.WEIGHT_FOR_AGE, w == null ? Double.NaN : std.zScore(Indicator.WEIGHT_FOR_AGE, sex, d, w));
        put(z, Indicator.LENGTH_HEIGHT_FOR_AGE, lh == null ? Double.NaN : std.zScore(Indicator.LENGTH_HEIGHT_FOR_AGE, sex, d, lh));
        put(z, Indicator.HEAD_FOR_AGE, p.headCm() == null ? Double.NaN : std.zScore(Indicator.HEAD_FOR_AGE, sex, d, p.headCm()));
        put(z, Indicator.WEIGHT_FOR_LENGTH_HEIGHT, w == null || lh == null ? Double.NaN : std.zScoreForLength(sex, d, lh, w));
        put(z, Indicator.BMI_FOR_AGE, bmi == null ? Double.NaN : std.zScore(Indicator.BMI_FOR_AGE, sex, d, bmi));
        return new ZScoreSet(p, age, lh, bmi, z);
    }

    /** The z-scores of a series, in the order given. */
    public static List<ZScoreSet> of(Sex sex, LocalDate birthDate, List<GrowthPoint> points) {
        GrowthStandards std = GrowthStandards.who();
        return points.stream().map(p -> of(std, sex, birthDate, p)).toList();
    }

    private static void put(Map<Indicator, Double> z, Indicator i, double v) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) z.put(i, v);
    }
}
