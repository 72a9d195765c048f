package fr.carnet.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Accent-insensitive prefix search over persons and households (SQLite FTS5 with
 * {@code remove_diacritics 2}): "helene", "HEL" and "hél" all find Hélène.
 */
public final class SearchRepository {
    /** A person found by name. */
    public record PersonHit(String id, String householdId, String lastName, String firstName, String birthDate) {}

    /** A household found by its label, city or postcode, or through one of its persons. */
    public record HouseholdHit(String id, String label, String city, List<PersonHit> persons) {}

    private SearchRepository() {}

    /**
     * The FTS5 query for what a person typed: every word is a prefix, all words must match.
     * Returns null when nothing searchable was typed.
     */
    public static String matchExpression(String typed) {
        return FtsQuery.prefixes(typed);
    }

    /** Live persons whose last, first or birth name starts with what was typed (at most {@code limit}). */
    public static List<PersonHit> persons(DSLContext ctx, String typed, int limit) {
        String match = matchExpression(typed);
        if (match == null) return List.of();
        List<PersonHit> out = new ArrayList<>();
        for (Record r : ctx.fetch("SELECT p.id, p.household_id, p.last_name, p.first_name, p.birth_date FROM person_fts "
                + "JOIN person p ON p.rid = person_fts.rowid WHERE person_fts MATCH ? AND p.deleted = 0 LIMIT ?", match, limit))
            out.add(new PersonHit(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                    r.get(4, String.class)));
        return out;
    }

    /** Live households matching by label, city or postcode, or through their persons' names. */
    public static List<HouseholdHit> households(DSLContext ctx, String typed, int limit) {
        String match = matchExpression(typed);
        if (match == null) return List.of();
        Map<String, HouseholdHit> hits = new LinkedHashMap<>();
        for (Record r : ctx.fetch("SELECT h.id, h.label, json_extract(h.address, '$.city') FROM household_fts "
                + "JOIN household h ON h.rid = household_fts.rowid WHERE household_fts MATCH ? AND h.deleted = 0 LIMIT ?", match, limit))
            hits.put(r.get(0, String.class), new HouseholdHit(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), new ArrayList<>()));
        List<PersonHit> persons = persons(ctx, typed, limit);
        List<String> missing = persons.stream().map(PersonHit::householdId).filter(h -> !hits.containsKey(h)).distinct().toList();
        if (!missing.isEmpty()) {
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < missing.size(); i++) in.append(i == 0 ? "?" : ",?");
            for (Record r : ctx.fetch("SELECT id, label, json_extract(address, '$.city') FROM household WHERE deleted = 0 AND id IN (" + in + ")",
                    missing.toArray()))
                hits.put(r.get(0, String.class), new HouseholdHit(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), new ArrayList<>()));
        }
        for (PersonHit p : persons) {
            HouseholdHit h = hits.get(p.householdId());
            if (h != null) h.persons().add(p);
        }
        return hits.values().stream().limit(limit).toList();
    }
}
