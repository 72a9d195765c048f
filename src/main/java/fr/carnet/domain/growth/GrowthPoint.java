package fr.carnet.domain.growth;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One measurement of a child, as the {@code measurement} record holds it; any measure may be
 * missing. A length is measured lying down, a height standing up.
 *
 * @param date     the day of the measurement
 * @param weightKg weight in kg, or null
 * @param lengthCm recumbent length in cm, or null
 * @param heightCm standing height in cm, or null
 * @param headCm   head circumference in cm, or null
 */
public record GrowthPoint(LocalDate date, Double weightKg, Double lengthCm, Double heightCm, Double headCm) {
    public GrowthPoint {
        Objects.requireNonNull(date, "date");
    }

    /** A point with a weight only. */
    public static GrowthPoint weight(LocalDate date, double weightKg) {
        return new GrowthPoint(date, weightKg, null, null, null);
    }
}
