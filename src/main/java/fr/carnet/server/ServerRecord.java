package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.sync.VersionVector;
import fr.carnet.util.Json;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/** A record as the server holds it (one row of srv_record). */
record ServerRecord(String id, RecordType type, String householdId, String parentId, long sv, VersionVector vv,
                    boolean deleted, String conflictId, List<String> conflictFields, ObjectNode fields,
                    String author, String replica, String serverTime) {

    static final String COLUMNS = "id, type, household_id, parent_id, sv, vv, deleted, conflict_id, conflict_fields, fields, author, replica, server_time";

    static ServerRecord load(DSLContext ctx, String id) {
        return Sql.query(ctx, "SELECT " + COLUMNS + " FROM srv_record WHERE id = ?", rs -> rs.next() ? of(rs) : null, id);
    }

    /** The record at the result set's current row (columns in {@link #COLUMNS} order). */
    static ServerRecord of(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> cf = new ArrayList<>();
        String cfs = rs.getString(9);
        if (cfs != null) for (JsonNode n : Json.read(cfs)) cf.add(n.asText());
        return new ServerRecord(rs.getString(1), RecordType.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4),
                rs.getLong(5), VersionVector.parse(Json.read(rs.getString(6))), rs.getInt(7) != 0, rs.getString(8), cf,
                Json.readObject(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13));
    }

    static ServerRecord of(Record r) {
        List<String> cf = new ArrayList<>();
        String cfs = r.get("conflict_fields", String.class);
        if (cfs != null) for (JsonNode n : Json.read(cfs)) cf.add(n.asText());
        return new ServerRecord(r.get("id", String.class), RecordType.fromWire(r.get("type", String.class)).orElseThrow(),
                r.get("household_id", String.class), r.get("parent_id", String.class), r.get("sv", Long.class),
                VersionVector.parse(Json.read(r.get("vv", String.class))), r.get("deleted", Integer.class) != 0,
                r.get("conflict_id", String.class), cf, Json.readObject(r.get("fields", String.class)),
                r.get("author", String.class), r.get("replica", String.class), r.get("server_time", String.class));
    }

    ServerRecord with(long sv, VersionVector vv, boolean deleted, String conflictId, List<String> conflictFields,
                      ObjectNode fields, String author, String replica, String serverTime) {
        return new ServerRecord(id, type, householdId, parentId, sv, vv, deleted, conflictId, conflictFields, fields,
                author, replica, serverTime);
    }

    static final String INSERT = "INSERT INTO srv_record (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String UPDATE = "UPDATE srv_record SET sv = ?, vv = ?, deleted = ?, conflict_id = ?, conflict_fields = ?, fields = ?, "
            + "author = ?, replica = ?, server_time = ? WHERE id = ?";
    static final String INSERT_VERSION = "INSERT INTO srv_version (record_id, sv, replica, rseq, deleted, fields) VALUES (?,?,?,?,?,?)";

    /** Inserts or replaces the row, and appends the version with its dot. */
    void save(DSLContext ctx, boolean insert, long rseq) {
        Sql.update(ctx, insert ? INSERT : UPDATE, insert ? insertBinds() : updateBinds());
        Sql.update(ctx, INSERT_VERSION, versionBinds(rseq));
    }

    Object[] insertBinds() {
        String cf = conflictFields == null || conflictFields.isEmpty() ? null : Json.write(conflictFields);
        return new Object[] {id, type.wire(), householdId, parentId, sv, Json.write(vv.toJson()), deleted ? 1 : 0, conflictId, cf,
                Json.write(fields), author, replica, serverTime};
    }

    Object[] updateBinds() {
        String cf = conflictFields == null || conflictFields.isEmpty() ? null : Json.write(conflictFields);
        return new Object[] {sv, Json.write(vv.toJson()), deleted ? 1 : 0, conflictId, cf, Json.write(fields), author, replica, serverTime, id};
    }

    Object[] versionBinds(long rseq) {
        return new Object[] {id, sv, replica, rseq, deleted ? 1 : 0, Json.write(fields)};
    }

    /** The record on the wire, without what {@code role} may not read. */
    ObjectNode toWire(Role role) {
        ObjectNode n = Json.object();
        n.put("type", type.wire());
        n.put("id", id);
        n.set("vv", vv.toJson());
        n.put("deleted", deleted);
        if (conflictId == null) n.putNull("conflict");
        else {
            ObjectNode c = n.putObject("conflict");
            c.put("id", conflictId);
            var arr = c.putArray("fields");
            for (String f : conflictFields) if (!type.hiddenFrom(f, role)) arr.add(f);
        }
        n.set("fields", visibleFields(type, fields, role));
        ObjectNode meta = n.putObject("meta");
        meta.put("author", author);
        meta.put("replica", replica);
        meta.put("serverTime", serverTime);
        return n;
    }

    static ObjectNode visibleFields(RecordType type, ObjectNode fields, Role role) {
        ObjectNode out = Json.object();
        for (var it = fields.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!type.hiddenFrom(e.getKey(), role)) out.set(e.getKey(), e.getValue());
        }
        return out;
    }
}
