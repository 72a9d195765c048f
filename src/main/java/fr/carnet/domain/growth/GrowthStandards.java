package fr.carnet.domain.growth;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carnet.domain.Enums.Sex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WHO Child Growth Standards (2006), birth to 5 years: L, M, S and z-scores for the five
 * {@link Indicator}s. Tables are read once, on first use, from {@code who/*.json}.
 * <p>Which table serves which x:
 * <ul>
 * <li>age-based indicators: the weekly table up to 13 weeks (91 days), then the monthly table
 * (months × 30.4375 days), L, M and S interpolated linearly on age in days between rows;</li>
 * <li>length/height-for-age and BMI-for-age: the length (0–2 years) table under 731 days, the
 * height (2–5 years) table from 731 days;</li>
 * <li>weight-for-length/height: the weight-for-length table (45–110 cm) under 731 days, the
 * weight-for-height table (65–120 cm) from 731 days, interpolated on cm.</li>
 * </ul>
 * The caller gives the length or height already adjusted to what WHO expects at that age
 * (see {@link ZScores#lengthForStandards}). Methods return {@code NaN} (or {@code null}) where
 * the standards do not reach: sex X, age beyond 60 months, length outside the table.
 * Thread-safe; the tables are immutable once loaded.
 */
public final class GrowthStandards {
    private static final Logger log = LoggerFactory.getLogger(GrowthStandards.class);
    private static final double WEEKLY_UNTIL_DAYS = 91;

    private final Map<String, ReferenceTable> tables;

    private GrowthStandards(Map<String, ReferenceTable> tables) {
        this.tables = Map.copyOf(tables);
    }

    // Initialization-on-demand holder: loaded lazily, once, thread-safe without locking on reads.
    private static final class Holder {
        static final GrowthStandards WHO = loadWho();
    }

    /** The WHO 2006 standards, loaded on first call. */
    public static GrowthStandards who() {
        return Holder.WHO;
    }

    /** The names of every table file shipped under {@code who/}. */
    public static List<String> resourceNames() {
        List<String> out = new java.util.ArrayList<>();
        for (String sex : List.of("boys", "girls")) {
            for (String t : List.of("wfa_%s_0_13", "wfa_%s_0_5", "lhfa_%s_0_13", "lhfa_%s_0_2", "lhfa_%s_0_5", "lhfa_%s_2_5",
                    "hcfa_%s_0_13", "hcfa_%s_0_5", "bmifa_%s_0_13", "bmifa_%s_0_2", "bmifa_%s_2_5", "wfl_%s_0_2", "wfh_%s_2_5")) {
                out.add("who/" + t.formatted(sex) + "_zscores.json");
            }
        }
        return out;
    }

    private static GrowthStandards loadWho() {
        long t0 = System.nanoTime();
        ObjectMapper mapper = new ObjectMapper();
        Map<String, ReferenceTable> m = new HashMap<>();
        for (String r : resourceNames()) m.put(r, ReferenceTable.load(r, mapper));
        log.debug("WHO growth standards: {} tables loaded in {} ms", m.size(), (System.nanoTime() - t0) / 1_000_000);
        return new GrowthStandards(m);
    }

    /** A loaded table by resource name, e.g. {@code who/wfa_girls_0_5_zscores.json}. */
    public ReferenceTable table(String resource) {
        ReferenceTable t = tables.get(resource);
        if (t == null) throw new IllegalArgumentException("no table " + resource);
        return t;
    }

    private static String sexName(Sex sex) {
        return switch (sex) {
            case F -> "girls";
            case M -> "boys";
            case X -> null;
        };
    }

    /**
     * The table serving {@code indicator} for a child of {@code sex} aged {@code ageDays}
     * (whose x is then {@code ageDays}, or the length/height in cm for weight-for-length/height);
     * {@code null} for sex X.
     */
    public ReferenceTable tableFor(Indicator indicator, Sex sex, double ageDays) {
        String s = sexName(sex);
        if (s == null) return null;
        boolean weekly = ageDays <= WEEKLY_UNTIL_DAYS;
        boolean length = ageDays < ChildAge.HEIGHT_FROM_DAYS;
        String name = switch (indicator) {
            case WEIGHT_FOR_AGE -> weekly ? "wfa_%s_0_13" : "wfa_%s_0_5";
            case HEAD_FOR_AGE -> weekly ? "hcfa_%s_0_13" : "hcfa_%s_0_5";
            case LENGTH_HEIGHT_FOR_AGE -> weekly ? "lhfa_%s_0_13" : length ? "lhfa_%s_0_2" : "lhfa_%s_2_5";
            case BMI_FOR_AGE -> weekly ? "bmifa_%s_0_13" : length ? "bmifa_%s_0_2" : "bmifa_%s_2_5";
            case WEIGHT_FOR_LENGTH_HEIGHT -> length ? "wfl_%s_0_2" : "wfh_%s_2_5";
        };
        return tables.get("who/" + name.formatted(s) + "_zscores.json");
    }

    /**
     * L, M and S for an indicator.
     *
     * @param ageDays the age in days (decides the table even for weight-for-length/height)
     * @param x       the age in days again for age-based indicators, the length/height in cm
     *                for {@link Indicator#WEIGHT_FOR_LENGTH_HEIGHT}
     * @return the interpolated parameters, or {@code null} outside the standards
     */
    public Lms lms(Indicator indicator, Sex sex, double ageDays, double x) {
        if (!(ageDays >= 0)) return null;
        ReferenceTable t = tableFor(indicator, sex, ageDays);
        if (t == null) return null;
        // the length tables end at month 24 = 730.5 days, the height ones start at 731 days:
        // a fractional age in between (charts) takes the last length row
        if (indicator.byAge() && x > t.maxX() && x < ChildAge.HEIGHT_FROM_DAYS) x = t.maxX();
        return t.lmsAt(x);
    }

    /**
     * The z-score of {@code value} for an age-based indicator at {@code ageDays}, restricted
     * beyond ±3 for the weight-based indicators; {@code NaN} outside the standards.
     */
    public double zScore(Indicator indicator, Sex sex, double ageDays, double value) {
        if (!indicator.byAge()) throw new IllegalArgumentException(indicator + " needs a length or height: use zScoreForLength");
        return z(indicator, lms(indicator, sex, ageDays, ageDays), value);
    }

    /**
     * The weight-for-length (under 731 days) or weight-for-height (from 731 days) z-score,
     * restricted beyond ±3; {@code NaN} outside the standards.
     *
     * @param lengthOrHeightCm the length (under 2 years) or height, adjusted as WHO expects
     */
    public double zScoreForLength(Sex sex, double ageDays, double lengthOrHeightCm, double weightKg) {
        return z(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, lms(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, sex, ageDays, lengthOrHeightCm), weightKg);
    }

    private static double z(Indicator indicator, Lms lms, double value) {
        if (lms == null || !(value > 0)) return Double.NaN;
        return indicator.restricted() ? lms.restrictedZ(value) : lms.z(value);
    }

    /**
     * The measure at z-score {@code z} (an SD curve), the inverse of the z-score: restricted
     * beyond ±3 for weight-based indicators; {@code NaN} outside the standards.
     */
    public double valueAt(Indicator indicator, Sex sex, double ageDays, double x, double z) {
        Lms lms = lms(indicator, sex, ageDays, x);
        if (lms == null) return Double.NaN;
        return indicator.restricted() ? lms.restrictedValue(z) : lms.value(z);
    }
}
