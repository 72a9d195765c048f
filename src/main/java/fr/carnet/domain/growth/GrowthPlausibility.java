package fr.carnet.domain.growth;

import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses likely typing errors in a child's measurement before it is saved: a non-positive
 * value, a value no child under six can have, or one WHO flags as biologically implausible
 * (weight-for-age z &lt; −6 or &gt; +5, length/height-for-age |z| &gt; 6, the others |z| &gt; 5).
 * Violation codes are under {@code validation.growth.*}.
 */
public final class GrowthPlausibility {
    /** Bounds no child from birth to six years can be outside of. */
    public static final double WEIGHT_MIN = 0.3, WEIGHT_MAX = 50, LENGTH_MIN = 30, LENGTH_MAX = 125,
            HEIGHT_MIN = 45, HEIGHT_MAX = 140, HEAD_MIN = 20, HEAD_MAX = 60;

    private GrowthPlausibility() {}

    /**
     * The violations of one measurement of a child born on {@code birthDate}; empty when it
     * may be saved. Field names are the wire names of the measurement record.
     *
     * @param sex the child's sex; for X (or an unknown birth date, null) only the absolute
     *            bounds are checked
     */
    public static List<Violation> check(Sex sex, LocalDate birthDate, GrowthPoint p) {
        List<Violation> out = new ArrayList<>();
        bounds(out, "weightKg", p.weightKg(), WEIGHT_MIN, WEIGHT_MAX);
        bounds(out, "lengthCm", p.lengthCm(), LENGTH_MIN, LENGTH_MAX);
        bounds(out, "heightCm", p.heightCm(), HEIGHT_MIN, HEIGHT_MAX);
        bounds(out, "headCm", p.headCm(), HEAD_MIN, HEAD_MAX);
        if (birthDate == null || sex == null) return out;
        if (p.date().isBefore(birthDate)) {
            out.add(Violation.of("date", "growth.beforeBirth"));
            return out;
        }
        if (!out.isEmpty()) return out; // z-scores of absurd values say nothing more
        ZScoreSet z = ZScores.of(sex, birthDate, p);
        for (Indicator i : Indicator.values()) {
            Double v = z.z(i);
            if (v != null && i.implausible(v)) out.add(Violation.of(field(i, p), "growth.implausible." + i.name(), v));
        }
        return out;
    }

    // The field to show the message under; weight-for-length and BMI involve two fields.
    private static String field(Indicator i, GrowthPoint p) {
        return switch (i) {
            case WEIGHT_FOR_AGE -> "weightKg";
            case LENGTH_HEIGHT_FOR_AGE -> p.lengthCm() != null ? "lengthCm" : "heightCm";
            case HEAD_FOR_AGE -> "headCm";
            case WEIGHT_FOR_LENGTH_HEIGHT, BMI_FOR_AGE -> "";
        };
    }

    private static void bounds(List<Violation> out, String field, Double v, double min, double max) {
        if (v == null) return;
        if (v.isNaN() || v <= 0) out.add(Violation.of(field, "growth.nonPositive"));
        else if (v < min || v > max) out.add(Violation.of(field, "growth.absurd", v, min, max));
    }
}
