package fr.carnet.report.indicators;

import fr.carnet.domain.Enums.Role;
import fr.carnet.report.indicators.IndicatorSettings.Range;
import java.util.EnumMap;
import java.util.Map;

/**
 * One worker's figures next to their references.
 *
 * @param activeAccompaniments    ACTIVE PIAs of households where the worker is a referent
 * @param accompanimentReference  20 × FTE for AS and CESF, null for other roles
 * @param minutes                 recorded contact minutes over the period, by kind of work
 * @param receptionReference      the role's reception-diagnosis range, or null
 * @param collectiveReference     the role's collective-action range, or null
 * @param households              live households where the worker is a referent
 * @param visitsDue               planned visits in the next days (settings)
 * @param visitsOverdue           visits still PLANNED whose date has passed
 * @param plansPastEnd            ACTIVE PIAs past their planned end date
 * @param plansWithoutEvaluation  ACTIVE PIAs with no co-evaluation for N months (since their start if none)
 * @param householdsWithoutContact households with no contact for N weeks (or none ever)
 */
public record WorkerIndicators(String workerId, String name, Role role, double fte, int activeAccompaniments,
                               Double accompanimentReference, Map<WorkKind, Integer> minutes, Range receptionReference,
                               Range collectiveReference, int households, int visitsDue, int visitsOverdue, int plansPastEnd,
                               int plansWithoutEvaluation, int householdsWithoutContact) {
    public WorkerIndicators {
        Map<WorkKind, Integer> m = new EnumMap<>(WorkKind.class);
        for (WorkKind k : WorkKind.values()) m.put(k, minutes == null ? 0 : minutes.getOrDefault(k, 0));
        minutes = java.util.Collections.unmodifiableMap(m);
    }

    /** All recorded contact minutes. */
    public int totalMinutes() {
        return minutes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The share (0..1) of recorded contact time spent on {@code kind}; 0 when nothing was recorded. */
    public double share(WorkKind kind) {
        int total = totalMinutes();
        return total == 0 ? 0 : minutes.get(kind) / (double) total;
    }

    /** Active accompaniments relative to the reference (1.0 = at the reference), or null without one. */
    public Double loadRatio() {
        return accompanimentReference == null || accompanimentReference == 0 ? null : activeAccompaniments / accompanimentReference;
    }
}
