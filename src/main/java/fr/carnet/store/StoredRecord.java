package fr.carnet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.RecordType;
import fr.carnet.util.Json;
import java.util.List;

/**
 * A record as the laptop holds it: the sync envelope and its fields by wire name (unknown fields
 * included, so they survive a round trip).
 *
 * @param vv             the version vector of the last server state held ({} before the first push)
 * @param conflictId     the open conflict, or null
 * @param conflictFields the fields in conflict
 * @param updatedAt      when this laptop last changed the record (local clock, for display only)
 */
public record StoredRecord(RecordType type, String id, ObjectNode vv, boolean deleted, String conflictId,
                           List<String> conflictFields, SyncState syncState, ObjectNode fields, String authorId,
                           String serverTime, String updatedAt) {

    public String text(String field) {
        JsonNode n = fields.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    public JsonNode get(String field) {
        return fields.get(field);
    }

    /** The fields as a domain record (Household, Person, …), with the id set. */
    public <T> T as(Class<T> type) {
        ObjectNode n = fields.deepCopy();
        n.put("id", id);
        return Json.convert(n, type);
    }

    /** The id of the record this one belongs to (household, plan or person), or null for a household. */
    public String parentId() {
        return type.parentField() == null ? null : text(type.parentField());
    }
}
