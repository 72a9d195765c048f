package fr.carnet.domain.growth;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The z-scores of one measurement, with the measures they were computed from.
 *
 * @param point          the measurement
 * @param age            the child's age on that day
 * @param lengthHeightCm the length (under 731 days) or height, after WHO's ±0.7 cm adjustment,
 *                       or null
 * @param bmi            weight / (length or height in m)², or null
 * @param z              the z-score of each indicator that could be computed
 */
public record ZScoreSet(GrowthPoint point, ChildAge age, Double lengthHeightCm, Double bmi, Map<Indicator, Double> z) {
    public ZScoreSet {
        z = Collections.unmodifiableMap(z.isEmpty() ? new EnumMap<>(Indicator.class) : new EnumMap<>(z));
    }

    /** The z-score of {@code indicator}, or null when it could not be computed. */
    public Double z(Indicator indicator) {
        return z.get(indicator);
    }

    /**
     * The measure plotted for {@code indicator}: weight, adjusted length/height, head
     * circumference, weight (against {@link #x}), BMI; null when missing.
     */
    public Double measure(Indicator indicator) {
        return switch (indicator) {
            case WEIGHT_FOR_AGE, WEIGHT_FOR_LENGTH_HEIGHT -> point.weightKg();
            case LENGTH_HEIGHT_FOR_AGE -> lengthHeightCm;
            case HEAD_FOR_AGE -> point.headCm();
            case BMI_FOR_AGE -> bmi;
        };
    }

    /** The x of {@code indicator} on a chart: age in months, or the length/height in cm. */
    public Double x(Indicator indicator) {
        return indicator.byAge() ? age.months() : lengthHeightCm;
    }
}
