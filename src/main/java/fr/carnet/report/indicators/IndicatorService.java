package fr.carnet.report.indicators;

import static fr.carnet.store.generated.Tables.CHANGE_JOURNAL;
import static fr.carnet.store.generated.Tables.WORKER;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Computes the supervisor's indicators from the local store, in one read transaction:
 * {@code store.read(ctx -> IndicatorService.compute(ctx, sectorIds, today, settings))}.
 * How contacts become kinds of work is described in {@link WorkKind}. A contact or a visit is
 * counted for its author when the author is a known worker, otherwise for its household's first
 * referent (records imported from elsewhere carry no author).
 */
public final class IndicatorService {
    private IndicatorService() {}

    private record Household(String id, List<String> referents) {}

    private record Plan(String householdId, String status, LocalDate start, LocalDate plannedEnd, LocalDate closedOn) {}

    /**
     * The indicators of the active workers (not supervisors or administrators) of these sectors;
     * {@code sectorIds} null or empty means every worker the store knows.
     */
    public static TeamIndicators compute(DSLContext ctx, Collection<String> sectorIds, LocalDate today, IndicatorSettings settings) {
        Set<String> sectors = sectorIds == null ? Set.of() : Set.copyOf(sectorIds);
        // the team
        List<Record> workerRows = new ArrayList<>(ctx.select(WORKER.ID, WORKER.DISPLAY_NAME, WORKER.ROLE, WORKER.SECTOR_IDS, WORKER.FTE)
                .from(WORKER).where(WORKER.ACTIVE.eq(1)).fetch());
        Map<String, Record> team = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (Record w : workerRows) {
            known.add(w.get(WORKER.ID));
            Role role = role(w.get(WORKER.ROLE));
            if (role == null || role == Role.SUPERVISOR || role == Role.ADMIN) continue;
            if (!sectors.isEmpty()) {
                boolean in = false;
                for (JsonNode s : Json.read(w.get(WORKER.SECTOR_IDS))) in |= sectors.contains(s.asText());
                if (!in) continue;
            }
            team.put(w.get(WORKER.ID), w);
        }

        // households and who they belong to
        Map<String, Household> households = new HashMap<>();
        for (Record r : ctx.fetch("SELECT id, referent_ids FROM household WHERE deleted = 0")) {
            List<String> refs = new ArrayList<>();
            String json = r.get(1, String.class);
            if (json != null) for (JsonNode n : Json.read(json)) refs.add(n.asText());
            households.put(r.get(0, String.class), new Household(r.get(0, String.class), refs));
        }
        Map<String, List<String>> householdsOf = new HashMap<>();
        for (Household h : households.values())
            for (String w : h.referents()) householdsOf.computeIfAbsent(w, k -> new ArrayList<>()).add(h.id());

        // plans and their latest co-evaluation
        Map<String, List<Plan>> plansOf = new HashMap<>();
        Map<String, Plan> planById = new HashMap<>();
        for (Record r : ctx.fetch("SELECT id, household_id, status, start_date, planned_end_date, closed_on FROM plan WHERE deleted = 0")) {
            Plan p = new Plan(r.get(1, String.class), r.get(2, String.class), date(r.get(3, String.class)), date(r.get(4, String.class)),
                    date(r.get(5, String.class)));
            plansOf.computeIfAbsent(p.householdId(), k -> new ArrayList<>()).add(p);
            planById.put(r.get(0, String.class), p);
        }
        Map<Plan, LocalDate> lastEvaluation = new HashMap<>();
        for (Record r : ctx.fetch("SELECT plan_id, max(date) FROM evaluation WHERE deleted = 0 GROUP BY plan_id")) {
            Plan p = planById.get(r.get(0, String.class));
            if (p != null) lastEvaluation.put(p, date(r.get(1, String.class)));
        }

        // contacts: time by kind of work, last contact per household
        LocalDate periodStart = today.minusDays(settings.periodDays());
        Map<String, Map<WorkKind, Integer>> minutes = new HashMap<>();
        Map<String, LocalDate> lastContact = new HashMap<>();
        for (Record r : ctx.fetch("SELECT household_id, date, duration_minutes, mode, domains, author_id, extra FROM contact WHERE deleted = 0")) {
            String hid = r.get(0, String.class);
            LocalDate d = dateOf(r.get(1, String.class));
            if (d == null) continue;
            lastContact.merge(hid, d, (a, b) -> a.isAfter(b) ? a : b);
            Integer duration = r.get(2, Integer.class);
            if (duration == null || duration <= 0 || d.isBefore(periodStart) || d.isAfter(today)) continue;
            WorkKind kind = classify(r.get(3, String.class), r.get(4, String.class), r.get(6, String.class), plansOf.get(hid), d, today);
            String worker = attribute(r.get(5, String.class), households.get(hid), known);
            if (worker == null) continue;
            minutes.computeIfAbsent(worker, k -> new EnumMap<>(WorkKind.class)).merge(kind, duration, Integer::sum);
        }

        // visits due and overdue
        Map<String, int[]> visits = new HashMap<>();
        for (Record r : ctx.fetch("SELECT household_id, planned_at, author_id FROM visit WHERE deleted = 0 AND status = 'PLANNED'")) {
            LocalDate d = dateOf(r.get(1, String.class));
            String worker = attribute(r.get(2, String.class), households.get(r.get(0, String.class)), known);
            if (d == null || worker == null) continue;
            int[] v = visits.computeIfAbsent(worker, k -> new int[2]);
            if (d.isBefore(today)) v[1]++;
            else if (!d.isAfter(today.plusDays(settings.visitDueDays()))) v[0]++;
        }

        List<WorkerIndicators> out = new ArrayList<>();
        LocalDate evaluationLimit = today.minusMonths(settings.evaluationMonths());
        LocalDate contactLimit = today.minusWeeks(settings.contactWeeks());
        for (Record w : team.values()) {
            String id = w.get(WORKER.ID);
            Role role = role(w.get(WORKER.ROLE));
            double fte = w.get(WORKER.FTE) == null ? 1.0 : w.get(WORKER.FTE);
            List<String> hs = householdsOf.getOrDefault(id, List.of());
            int active = 0, pastEnd = 0, noEval = 0, noContact = 0;
            for (String hid : hs) {
                for (Plan p : plansOf.getOrDefault(hid, List.of())) {
                    if (!"ACTIVE".equals(p.status())) continue;
                    active++;
                    if (p.plannedEnd() != null && p.plannedEnd().isBefore(today)) pastEnd++;
                    LocalDate last = lastEvaluation.getOrDefault(p, p.start());
                    if (last == null || last.isBefore(evaluationLimit)) noEval++;
                }
                LocalDate lc = lastContact.get(hid);
                if (lc == null || lc.isBefore(contactLimit)) noContact++;
            }
            int[] v = visits.getOrDefault(id, new int[2]);
            out.add(new WorkerIndicators(id, w.get(WORKER.DISPLAY_NAME), role, fte, active, settings.accompanimentReference(role, fte),
                    minutes.get(id), settings.reception(role), settings.collective(role), hs.size(), v[0], v[1], pastEnd, noEval, noContact));
        }
        out.sort(Comparator.comparing(WorkerIndicators::name, String.CASE_INSENSITIVE_ORDER));

        int conflicts = 0;
        for (RecordType t : RecordType.values())
            conflicts += ctx.fetchCount(RecordRepository.table(t), RecordRepository.column(t, "conflict_id").isNotNull());
        int unsent = ctx.fetchCount(CHANGE_JOURNAL, CHANGE_JOURNAL.STATUS.eq("PENDING"));
        OffsetDateTime oldest = null;
        for (String s : ctx.select(CHANGE_JOURNAL.DEVICE_TIME).from(CHANGE_JOURNAL).where(CHANGE_JOURNAL.STATUS.eq("PENDING"))
                .fetch(CHANGE_JOURNAL.DEVICE_TIME)) {
            OffsetDateTime t = dateTime(s);
            if (t != null && (oldest == null || t.isBefore(oldest))) oldest = t;
        }
        return new TeamIndicators(today, settings, List.copyOf(out), conflicts, unsent, oldest);
    }

