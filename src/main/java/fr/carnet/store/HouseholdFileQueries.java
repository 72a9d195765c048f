package fr.carnet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Everything the household file screen shows, read in one go. What the role may not read is
 * removed here already (a secretary gets no plans or aid, and no notes, summaries, outcomes or
 * observations), so no screen can show it by mistake.
 */
public final class HouseholdFileQueries {
    private HouseholdFileQueries() {}

    /** One PIA with its objectives, actions and co-evaluations (oldest first). */
    public record PlanFile(StoredRecord plan, List<StoredRecord> objectives, List<StoredRecord> actions,
                           List<StoredRecord> evaluations) {
        /** The date of the latest co-evaluation, if any. */
        public Optional<LocalDate> lastEvaluation() {
            return evaluations.stream().map(e -> e.text("date")).filter(d -> d != null).map(LocalDate::parse)
                    .max(Comparator.naturalOrder());
        }
    }

    /** A household's file. Lists are sorted for display: persons by relationship then age, events newest first. */
    public record HouseholdFile(StoredRecord household, List<StoredRecord> persons, List<StoredRecord> contacts,
                                List<StoredRecord> visits, List<PlanFile> plans, List<StoredRecord> aids) {}

    public static Optional<HouseholdFile> load(DSLContext ctx, String householdId, Role role) {
        Optional<StoredRecord> h = RecordRepository.find(ctx, RecordType.HOUSEHOLD, householdId).filter(r -> !r.deleted());
        if (h.isEmpty()) return Optional.empty();
        List<String> hid = List.of(householdId);
        List<StoredRecord> persons = visible(RecordRepository.children(ctx, RecordType.PERSON, hid), role);
        persons.sort(Comparator.comparing((StoredRecord p) -> relOrder(p.text("relationship")))
                .thenComparing(p -> p.text("birthDate") == null ? "9999" : p.text("birthDate")));
        List<StoredRecord> contacts = visible(RecordRepository.children(ctx, RecordType.CONTACT, hid), role);
        contacts.sort(Comparator.comparing((StoredRecord c) -> c.text("date")).reversed());
        List<StoredRecord> visits = visible(RecordRepository.children(ctx, RecordType.VISIT, hid), role);
        visits.sort(Comparator.comparing((StoredRecord c) -> c.text("plannedAt")).reversed());
        List<PlanFile> plans = new ArrayList<>();
        List<StoredRecord> aids = List.of();
        if (role.readsConfidential()) {
            for (StoredRecord p : RecordRepository.children(ctx, RecordType.PLAN, hid)) plans.add(plan(ctx, p));
            plans.sort(Comparator.comparing((PlanFile p) -> p.plan().text("startDate")).reversed());
            aids = new ArrayList<>(RecordRepository.children(ctx, RecordType.AID, hid));
            aids.sort(Comparator.comparing((StoredRecord a) -> a.text("requestedOn")).reversed());
        }
        return Optional.of(new HouseholdFile(strip(h.get(), role), persons, contacts, visits, plans, aids));
    }

    public static PlanFile plan(DSLContext ctx, StoredRecord plan) {
        List<String> pid = List.of(plan.id());
        List<StoredRecord> objectives = new ArrayList<>(RecordRepository.children(ctx, RecordType.OBJECTIVE, pid));
        objectives.sort(Comparator.comparing((StoredRecord o) -> o.updatedAt()));
        List<StoredRecord> actions = new ArrayList<>(RecordRepository.children(ctx, RecordType.ACTION, pid));
        actions.sort(Comparator.comparing((StoredRecord o) -> o.updatedAt()));
        List<StoredRecord> evals = new ArrayList<>(RecordRepository.children(ctx, RecordType.EVALUATION, pid));
        evals.sort(Comparator.comparing((StoredRecord e) -> e.text("date")));
        return new PlanFile(plan, objectives, actions, evals);
    }

    public static Optional<PlanFile> plan(DSLContext ctx, String planId) {
        return RecordRepository.find(ctx, RecordType.PLAN, planId).filter(p -> !p.deleted()).map(p -> plan(ctx, p));
    }

    /** One revision of a record from the change journal: when, and which fields changed from what to what. */
    public record Revision(String when, String op, ObjectNode patch) {}

    /** A record's history as this laptop journalled it (oldest first): the PIA's revisions. */
    public static List<Revision> history(DSLContext ctx, RecordType type, String id) {
        List<Revision> out = new ArrayList<>();
        for (Record r : ctx.fetch("SELECT device_time, op, patch FROM change_journal WHERE record_type = ? AND record_id = ? ORDER BY seq",
                type.wire(), id))
            out.add(new Revision(r.get(0, String.class), r.get(1, String.class), Json.readObject(r.get(2, String.class))));
        return out;
    }

    /** A visit in the agenda, with its household's label and address. */
    public record AgendaItem(StoredRecord visit, String householdLabel, JsonNode householdAddress) {}

    /** The visits planned from {@code from} (inclusive) to {@code to} (exclusive), by time. */
    public static List<AgendaItem> agenda(DSLContext ctx, LocalDate from, LocalDate to, Role role) {
        return agenda(ctx, from, to, role, null);
    }

    /**
     * The visits of the week that are this worker's: planned by them (the visit's author) or of a
     * household they are a referent of. {@code workerId} null: every visit in scope.
     */
    public static List<AgendaItem> agenda(DSLContext ctx, LocalDate from, LocalDate to, Role role, String workerId) {
        List<AgendaItem> out = new ArrayList<>();
        String mine = workerId == null ? "" : " AND (v.author_id = ? OR h.referent_ids LIKE ?)";
        List<Object> args = new ArrayList<>(List.of(from.toString(), to.toString()));
        if (workerId != null) {
            args.add(workerId);
            args.add("%\"" + workerId + "\"%");
        }
        for (Record r : ctx.fetch("""
                SELECT v.id AS vid, h.label AS hlabel, h.address AS haddr FROM visit v JOIN household h ON h.id = v.household_id
                WHERE v.deleted = 0 AND h.deleted = 0 AND substr(v.planned_at, 1, 10) >= ? AND substr(v.planned_at, 1, 10) < ?"""
                + mine + "\nORDER BY v.planned_at", args.toArray())) {
            StoredRecord visit = RecordRepository.find(ctx, RecordType.VISIT, r.get("vid", String.class)).orElseThrow();
            String addr = r.get("haddr", String.class);
            out.add(new AgendaItem(strip(visit, role), r.get("hlabel", String.class), addr == null ? Json.object() : Json.read(addr)));
        }
        return out;
    }

    private static int relOrder(String rel) {
        if (rel == null) return 4;
        return switch (rel) {
            case "APPLICANT" -> 0;
            case "PARTNER" -> 1;
            case "CHILD" -> 2;
            default -> 3;
        };
    }

    private static List<StoredRecord> visible(List<StoredRecord> records, Role role) {
        List<StoredRecord> out = new ArrayList<>();
        for (StoredRecord r : records) if (!r.type().confidentialType() || role.readsConfidential()) out.add(strip(r, role));
        return out;
    }

    /** The record without the fields this role may not read. */
    public static StoredRecord strip(StoredRecord r, Role role) {
        if (role.readsConfidential()) return r;
        ObjectNode f = r.fields().deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); )
            if (r.type().hiddenFrom(it.next().getKey(), role)) it.remove();
        return new StoredRecord(r.type(), r.id(), r.vv(), r.deleted(), r.conflictId(), r.conflictFields(), r.syncState(), f,
                r.authorId(), r.serverTime(), r.updatedAt());
    }
}
