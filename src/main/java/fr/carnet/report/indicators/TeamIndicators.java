package fr.carnet.report.indicators;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The supervisor's view of a team on one day: each worker's figures, and what waits on this
 * laptop (open conflicts, changes not yet sent to the server).
 *
 * @param asOf               the day the figures are computed for
 * @param settings           the references and thresholds used
 * @param workers            one line per active worker of the team, by name
 * @param openConflicts      records with an open conflict (conflict_id set)
 * @param unsentChanges      change-journal entries still PENDING
 * @param oldestUnsentChange the device time of the oldest PENDING change, or null
 */
public record TeamIndicators(LocalDate asOf, IndicatorSettings settings, List<WorkerIndicators> workers, int openConflicts,
                             int unsentChanges, OffsetDateTime oldestUnsentChange) {}
