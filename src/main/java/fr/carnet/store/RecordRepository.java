package fr.carnet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.FieldSpec;
import fr.carnet.domain.RecordType;
import fr.carnet.store.generated.DefaultSchema;
import fr.carnet.util.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads and writes synced records generically, driven by {@link RecordType}'s field table and
 * the jOOQ classes generated from the migrations. Runs inside the caller's transaction.
 */
public final class RecordRepository {
    private static final Map<RecordType, Table<?>> TABLES = new EnumMap<>(RecordType.class);

    static {
        for (RecordType t : RecordType.values()) {
            Table<?> table = DefaultSchema.DEFAULT_SCHEMA.getTable(t.table());
            if (table == null) throw new IllegalStateException("no table for " + t);
            for (FieldSpec f : t.fields().values())
                if (table.field(f.column()) == null) throw new IllegalStateException("no column " + f.column() + " in " + t.table());
            TABLES.put(t, table);
        }
    }

    private RecordRepository() {}

    public static Table<?> table(RecordType t) {
        return TABLES.get(t);
    }

    @SuppressWarnings("unchecked")
    public static <T> Field<T> column(RecordType t, String column) {
        return (Field<T>) TABLES.get(t).field(column);
    }

    public static Field<String> idField(RecordType t) {
        return column(t, "id");
    }

    public static Optional<StoredRecord> find(DSLContext ctx, RecordType t, String id) {
        Record r = ctx.selectFrom(table(t)).where(idField(t).eq(id)).fetchOne();
        return Optional.ofNullable(r).map(x -> toStored(t, x));
    }

    public static List<StoredRecord> findAll(DSLContext ctx, RecordType t, Condition where) {
        List<StoredRecord> out = new ArrayList<>();
        for (Record r : ctx.selectFrom(table(t)).where(where).fetch()) out.add(toStored(t, r));
        return out;
    }

    /** Live (not deleted) records whose parent field is one of these ids. */
    public static List<StoredRecord> children(DSLContext ctx, RecordType t, Collection<String> parentIds) {
        if (parentIds.isEmpty() || t.parentField() == null) return List.of();
        Field<String> parent = column(t, columnOf(t.parentField()));
        return findAll(ctx, t, parent.in(parentIds).and(column(t, "deleted").eq(0)));
    }

    public static boolean exists(DSLContext ctx, RecordType t, String id) {
        return ctx.fetchExists(ctx.selectOne().from(table(t)).where(idField(t).eq(id)));
    }

    public static boolean isLive(DSLContext ctx, RecordType t, String id) {
        return ctx.fetchExists(ctx.selectOne().from(table(t)).where(idField(t).eq(id)).and(column(t, "deleted").eq(0)));
    }

    public static StoredRecord toStored(RecordType t, Record r) {
        ObjectNode fields = Json.readObject((String) r.get("extra"));
        for (FieldSpec f : t.fields().values()) {
            Object v = r.get(f.column());
            if (v == null) continue;
            fields.set(f.name(), toJson(f, v));
        }
        String cf = (String) r.get("conflict_fields");
        List<String> conflictFields = new ArrayList<>();
        if (cf != null) for (JsonNode n : Json.read(cf)) conflictFields.add(n.asText());
        Number deleted = (Number) r.get("deleted");
        return new StoredRecord(t, (String) r.get("id"), Json.readObject((String) r.get("vv")),
                deleted != null && deleted.intValue() != 0, (String) r.get("conflict_id"), conflictFields,
                SyncState.valueOf((String) r.get("sync_state")), fields, (String) r.get("author_id"),
                (String) r.get("server_time"), (String) r.get("updated_at"));
    }

