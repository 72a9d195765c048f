package fr.carnet.domain.growth;

import fr.carnet.domain.growth.GrowthAlert.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * One alert rule, as data: {@link GrowthAlerts#DEFAULT_RULES} is a plain list of these, so a
 * service can change thresholds or drop a rule without touching the evaluation.
 */
public sealed interface GrowthRule {
    /** The alerts this rule raises on a child's series, ordered by date. */
    List<GrowthAlert> evaluate(List<ZScoreSet> series);

    /**
     * A z-score beyond ±{@code watchAt} (severity WATCH) or beyond ±{@code alertAt} (ALERT).
     * Strict inequalities: z = −2.0 exactly raises nothing. Values flagged as implausible are
     * left to {@link Implausible}.
     * Keys: {@code growth.alert.low} / {@code growth.alert.high}, args (indicator, z, line).
     */
    record ZBeyond(Indicator indicator, double watchAt, double alertAt) implements GrowthRule {
        @Override
        public List<GrowthAlert> evaluate(List<ZScoreSet> series) {
            List<GrowthAlert> out = new ArrayList<>();
            for (ZScoreSet s : series) {
                Double z = s.z(indicator);
                if (z == null || indicator.implausible(z)) continue;
                double a = Math.abs(z);
                if (a <= watchAt) continue;
                Severity sev = a > alertAt ? Severity.ALERT : Severity.WATCH;
                double line = Math.signum(z) * (a > alertAt ? alertAt : watchAt);
                out.add(new GrowthAlert(z < 0 ? "growth.alert.low" : "growth.alert.high", List.of(indicator, z, line), s.point().date(), indicator, sev));
            }
            return out;
        }
    }

    /**
     * A fall or rise across at least {@code minLines} of the seven major lines (z = −3 … +3)
     * between two consecutive measurements of the indicator. A line is crossed when the later
     * z-score reaches or passes it from the other side: for a fall from z1 to z2, the lines k
     * with z2 ≤ k &lt; z1; for a rise, z1 &lt; k ≤ z2. Leaving a line one sat exactly on does not
     * count, reaching one does. So 0 → −2 crosses two lines (−1, −2), 0 → −1.9 one, 0.1 → −1.0
     * two (Δz = 1.1): this is the clinical "crossing two major lines", not |Δz| ≥ 2. Beyond the
     * outer lines there is nothing to cross (+3.5 → +5.6 crosses none).
     * Keys: {@code growth.alert.fall} / {@code growth.alert.rise}, args (indicator, lines,
     * previous date, previous z, z).
     */
    record LineCrossing(Indicator indicator, int minLines) implements GrowthRule {
        @Override
        public List<GrowthAlert> evaluate(List<ZScoreSet> series) {
            List<GrowthAlert> out = new ArrayList<>();
            ZScoreSet prev = null;
            for (ZScoreSet s : series) {
                Double z = s.z(indicator);
                if (z == null || indicator.implausible(z)) continue;
                if (prev != null && s.point().date().isAfter(prev.point().date())) {
                    double z1 = prev.z(indicator);
                    int n = GrowthAlerts.linesCrossed(z1, z);
                    if (n >= minLines) {
                        out.add(new GrowthAlert(z < z1 ? "growth.alert.fall" : "growth.alert.rise",
                                List.of(indicator, n, prev.point().date(), z1, z), s.point().date(), indicator, Severity.ALERT));
                    }
                }
                prev = s;
            }
            return out;
        }
    }

    /**
     * No weight gain between two consecutive weighings of a baby under {@code underMonths}
     * completed months (at the later weighing): the later weight is not above the earlier one.
     * Weighings before {@code fromDays} days of life are not judged at the later end, since a
     * newborn may lose up to 10 % of its birth weight and regain it by 10–14 days.
     * Key: {@code growth.alert.noWeightGain}, args (previous date, previous kg, kg).
     */
    record NoWeightGain(int underMonths, int fromDays) implements GrowthRule {
        @Override
        public List<GrowthAlert> evaluate(List<ZScoreSet> series) {
            List<GrowthAlert> out = new ArrayList<>();
            ZScoreSet prev = null;
            for (ZScoreSet s : series) {
                Double w = s.point().weightKg();
                if (w == null || w <= 0) continue;
                if (prev != null && s.point().date().isAfter(prev.point().date())
                        && s.age().completedMonths() < underMonths && s.age().days() >= fromDays
                        && w <= prev.point().weightKg()) {
                    out.add(new GrowthAlert("growth.alert.noWeightGain", List.of(prev.point().date(), prev.point().weightKg(), w),
                            s.point().date(), null, Severity.ALERT));
                }
                prev = s;
            }
            return out;
        }
    }

    /**
     * A stored value that WHO would flag as biologically implausible (see
     * {@link Indicator#implausible}): most likely a typing error to correct.
     * Key: {@code growth.alert.implausible}, args (indicator, z).
     */
    record Implausible(Indicator indicator) implements GrowthRule {
        @Override
        public List<GrowthAlert> evaluate(List<ZScoreSet> series) {
            List<GrowthAlert> out = new ArrayList<>();
            for (ZScoreSet s : series) {
                Double z = s.z(indicator);
                if (z != null && indicator.implausible(z)) {
                    out.add(new GrowthAlert("growth.alert.implausible", List.of(indicator, z), s.point().date(), indicator, Severity.WATCH));
                }
            }
            return out;
        }
    }
}
