package fr.carnet.domain.growth;

/**
 * The five WHO growth indicators for children under five.
 * <p>Age-based indicators take the age in days as their x; {@link #WEIGHT_FOR_LENGTH_HEIGHT}
 * takes the length (under 731 days) or the height (from 731 days) in cm.
 */
public enum Indicator {
    /** Weight (kg) for age. */
    WEIGHT_FOR_AGE("wfa", true, -6, 5),
    /** Recumbent length (under 2 years) or standing height (from 2 years), cm, for age. */
    LENGTH_HEIGHT_FOR_AGE("lhfa", false, -6, 6),
    /** Head circumference (cm) for age. */
    HEAD_FOR_AGE("hcfa", false, -5, 5),
    /** Weight (kg) for length (0–2 years, 45–110 cm) or for height (2–5 years, 65–120 cm). */
    WEIGHT_FOR_LENGTH_HEIGHT("wfl", true, -5, 5),
    /** Body-mass index (kg/m²) for age. */
    BMI_FOR_AGE("bmifa", true, -5, 5);

    private final String code;
    private final boolean restricted;
    private final double flagLow;
    private final double flagHigh;

    Indicator(String code, boolean restricted, double flagLow, double flagHigh) {
        this.code = code;
        this.restricted = restricted;
        this.flagLow = flagLow;
        this.flagHigh = flagHigh;
    }

    /** WHO's short code (wfa, lhfa, hcfa, wfl, bmifa), as in the table file names. */
    public String code() {
        return code;
    }

    /** Whether WHO's restricted computation applies beyond ±3 SD (the weight-based indicators). */
    public boolean restricted() {
        return restricted;
    }

    /** Whether the x of this indicator is an age (otherwise a length or height in cm). */
    public boolean byAge() {
        return this != WEIGHT_FOR_LENGTH_HEIGHT;
    }

    /**
     * WHO's flag for biologically implausible values (WHO Anthro / igrowup): a z-score below
     * {@code flagLow} or above {@code flagHigh} is most likely a measuring or typing error.
     */
    public boolean implausible(double z) {
        return z < flagLow || z > flagHigh;
    }

    /** The lower implausibility limit (−6 for weight- and length-for-age, −5 otherwise). */
    public double flagLow() {
        return flagLow;
    }

    /** The upper implausibility limit (+6 for length/height-for-age, +5 otherwise). */
    public double flagHigh() {
        return flagHigh;
    }

    /** The bundle key of the indicator's French name. */
    public String labelKey() {
        return "growth.indicator." + name();
    }
}
