package fr.carnet.store;

import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.SyncState;
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
     * <p>Two steps in one statement: the inner select walks {@code household_caseload} (the
     * display order, on the maintained {@code last_contact} column) applying the search and the
     * filters, and stops at {@code limit}; only those rows get the per-household columns
     * (applicant, counts, flags). A search that matches few persons and households starts from
     * their FTS matches instead and sorts that handful.
     *
     * @param role   a role that may not read plans never learns whether one is open
     * @param today  the local date "visit due" and "under 6" are judged on
     */
    public static List<Row> list(DSLContext ctx, Filter f, String workerId, Role role, LocalDate today, int limit) {
        boolean plans = role.readsConfidential();
        String sixYearsAgo = today.minusYears(6).toString();
        String dueBy = today.plusDays(7).toString();
        String mineLike = "%\"" + workerId + "\"%";
        String match = FtsQuery.prefixes(f.text());

        // Step 1: the ids of the rows shown, in display order.
        List<Object> args = new ArrayList<>();
        StringBuilder ids = new StringBuilder();
        if (match != null && selective(ctx, match)) {
            // Few matches: start from them (an IN list drives the loop), sort the handful.
            ids.append("""
                    SELECT h.rid FROM (SELECT rowid AS rid FROM household_fts WHERE household_fts MATCH ?
                                       UNION SELECT h2.rid FROM person p JOIN household h2 ON h2.id = p.household_id
                                         WHERE p.deleted = 0 AND p.rid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?)) m
                      CROSS JOIN household h ON h.rid = m.rid
                    WHERE h.deleted = 0
                    """);
            args.add(match);
            args.add(match);
        } else {
            // Many matches or none asked: walk the households in display order, stop at the limit.
            // "+p.rid": the FTS hits are a set to test each member against, never a list to loop over.
            ids.append("SELECT h.rid FROM household h WHERE h.deleted = 0\n");
            if (match != null) {
                ids.append("""
                        AND (h.rid IN (SELECT rowid FROM household_fts WHERE household_fts MATCH ?)
                          OR EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.deleted = 0
                                     AND +p.rid IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?)))
                        """);
                args.add(match);
                args.add(match);
            }
        }
        if (f.mine()) {
            ids.append(" AND h.referent_ids LIKE ?\n");
            args.add(mineLike);
        }
        if (f.openPlan() && plans) ids.append(" AND ").append(OPEN_PLAN).append('\n');
        if (f.openPlan() && !plans) ids.append(" AND 0\n");
        if (f.visitDue()) {
            ids.append(" AND ").append(VISIT_DUE).append('\n');
            args.add(dueBy);
        }
        if (f.childUnder6()) {
            ids.append(" AND ").append(CHILD_U6).append('\n');
            args.add(sixYearsAgo);
        }
        if (f.pending()) ids.append(" AND (h.sync_state = 'PENDING' OR ").append(CHILD_PENDING).append(")\n");
        if (f.conflict()) ids.append(" AND h.sync_state = 'CONFLICT'\n");
        ids.append(" ORDER BY ").append(ORDER).append(" LIMIT ?");
        args.add(limit);

        // Step 2: the columns shown, for those rows only.
        List<Object> all = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                SELECT h.id, h.label, json_extract(h.address, '$.city') AS city, json_extract(h.address, '$.postcode') AS postcode,
                  h.sync_state, h.last_contact,
                  (SELECT p.last_name || ' ' || p.first_name FROM person p WHERE p.household_id = h.id AND p.deleted = 0
                     ORDER BY p.relationship = 'APPLICANT' DESC, p.birth_date LIMIT 1) AS applicant,
                  (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.deleted = 0) AS persons,
                """);
        sql.append(plans ? OPEN_PLAN : "0").append(" AS open_plan,\n");
        sql.append(VISIT_DUE).append(" AS visit_due,\n");
        all.add(dueBy);
        sql.append(CHILD_U6).append(" AS child_u6,\n");
        all.add(sixYearsAgo);
        sql.append(CHILD_PENDING).append(" AS child_pending,\n");
        sql.append("h.referent_ids LIKE ? AS mine\n");
        all.add(mineLike);
        sql.append("FROM (").append(ids).append(") shown CROSS JOIN household h ON h.rid = shown.rid\n");
        all.addAll(args);
        sql.append("ORDER BY ").append(ORDER);

        List<Row> out = new ArrayList<>();
        for (Record r : ctx.fetch(sql.toString(), all.toArray())) {
            String lc = r.get("last_contact", String.class);
            SyncState st = SyncState.valueOf(r.get("sync_state", String.class));
            if (st == SyncState.SYNCED && r.get("child_pending", Integer.class) == 1) st = SyncState.PENDING;
            out.add(new Row(r.get("id", String.class), r.get("label", String.class), r.get("applicant", String.class),
                    text(r, "city"), text(r, "postcode"), r.get("persons", Integer.class),
                    lc == null ? null : LocalDate.parse(lc), bool(r, "mine"), bool(r, "open_plan"), bool(r, "visit_due"),
                    bool(r, "child_u6"), st));
        }
        return out;
    }

    /** The display order; matches the household_caseload index (V005) term for term. */
    private static final String ORDER = "h.last_contact IS NULL, h.last_contact DESC, h.label";
    private static final String OPEN_PLAN =
            "EXISTS (SELECT 1 FROM plan pl WHERE pl.household_id = h.id AND pl.deleted = 0 AND pl.status = 'ACTIVE')";
    private static final String VISIT_DUE = """
            EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.deleted = 0 AND coalesce(v.status, 'PLANNED') = 'PLANNED'
               AND substr(v.planned_at, 1, 10) <= ?)""";
    private static final String CHILD_U6 =
            "EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.deleted = 0 AND p.birth_date > ?)";
    private static final String CHILD_PENDING = """
            EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.sync_state <> 'SYNCED'
               UNION ALL SELECT 1 FROM contact c WHERE c.household_id = h.id AND c.sync_state <> 'SYNCED'
               UNION ALL SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.sync_state <> 'SYNCED')""";
    /** Above this many FTS hits, walking the households in order beats sorting the matches. */
    static final int SELECTIVE_HITS = 1500;

    /** Whether the search matches few enough persons and households to start from the matches. */
    private static boolean selective(DSLContext ctx, String match) {
        Integer n = ctx.fetchOne("""
                SELECT (SELECT count(*) FROM (SELECT 1 FROM person_fts WHERE person_fts MATCH ? LIMIT ?))
                     + (SELECT count(*) FROM (SELECT 1 FROM household_fts WHERE household_fts MATCH ? LIMIT ?))
                """, match, SELECTIVE_HITS + 1, match, SELECTIVE_HITS + 1).get(0, Integer.class);
        return n != null && n <= SELECTIVE_HITS;
    }

    /** A column read as text, "" when null (the city and postcode, which SQLite takes out of the address's JSON). */
    private static String text(Record r, String f) {
        String v = r.get(f, String.class);
        return v == null ? "" : v;
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
