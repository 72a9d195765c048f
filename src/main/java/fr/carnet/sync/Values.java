package fr.carnet.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Value equality for field values as sync sees them: absent = null, 12 = 12.0, objects by content. */
public final class Values {
    private Values() {}

    public static JsonNode orNull(JsonNode n) {
        return n == null ? NullNode.getInstance() : n;
    }

    /** The value of {@code field} in {@code fields}, NullNode when absent. */
    public static JsonNode get(ObjectNode fields, String field) {
        return orNull(fields.get(field));
    }

    public static boolean same(JsonNode a, JsonNode b) {
        a = orNull(a);
        b = orNull(b);
        if (a.isNull() || b.isNull()) return a.isNull() && b.isNull();
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        if (a.isObject() && b.isObject()) {
            // an address with {"line2": null} is the same as one without line2
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!same(e.getValue(), b.get(e.getKey()))) return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!a.has(e.getKey()) && !orNull(e.getValue()).isNull()) return false;
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) return false;
            for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i))) return false;
            return true;
        }
        return a.equals(b);
    }

    /** Sets or removes (for null) a field. */
    public static void put(ObjectNode fields, String field, JsonNode v) {
        if (v == null || v.isNull()) fields.remove(field);
        else fields.set(field, v);
    }
}
