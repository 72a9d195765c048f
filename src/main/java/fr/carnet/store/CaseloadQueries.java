package fr.carnet.store;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The caseload: the households this laptop holds, with what a worker scans a list for — the
 * last contact, an open PIA, a visit due, a child under six, unsynced changes, a conflict.
 * One SQL statement; a search narrows it through the FTS tables (households by label, city or
 * postcode, and households of the persons whose names match).
 */
public final class CaseloadQueries {
    /** How many rows the list shows at most; the search narrows the rest. */
    public static final int DEFAULT_LIMIT = 200;

    private CaseloadQueries() {}

    /** What narrows the list; every flag set must hold. */
    public record Filter(String text, boolean mine, boolean openPlan, boolean visitDue, boolean childUnder6,
                         boolean pending, boolean conflict) {
        public static Filter none() {
            return new Filter("", false, false, false, false, false, false);
        }
    }

    /** One line of the caseload. */
    public record Row(String id, String label, String applicant, String city, String postcode, int persons,
                      LocalDate lastContact, boolean mine, boolean openPlan, boolean visitDue, boolean childUnder6,
                      SyncState syncState) {
        public boolean pending() {
            return syncState == SyncState.PENDING;
        }

        public boolean conflict() {
            return syncState == SyncState.CONFLICT;
        }
    }

    /**
     * The households matching the filter, most recently contacted first.
     *
     * @param role   a role that may not read plans never learns whether one is open
     * @param today  the local date "visit due" and "under 6" are judged on
     */
    public static List<Row> list(DSLContext ctx, Filter f, String workerId, Role role, LocalDate today, int limit) {
        List<Object> args = new ArrayList<>();
        boolean plans = role.readsConfidential();
        String sixYearsAgo = today.minusYears(6).toString();
        String dueBy = today.plusDays(7).toString();
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM (SELECT h.id, h.label, h.address, h.referent_ids, h.sync_state, h.conflict_id,
                  (SELECT p.last_name || ' ' || p.first_name FROM person p WHERE p.household_id = h.id AND p.deleted = 0
                     ORDER BY p.relationship = 'APPLICANT' DESC, p.birth_date LIMIT 1) AS applicant,
                  (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted = 0) AS persons,
                  (SELECT max(substr(c.date, 1, 10)) FROM contact c WHERE c.household_id = h.id AND c.deleted = 0) AS last_contact,
                """);
        if (plans) sql.append("EXISTS (SELECT 1 FROM plan pl WHERE pl.household_id = h.id AND pl.deleted = 0 AND pl.status = 'ACTIVE') AS open_plan,\n");
        else sql.append("0 AS open_plan,\n");
        sql.append("""
                  EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.deleted = 0 AND coalesce(v.status, 'PLANNED') = 'PLANNED'
                     AND substr(v.planned_at, 1, 10) <= ?) AS visit_due,
                  EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.deleted = 0 AND p.birth_date > ?) AS child_u6,
                  EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.sync_state <> 'SYNCED'
                     UNION ALL SELECT 1 FROM contact c WHERE c.household_id = h.id AND c.sync_state <> 'SYNCED'
                     UNION ALL SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.sync_state <> 'SYNCED') AS child_pending,
                  h.referent_ids LIKE ? AS mine
                FROM household h WHERE h.deleted = 0
                """);
        args.add(dueBy);
        args.add(sixYearsAgo);
        args.add("%\"" + workerId + "\"%");
        String match = FtsQuery.prefixes(f.text());
        if (match != null) {
            sql.append("""
                    AND (h.rid IN (SELECT rowid FROM household_fts WHERE household_fts MATCH ?)
                      OR h.id IN (SELECT p.household_id FROM person p WHERE p.deleted = 0
                                  AND p.rid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?)))
                    """);
            args.add(match);
            args.add(match);
        }
        sql.append(") WHERE 1 = 1");
        if (f.mine()) sql.append(" AND mine");
        if (f.openPlan()) sql.append(" AND open_plan");
        if (f.visitDue()) sql.append(" AND visit_due");
        if (f.childUnder6()) sql.append(" AND child_u6");
        if (f.pending()) sql.append(" AND (sync_state = 'PENDING' OR child_pending)");
        if (f.conflict()) sql.append(" AND sync_state = 'CONFLICT'");
        sql.append(" ORDER BY last_contact IS NULL, last_contact DESC, label LIMIT ?");
        args.add(limit);
        List<Row> out = new ArrayList<>();
        for (Record r : ctx.fetch(sql.toString(), args.toArray())) {
            JsonNode addr = r.get("address") == null ? Json.object() : Json.read(r.get("address", String.class));
            String lc = r.get("last_contact", String.class);
            SyncState st = SyncState.valueOf(r.get("sync_state", String.class));
            if (st == SyncState.SYNCED && r.get("child_pending", Integer.class) == 1) st = SyncState.PENDING;
            out.add(new Row(r.get("id", String.class), r.get("label", String.class), r.get("applicant", String.class),
                    addr.path("city").asText(""), addr.path("postcode").asText(""), r.get("persons", Integer.class),
                    lc == null ? null : LocalDate.parse(lc), bool(r, "mine"), bool(r, "open_plan"), bool(r, "visit_due"),
                    bool(r, "child_u6"), st));
        }
        return out;
    }

    private static boolean bool(Record r, String f) {
        Integer v = r.get(f, Integer.class);
        return v != null && v != 0;
    }

    /** A person that looks like the one about to be created. */
    public record PersonMatch(String personId, String householdId, String householdLabel, String lastName,
                              String firstName, LocalDate birthDate, boolean sameBirthDate) {}

    /**
     * Persons whose names start like these (accents and case ignored), those born the same day first:
     * shown before a person or household is created, so that a file is not opened twice.
     */
    public static List<PersonMatch> likelyDuplicates(DSLContext ctx, String lastName, String firstName, LocalDate birthDate) {
        String last = FtsQuery.prefixes(lastName);
        if (last == null) return List.of();
        String first = FtsQuery.prefixes(firstName);
        // Column filters: the last name may be a birth name too.
        String match = "{last_name birth_name}: (" + last + ")" + (first == null ? "" : " AND first_name: (" + first + ")");
        List<PersonMatch> out = new ArrayList<>();
        String bd = birthDate == null ? "" : birthDate.toString();
        for (Record r : ctx.fetch("""
                SELECT p.id, p.household_id, h.label, p.last_name, p.first_name, p.birth_date
                FROM person p JOIN household h ON h.id = p.household_id
                WHERE p.deleted = 0 AND h.deleted = 0 AND p.rid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?)
                ORDER BY p.birth_date = ? DESC, p.last_name, p.first_name LIMIT 10
                """, match, bd)) {
            String b = r.get("birth_date", String.class);
            LocalDate d = b == null ? null : LocalDate.parse(b);
            out.add(new PersonMatch(r.get("id", String.class), r.get("household_id", String.class), r.get("label", String.class),
                    r.get("last_name", String.class), r.get("first_name", String.class), d, d != null && d.equals(birthDate)));
        }
        return out;
    }
}