    private static JsonNode toJson(FieldSpec f, Object v) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        if (f.kind().storedAsJson()) return Json.read((String) v);
        return switch (f.kind()) {
            case INT -> nf.numberNode(((Number) v).longValue());
            case DECIMAL -> nf.numberNode(((Number) v).doubleValue());
            case BOOL -> nf.booleanNode(((Number) v).intValue() != 0);
            default -> nf.textNode(v.toString());
        };
    }

    /** Column values for the type's own fields; fields the type does not know go to {@code extra}. */
    public static Map<Field<?>, Object> fieldValues(RecordType t, ObjectNode fields) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        ObjectNode extra = Json.object();
        for (FieldSpec f : t.fields().values()) values.put(column(t, f.column()), null);
        for (var it = fields.fields(); it.hasNext(); ) {
            var e = it.next();
            Optional<FieldSpec> spec = t.field(e.getKey());
            if (spec.isEmpty()) {
                extra.set(e.getKey(), e.getValue());
                continue;
            }
            values.put(column(t, spec.get().column()), toColumn(spec.get(), e.getValue()));
        }
        values.put(column(t, "extra"), extra.isEmpty() ? null : Json.write(extra));
        return values;
    }

    static Object toColumn(FieldSpec f, JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (f.kind().storedAsJson()) return Json.write(v);
        return switch (f.kind()) {
            case INT -> v.asLong();
            case DECIMAL -> v.asDouble();
            case BOOL -> v.asBoolean() ? 1 : 0;
            default -> v.asText();
        };
    }

    /** Inserts a record with its envelope. */
    public static void insert(DSLContext ctx, StoredRecord r) {
        Map<Field<?>, Object> values = fieldValues(r.type(), r.fields());
        values.putAll(envelope(r));
        values.put(idField(r.type()), r.id());
        ctx.insertInto(table(r.type())).set(values).execute();
    }

    /** Replaces a record's fields and envelope (the row must exist). */
    public static void replace(DSLContext ctx, StoredRecord r) {
        Map<Field<?>, Object> values = fieldValues(r.type(), r.fields());
        values.putAll(envelope(r));
        ctx.update(table(r.type())).set(values).where(idField(r.type()).eq(r.id())).execute();
    }

    /**
     * Inserts records of one type with one prepared statement, in batches (the pull's page apply):
     * the same rows as {@link #insert}, without a round trip per record.
     */
    public static void insertAll(DSLContext ctx, RecordType t, List<StoredRecord> rs) {
        if (rs.isEmpty()) return;
        List<Field<?>> cols = columnsOf(t);
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(t.table()).append(" (");
        for (int i = 0; i < cols.size(); i++) sql.append(i == 0 ? "" : ", ").append(cols.get(i).getName());
        sql.append(", id) VALUES (").append("?, ".repeat(cols.size())).append("?)");
        runBatch(ctx, sql.toString(), t, rs, cols);
    }

    /** Replaces existing records of one type with one prepared statement, in batches (see {@link #replace}). */
    public static void replaceAll(DSLContext ctx, RecordType t, List<StoredRecord> rs) {
        if (rs.isEmpty()) return;
        List<Field<?>> cols = columnsOf(t);
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.table()).append(" SET ");
        for (int i = 0; i < cols.size(); i++) sql.append(i == 0 ? "" : ", ").append(cols.get(i).getName()).append(" = ?");
        sql.append(" WHERE id = ?");
        runBatch(ctx, sql.toString(), t, rs, cols);
    }

    /**
     * Replaces only the sync envelope of existing records whose fields are unchanged (see {@link #replace}).
     * When none of them is a tombstone, {@code deleted} is left out of the statement: the callers'
     * records are live rows that stay live, and naming the column would rewrite its index entries.
     */
    public static void replaceEnvelopes(DSLContext ctx, RecordType t, List<StoredRecord> rs) {
        if (rs.isEmpty()) return;
        List<Field<?>> cols = new ArrayList<>(envelope(rs.get(0)).keySet());
        if (rs.stream().noneMatch(StoredRecord::deleted)) cols.remove(column(t, "deleted"));
        StringBuilder sql = new StringBuilder("UPDATE ").append(t.table()).append(" SET ");
        for (int i = 0; i < cols.size(); i++) sql.append(i == 0 ? "" : ", ").append(cols.get(i).getName()).append(" = ?");
        sql.append(" WHERE id = ?");
        ctx.connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql.toString())) {
                RowPlan plan = RowPlan.of(t, cols);
                Object[] values = new Object[cols.size()];
                for (StoredRecord r : rs) {
                    plan.fillEnvelope(r, values);
                    for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
                    ps.setString(values.length + 1, r.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private static List<Field<?>> columnsOf(RecordType t) {
        Map<Field<?>, Object> shape = fieldValues(t, Json.object());
        shape.putAll(envelope(new StoredRecord(t, "", Json.object(), false, null, List.of(), SyncState.SYNCED, Json.object(), null, null, null)));
        return new ArrayList<>(shape.keySet());
    }

    private static void runBatch(DSLContext ctx, String sql, RecordType t, List<StoredRecord> rs, List<Field<?>> cols) {
        RowPlan plan = RowPlan.of(t, cols);
        ctx.connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                int n = 0;
                Object[] values = new Object[cols.size()];
                for (StoredRecord r : rs) {
                    plan.fill(r, values);
                    for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
                    ps.setString(values.length + 1, r.id());
                    ps.addBatch();
                    if (++n % 500 == 0) ps.executeBatch();
                }
                if (n % 500 != 0) ps.executeBatch();
            }
        });
    }

    /**
     * The column values of {@link #fieldValues} and {@link #envelope}, in {@code cols}' order, written
     * into an array: the batch paths (a pulled page, push answers) fill one per row without building
     * two maps keyed by jOOQ fields for every record.
     */
    private record RowPlan(RecordType type, FieldSpec[] byIndex, Map<String, Integer> indexOfWire, int extra, int[] envelope) {
        private static final Map<RecordType, Map<List<Field<?>>, RowPlan>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
        private static final String[] ENVELOPE = {"vv", "deleted", "conflict_id", "conflict_fields", "sync_state", "author_id", "server_time", "updated_at"};

        static RowPlan of(RecordType t, List<Field<?>> cols) {
            return CACHE.computeIfAbsent(t, k -> new java.util.concurrent.ConcurrentHashMap<>()).computeIfAbsent(List.copyOf(cols), k -> build(t, k));
        }

        private static RowPlan build(RecordType t, List<Field<?>> cols) {
            Map<String, Integer> byColumn = new java.util.HashMap<>();
            for (int i = 0; i < cols.size(); i++) byColumn.put(cols.get(i).getName(), i);
            FieldSpec[] specs = new FieldSpec[cols.size()];
            Map<String, Integer> byWire = new java.util.HashMap<>();
            for (FieldSpec f : t.fields().values()) {
                Integer i = byColumn.get(f.column());
                if (i == null) continue; // an envelope-only plan
                specs[i] = f;
                byWire.put(f.name(), i);
            }
            int[] env = new int[ENVELOPE.length];
            for (int k = 0; k < ENVELOPE.length; k++) env[k] = byColumn.getOrDefault(ENVELOPE[k], -1);
            return new RowPlan(t, specs, byWire, byColumn.getOrDefault("extra", -1), env);
        }

        void fill(StoredRecord r, Object[] values) {
            java.util.Arrays.fill(values, null);
            ObjectNode extraFields = null;
            for (var it = r.fields().fields(); it.hasNext(); ) {
                var e = it.next();
                Integer i = indexOfWire.get(e.getKey());
                if (i == null) {
                    if (extraFields == null) extraFields = Json.object();
                    extraFields.set(e.getKey(), e.getValue());
                    continue;
                }
                values[i] = toColumn(byIndex[i], e.getValue());
            }
            if (extra >= 0) values[extra] = extraFields == null ? null : Json.write(extraFields);
            fillEnvelope(r, values);
        }

        void fillEnvelope(StoredRecord r, Object[] values) {
            Object[] env = {Json.write(r.vv()), r.deleted() ? 1 : 0, r.conflictId(),
                    r.conflictFields() == null || r.conflictFields().isEmpty() ? null : Json.write(r.conflictFields()),
                    r.syncState().name(), r.authorId(), r.serverTime(), r.updatedAt()};
            for (int k = 0; k < env.length; k++) if (envelope[k] >= 0) values[envelope[k]] = env[k];
        }
    }

    private static Map<Field<?>, Object> envelope(StoredRecord r) {
        RecordType t = r.type();
        Map<Field<?>, Object> m = new LinkedHashMap<>();
        m.put(column(t, "vv"), Json.write(r.vv()));
        m.put(column(t, "deleted"), r.deleted() ? 1 : 0);
        m.put(column(t, "conflict_id"), r.conflictId());
        m.put(column(t, "conflict_fields"), r.conflictFields() == null || r.conflictFields().isEmpty() ? null : Json.write(r.conflictFields()));
        m.put(column(t, "sync_state"), r.syncState().name());
        m.put(column(t, "author_id"), r.authorId());
        m.put(column(t, "server_time"), r.serverTime());
        m.put(column(t, "updated_at"), r.updatedAt());
        return m;
    }

    /** Removes a record row for good: only for evictions, never for a worker's delete (a tombstone). */
    public static void evict(DSLContext ctx, RecordType t, String id) {
        ctx.deleteFrom(table(t)).where(idField(t).eq(id)).execute();
    }

    public static void setSyncState(DSLContext ctx, RecordType t, String id, SyncState state) {
        ctx.update(table(t)).set(column(t, "sync_state"), state.name()).where(idField(t).eq(id)).execute();
    }

    static String columnOf(String wireName) {
        return new FieldSpec(wireName, fr.carnet.domain.FieldKind.TEXT, false, null, null, false).column();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    static Condition live(RecordType t) {
        return DSL.field(DSL.name(t.table(), "deleted"), Integer.class).eq(0);
    }
}
