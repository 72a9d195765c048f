package fr.carnet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.FieldKind;
import fr.carnet.domain.FieldSpec;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.RecordValidator;
import fr.carnet.domain.ValidationException;
import fr.carnet.domain.Violation;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The only way local edits reach the store. Each edit is validated, written, and its
 * change-journal entry ({field: {old, new}}) appended — in one transaction on the writer thread.
 * Deleting is a tombstone. The role's limits (SYNC.md "Roles on the wire") are enforced here too.
 */
public final class Editor {
    private final Store store;
    private final String actorId;
    private final Role role;

    public Editor(Store store, String actorId, Role role) {
        this.store = store;
        this.actorId = actorId;
        this.role = role;
    }

    public String actorId() {
        return actorId;
    }

    public Role role() {
        return role;
    }

    /** Creates a record with a new id ({@link RecordIds}) and returns the id. */
    public String create(RecordType type, ObjectNode fields) {
        String id = RecordIds.newId();
        create(type, id, fields);
        return id;
    }

    /** Creates a record with the given id. */
    public StoredRecord create(RecordType type, String id, ObjectNode fields) {
        checkRole(type, fields);
        ObjectNode f = withoutNulls(fields);
        if (type == RecordType.HOUSEHOLD && actorId != null) addReferent(f, actorId);
        return store.write(ctx -> {
            if (RecordRepository.exists(ctx, type, id)) throw new ValidationException(List.of(Violation.of("", "duplicateId", id)));
            checkRecord(ctx, type, f);
            String now = now();
            StoredRecord r = new StoredRecord(type, id, Json.object(), false, null, List.of(), SyncState.PENDING, f,
                    actorId, null, now);
            RecordRepository.insert(ctx, r);
            ObjectNode patch = Json.object();
            for (var it = f.fields(); it.hasNext(); ) {
                var e = it.next();
                patch.set(e.getKey(), change(NullNode.getInstance(), e.getValue()));
            }
            ChangeJournal.append(ctx, type, id, "create", Json.object(), patch, null, actorId, now);
            AuditLog.record(ctx, OffsetDateTime.now(store.clock()), actorId, AuditLog.Action.CREATE, type, id, null);
            return r;
        });
    }

    /**
     * Changes some fields (a null value clears the field). Only the fields whose value differs are
     * written and journalled; an edit that changes nothing writes nothing.
     */
    public StoredRecord update(RecordType type, String id, ObjectNode changes) {
        checkRole(type, changes);
        return store.write(ctx -> {
            StoredRecord cur = RecordRepository.find(ctx, type, id)
                    .orElseThrow(() -> new StoreException("store.error.notFound"));
            if (cur.deleted()) throw new StoreException("store.error.deleted");
            ObjectNode next = cur.fields().deepCopy();
            ObjectNode patch = Json.object();
            for (var it = changes.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode old = cur.fields().has(e.getKey()) ? cur.fields().get(e.getKey()) : NullNode.getInstance();
                JsonNode nv = e.getValue() == null ? NullNode.getInstance() : e.getValue();
                if (nv.isTextual() && nv.asText().isEmpty()) nv = NullNode.getInstance();
                if (Objects.equals(old, nv)) continue;
                patch.set(e.getKey(), change(old, nv));
                if (nv.isNull()) next.remove(e.getKey());
                else next.set(e.getKey(), nv);
            }
            if (patch.isEmpty()) return cur;
            checkRecord(ctx, type, next);
            String now = now();
            StoredRecord r = new StoredRecord(type, id, cur.vv(), false, cur.conflictId(), cur.conflictFields(),
                    cur.conflictId() != null ? SyncState.CONFLICT : SyncState.PENDING, next, cur.authorId(), cur.serverTime(), now);
            RecordRepository.replace(ctx, r);
            ChangeJournal.append(ctx, type, id, "update", cur.vv(), patch, null, actorId, now);
            AuditLog.record(ctx, OffsetDateTime.now(store.clock()), actorId, AuditLog.Action.UPDATE, type, id,
                    String.join(",", iterable(patch.fieldNames())));
            return r;
        });
    }

    /** Marks a record deleted (a tombstone: the row and its history stay). */
    public StoredRecord delete(RecordType type, String id) {
        return setDeleted(type, id, true);
    }

    /** Brings a deleted record back (the "undo" of a delete). */
    public StoredRecord undelete(RecordType type, String id) {
        return setDeleted(type, id, false);
    }

    private StoredRecord setDeleted(RecordType type, String id, boolean deleted) {
        checkRole(type, Json.object());
        return store.write(ctx -> {
            StoredRecord cur = RecordRepository.find(ctx, type, id)
                    .orElseThrow(() -> new StoreException("store.error.notFound"));
            if (cur.deleted() == deleted) return cur;
            String now = now();
            StoredRecord r = new StoredRecord(type, id, cur.vv(), deleted, cur.conflictId(), cur.conflictFields(),
                    cur.conflictId() != null ? SyncState.CONFLICT : SyncState.PENDING, cur.fields(), cur.authorId(), cur.serverTime(), now);
            RecordRepository.replace(ctx, r);
            ChangeJournal.append(ctx, type, id, deleted ? "delete" : "undelete", cur.vv(), Json.object(), null, actorId, now);
            AuditLog.record(ctx, OffsetDateTime.now(store.clock()), actorId, deleted ? AuditLog.Action.DELETE : AuditLog.Action.UNDELETE,
                    type, id, null);
            return r;
        });
    }

    private void checkRole(RecordType type, ObjectNode fields) {
        if (!role.holdsCaseData()) throw new ValidationException(List.of(Violation.of("", "forbidden")));
        if (role.readsConfidential()) return;
        if (type.confidentialType()) throw new ValidationException(List.of(Violation.of("", "forbidden")));
        for (var it = fields.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (type.hiddenFrom(f, role)) throw new ValidationException(List.of(Violation.of(f, "forbidden")));
        }
    }

    /** Domain rules, then references to other records. */
    void checkRecord(DSLContext ctx, RecordType type, ObjectNode fields) {
        LocalDate today = LocalDate.now(store.clock());
        List<Violation> v = new ArrayList<>(RecordValidator.validate(type, fields, today));
        if (v.isEmpty()) v.addAll(References.check(ctx, type, fields));
        if (!v.isEmpty()) throw new ValidationException(v);
    }

    private String now() {
        return OffsetDateTime.now(store.clock()).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    private static ObjectNode change(JsonNode old, JsonNode nv) {
        ObjectNode c = Json.object();
        c.set("old", old);
        c.set("new", nv);
        return c;
    }

    private static ObjectNode withoutNulls(ObjectNode fields) {
        ObjectNode f = Json.object();
        for (var it = fields.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) continue;
            f.set(e.getKey(), v);
        }
        return f;
    }

    private static void addReferent(ObjectNode f, String workerId) {
        ArrayNode refs = f.has("referentIds") && f.get("referentIds").isArray() ? (ArrayNode) f.get("referentIds") : f.putArray("referentIds");
        for (JsonNode n : refs) if (n.asText().equals(workerId)) return;
        refs.add(workerId);
    }

    /** Whether a field holds an id of another synced record. */
    static boolean isReference(RecordType type, FieldSpec f) {
        return (f.kind() == FieldKind.ID || f.kind() == FieldKind.ID_LIST) && type.referenceOf(f.name()) != null;
    }
}
