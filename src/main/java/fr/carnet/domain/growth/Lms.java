package fr.carnet.domain.growth;

/**
 * Box-Cox power (L), median (M) and coefficient of variation (S) of a reference at one x.
 *
 * @param l the Box-Cox power
 * @param m the median
 * @param s the coefficient of variation
 */
public record Lms(double l, double m, double s) {
    /** The plain LMS z-score: ((x/M)^L − 1) / (L·S), or ln(x/M)/S when L = 0. */
    public double z(double x) {
        if (l == 0) return Math.log(x / m) / s;
        if (l == 1) return (x / m - 1) / s;
        return (Math.pow(x / m, l) - 1) / (l * s);
    }

    /** The measure at z-score {@code z} (the SD curve): M·(1 + L·S·z)^(1/L), or M·e^(S·z). */
    public double value(double z) {
        if (l == 0) return m * Math.exp(s * z);
        if (l == 1) return m * (1 + s * z);
        return m * Math.pow(1 + l * s * z, 1 / l);
    }

    /**
     * WHO's restricted z-score for weight-based indicators: the LMS z within ±3, and beyond,
     * z = 3 + (x − SD3)/(SD3 − SD2) (symmetrically −3 + (x − SD3neg)/(SD2neg − SD3neg)), the
     * SD curves being computed from L, M and S, so that the distance between curves stays fixed.
     */
    public double restrictedZ(double x) {
        double z = z(x);
        if (z > 3) {
            double sd3 = value(3), sd2 = value(2);
            return 3 + (x - sd3) / (sd3 - sd2);
        }
        if (z < -3) {
            double sd3neg = value(-3), sd2neg = value(-2);
            return -3 + (x - sd3neg) / (sd2neg - sd3neg);
        }
        return z;
    }

    /** The measure at z under the restricted computation (the inverse of {@link #restrictedZ}). */
    public double restrictedValue(double z) {
        if (z > 3) {
            double sd3 = value(3), sd2 = value(2);
            return sd3 + (z - 3) * (sd3 - sd2);
        }
        if (z < -3) {
            double sd3neg = value(-3), sd2neg = value(-2);
            return sd3neg + (z + 3) * (sd2neg - sd3neg);
        }
        return value(z);
    }
}
