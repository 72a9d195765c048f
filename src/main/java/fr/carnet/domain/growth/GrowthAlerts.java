package fr.carnet.domain.growth;

import fr.carnet.domain.Enums.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates the growth alert rules on a child's series of measurements. The rules are data
 * ({@link #DEFAULT_RULES}); see each {@link GrowthRule} for its exact definition.
 */
public final class GrowthAlerts {
    /** The seven major lines of the charts. */
    public static final int OUTER_LINE = 3;

    /**
     * For every indicator: beyond ±2 (watch) / ±3 (alert); two major lines crossed between
     * consecutive measurements; a stored implausible value. And no weight gain between two
     * weighings under 6 months (from day 15).
     */
    public static final List<GrowthRule> DEFAULT_RULES;

    static {
        List<GrowthRule> r = new ArrayList<>();
        for (Indicator i : Indicator.values()) r.add(new GrowthRule.ZBeyond(i, 2, 3));
        for (Indicator i : Indicator.values()) r.add(new GrowthRule.LineCrossing(i, 2));
        r.add(new GrowthRule.NoWeightGain(6, 15));
        for (Indicator i : Indicator.values()) r.add(new GrowthRule.Implausible(i));
        DEFAULT_RULES = List.copyOf(r);
    }

    private GrowthAlerts() {}

    /** The default rules on a child's measurements (any order). */
    public static List<GrowthAlert> evaluate(Sex sex, LocalDate birthDate, List<GrowthPoint> points) {
        return evaluate(ZScores.of(sex, birthDate, sorted(points)), DEFAULT_RULES);
    }

    /** {@code rules} on a series of z-scores; alerts ordered by date, then by rule order. */
    public static List<GrowthAlert> evaluate(List<ZScoreSet> series, List<GrowthRule> rules) {
        List<ZScoreSet> s = series.stream().sorted(Comparator.comparing(z -> z.point().date())).toList();
        List<GrowthAlert> out = new ArrayList<>();
        for (GrowthRule rule : rules) out.addAll(rule.evaluate(s));
        out.sort(Comparator.comparing(GrowthAlert::date)); // stable: rule order kept within a day
        return out;
    }

    /**
     * How many of the major lines z = −3 … +3 a move from {@code from} to {@code to} crosses:
     * for a fall the lines k with to ≤ k &lt; from, for a rise from &lt; k ≤ to.
     */
    public static int linesCrossed(double from, double to) {
        int n = 0;
        for (int k = -OUTER_LINE; k <= OUTER_LINE; k++) {
            if (to < from ? (to <= k && k < from) : (from < k && k <= to)) n++;
        }
        return n;
    }

    private static List<GrowthPoint> sorted(List<GrowthPoint> points) {
        return points.stream().sorted(Comparator.comparing(GrowthPoint::date)).toList();
    }
}
