package fr.carnet.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.util.Json;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an edit form changed: the fields whose edited value differs from the record's current one
 * (a field left empty becomes null, which clears it). Equal meaning counts as unchanged — 45 and
 * 45L, the same instant written with another offset, the same list in another order — so that
 * saving an untouched form writes nothing.
 */
public final class RecordDiff {
    private RecordDiff() {}

    /** @param fields the fields the form edits; others are left alone */
    /** The record as it would be once {@code changes} are written (a null value clears the field). */
    public static ObjectNode applied(ObjectNode original, ObjectNode changes) {
        ObjectNode out = original.deepCopy();
        for (var it = changes.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isNull()) out.remove(e.getKey());
            else out.set(e.getKey(), e.getValue());
        }
        return out;
    }

    public static ObjectNode changes(ObjectNode original, ObjectNode edited, Collection<String> fields) {
        ObjectNode out = Json.object();
        for (String f : fields) {
            JsonNode old = original.get(f);
            JsonNode nv = edited.get(f);
            if (same(old, nv)) continue;
            if (empty(nv)) out.putNull(f);
            else out.set(f, nv);
        }
        return out;
    }

    static boolean same(JsonNode a, JsonNode b) {
        boolean aEmpty = empty(a), bEmpty = empty(b);
        if (aEmpty || bEmpty) return aEmpty && bEmpty;
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        if (a.isTextual() && b.isTextual()) {
            if (a.asText().equals(b.asText())) return true;
            return sameInstant(a.asText(), b.asText());
        }
        if (a.isArray() && b.isArray()) return texts(a).equals(texts(b)) && a.size() == b.size();
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) if (!same(a.get(n), b.get(n))) return false;
            return true;
        }
        return a.equals(b);
    }

    private static boolean empty(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || (n.isTextual() && n.asText().isEmpty())
                || (n.isArray() && n.isEmpty()) || (n.isObject() && n.isEmpty());
    }

    private static Set<String> texts(JsonNode arr) {
        Set<String> s = new TreeSet<>();
        for (JsonNode n : arr) s.add(n.toString());
        return s;
    }

    private static boolean sameInstant(String a, String b) {
        if (a.length() < 16 || b.length() < 16 || a.charAt(10) != 'T' || b.charAt(10) != 'T') return false;
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
