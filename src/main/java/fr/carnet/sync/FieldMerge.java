package fr.carnet.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The field-level three-way merge of SYNC.md: a patch {@code {field: {old, new}}} made on an older
 * state is merged into the current state unit by unit, where a unit is one field or a type's merge
 * group (a measurement's date and values; an address is one field already). Per unit: the current
 * value equals what the author saw → take the new value; it already equals the new value → nothing
 * to do (same value on both sides); otherwise the unit is in conflict and keeps its current value.
 */
public final class FieldMerge {
    private FieldMerge() {}

    /**
     * The outcome of a merge.
     *
     * @param merged      the current fields with every non-conflicting unit applied
     * @param conflicting the fields in conflict (in patch order)
     * @param proposal    the patch's values for the conflicting fields
     * @param base        what the author saw for the conflicting fields
     * @param changed     the fields whose value this merge changed
     */
    public record Result(ObjectNode merged, List<String> conflicting, ObjectNode proposal, ObjectNode base,
                         List<String> changed) {
        public boolean hasConflict() {
            return !conflicting.isEmpty();
        }
    }

    /**
     * Merges {@code patch} into {@code current}. {@code baseSnapshot} is the record's state at the
     * patch's base when known (it gives the base of group fields the patch does not carry), else null.
     */
    public static Result merge(RecordType type, ObjectNode current, ObjectNode patch, ObjectNode baseSnapshot) {
        ObjectNode merged = current.deepCopy();
        List<String> conflicting = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        ObjectNode proposal = Json.object();
        ObjectNode base = Json.object();
        for (List<String> unit : units(type, patch)) {
            List<String> all = unitFields(type, unit);
            ObjectNode b = Json.object(), mine = Json.object(), cur = Json.object();
            for (String f : all) {
                JsonNode c = Values.get(current, f);
                JsonNode bv = patch.has(f) ? Values.orNull(patch.get(f).get("old"))
                        : baseSnapshot != null ? Values.get(baseSnapshot, f) : c;
                JsonNode mv = patch.has(f) ? Values.orNull(patch.get(f).get("new")) : bv;
                b.set(f, bv);
                mine.set(f, mv);
                cur.set(f, c);
            }
            if (sameAll(all, cur, b)) {
                for (String f : all) {
                    if (!Values.same(cur.get(f), mine.get(f))) {
                        Values.put(merged, f, mine.get(f));
                        changed.add(f);
                    }
                }
            } else if (!sameAll(all, cur, mine)) {
                for (String f : all) {
                    if (!Values.same(b.get(f), cur.get(f)) || !Values.same(b.get(f), mine.get(f))) {
                        conflicting.add(f);
                        proposal.set(f, mine.get(f));
                        base.set(f, b.get(f));
                    }
                }
            }
        }
        return new Result(merged, conflicting, proposal, base, changed);
    }

    /** Applies a patch's new values without comparing (a change based on the current state). */
    public static Result fastForward(ObjectNode current, ObjectNode patch) {
        ObjectNode merged = current.deepCopy();
        List<String> changed = new ArrayList<>();
        for (var it = patch.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode nv = Values.orNull(e.getValue().get("new"));
            if (!Values.same(current.get(e.getKey()), nv)) {
                Values.put(merged, e.getKey(), nv);
                changed.add(e.getKey());
            }
        }
        return new Result(merged, List.of(), Json.object(), Json.object(), changed);
    }

    /** The patch's fields grouped into merge units, in patch order. */
    public static List<List<String>> units(RecordType type, ObjectNode patch) {
        List<List<String>> out = new ArrayList<>();
        List<String> group = new ArrayList<>();
        Set<String> g = type == null ? Set.of() : type.mergeGroup();
        for (var it = patch.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (g.contains(f)) {
                if (group.isEmpty()) out.add(group);
                group.add(f);
            } else out.add(List.of(f));
        }
        return out;
    }

    /** The fields a unit compares: the whole merge group when the unit is (part of) it. */
    static List<String> unitFields(RecordType type, List<String> unit) {
        if (type != null && !type.mergeGroup().isEmpty() && type.mergeGroup().contains(unit.get(0))) {
            Set<String> all = new LinkedHashSet<>(unit);
            for (String f : type.fields().keySet()) if (type.mergeGroup().contains(f)) all.add(f);
            return List.copyOf(all);
        }
        return unit;
    }

    private static boolean sameAll(List<String> fields, ObjectNode a, ObjectNode b) {
        for (String f : fields) if (!Values.same(a.get(f), b.get(f))) return false;
        return true;
    }
}