    /** The kind of work of one contact (see {@link WorkKind}). */
    static WorkKind classify(String mode, String domainsJson, String extraJson, List<Plan> plans, LocalDate date, LocalDate today) {
        boolean collectiveLife = domainsJson != null && domainsJson.contains("\"COLLECTIVE_LIFE\"");
        boolean flagged = extraJson != null && Json.readObject(extraJson).path("collective").asBoolean(false);
        if (flagged || ("OUTREACH".equals(mode) && collectiveLife)) return WorkKind.COLLECTIVE_ACTION;
        if (plans != null) {
            for (Plan p : plans) {
                if (p.start() == null || "DRAFT".equals(p.status())) continue;
                LocalDate end = "CLOSED".equals(p.status()) ? (p.closedOn() != null ? p.closedOn() : p.plannedEnd()) : today;
                if (!date.isBefore(p.start()) && (end == null || !date.isAfter(end))) return WorkKind.ACCOMPANIMENT;
            }
        }
        return WorkKind.RECEPTION_DIAGNOSIS;
    }

    private static String attribute(String author, Household h, Set<String> known) {
        if (author != null && known.contains(author)) return author;
        return h == null || h.referents().isEmpty() ? null : h.referents().get(0);
    }

    private static Role role(String s) {
        try {
            return s == null ? null : Role.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.length() < 10) return null;
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // The local date as written by the device (the offset is the worker's): no time-zone shift.
    private static LocalDate dateOf(String s) {
        return date(s);
    }

    private static OffsetDateTime dateTime(String s) {
        try {
            return s == null ? null : OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
