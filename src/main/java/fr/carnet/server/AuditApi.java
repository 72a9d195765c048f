package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Record;

/**
 * The audit trail on the server (an addition to SYNC.md; the sync endpoints are unchanged):
 * <ul>
 * <li>{@code POST /api/v1/audit} {@code {"replica", "entries": [{"seq", "at", "action", "recordType", "recordId", "detail"}]}}
 * — a laptop sends what it recorded offline; the worker comes from the token, the server adds its
 * own time; {@code (replica, seq)} is stored once, so retries are harmless. Answers
 * {@code {"acceptedThrough": seq}}.</li>
 * <li>{@code GET /api/v1/audit?worker=&recordId=&from=&to=&limit=} — supervisors (entries of the
 * workers of their sectors) and the administrator (all); others get 403.</li>
 * </ul>
 */
final class AuditApi {
    static final int MAX_ENTRIES = 1000;
    private static final Set<String> ACTIONS = Set.of("OPEN_FILE", "PRINT", "EXPORT", "CREATE", "UPDATE", "DELETE", "UNDELETE",
            "RESOLVE", "RGPD_EXPORT", "UNLOCK", "UNLOCK_FAILED");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern TYPE = Pattern.compile("[a-z]{1,16}");

    private final SyncApi api;

    AuditApi(SyncApi api) {
        this.api = api;
    }

    WireResponse record(Session s, byte[] body) {
        JsonNode root;
        try {
            root = Json.read(new String(body == null ? new byte[0] : body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiException.bad("BAD_JSON", "body is not JSON");
        }
        if (!root.isObject() || !root.path("replica").isTextual() || !root.path("entries").isArray())
            throw ApiException.bad("BAD_SHAPE", "expected {replica, entries: [...]}");
        if (!root.get("replica").asText().equals(s.replica())) throw new ApiException(403, "FORBIDDEN", "replica of another device");
        if (root.get("entries").size() > MAX_ENTRIES) throw ApiException.bad("TOO_MANY", "at most " + MAX_ENTRIES + " entries");
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode e : root.get("entries")) {
            if (!e.path("seq").canConvertToLong() || !e.path("seq").isIntegralNumber() || e.get("seq").asLong() < 1
                    || !ACTIONS.contains(e.path("action").asText())
                    || (e.hasNonNull("recordId") && !ID.matcher(e.get("recordId").asText()).matches())
                    || (e.hasNonNull("recordType") && !TYPE.matcher(e.get("recordType").asText()).matches())
                    || e.path("at").asText("").length() > 40 || e.path("detail").asText("").length() > 400)
                throw ApiException.bad("BAD_ENTRY", "an audit entry is not of the documented shape");
            entries.add(e);
        }
        String now = api.now();
        long through = api.db().tx(ctx -> {
            long max = 0, min = Long.MAX_VALUE;
            for (JsonNode e : entries) {
                max = Math.max(max, e.get("seq").asLong());
                min = Math.min(min, e.get("seq").asLong());
            }
            if (entries.isEmpty()) return max;
            // what an earlier copy of this batch already recorded (a retry), in one query
            Set<Long> known = Sql.query(ctx, "SELECT local_seq FROM srv_audit WHERE replica = ? AND local_seq BETWEEN ? AND ?", rs -> {
                Set<Long> out = new java.util.HashSet<>();
                while (rs.next()) out.add(rs.getLong(1));
                return out;
            }, s.replica(), min, max);
            try {
                java.sql.PreparedStatement ps = Sql.prepared(ctx, "INSERT INTO srv_audit (replica, local_seq, worker_id, device_time, server_time, "
                        + "action, record_type, record_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                int n = 0;
                for (JsonNode e : entries) {
                    long seq = e.get("seq").asLong();
                    if (!known.add(seq)) continue; // recorded before, or twice in this batch
                    ps.setString(1, s.replica());
                    ps.setLong(2, seq);
                    ps.setString(3, s.workerId());
                    ps.setString(4, e.path("at").asText(null));
                    ps.setString(5, now);
                    ps.setString(6, e.get("action").asText());
                    ps.setString(7, e.path("recordType").asText(null));
                    ps.setString(8, e.path("recordId").asText(null));
                    ps.setString(9, e.path("detail").asText(null));
                    ps.addBatch();
                    n++;
                }
                if (n > 0) ps.executeBatch();
            } catch (java.sql.SQLException ex) {
                throw new org.jooq.exception.DataAccessException("audit insert", ex);
            }
            return max;
        });
        ObjectNode out = Json.object();
        out.put("acceptedThrough", through);
        return WireResponse.json(200, out);
    }

    WireResponse list(Session s, Map<String, String> query) {
        if (s.role() != Role.SUPERVISOR && s.role() != Role.ADMIN) throw new ApiException(403, "FORBIDDEN", "audit is for supervisors and administrators");
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "500"));
        } catch (NumberFormatException e) {
            throw ApiException.bad("BAD_LIMIT", "limit must be 1..1000");
        }
        if (limit < 1 || limit > 1000) throw ApiException.bad("BAD_LIMIT", "limit must be 1..1000");
        StringBuilder sql = new StringBuilder("SELECT a.replica, a.local_seq, a.worker_id, w.login, a.device_time, a.server_time, a.action, "
                + "a.record_type, a.record_id, a.detail FROM srv_audit a LEFT JOIN srv_worker w ON w.id = a.worker_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (s.role() == Role.SUPERVISOR) {
            if (s.sectors().isEmpty()) sql.append(" AND 1 = 0");
            else {
                sql.append(" AND a.worker_id IN (SELECT ws.worker_id FROM srv_worker_sector ws WHERE ws.sector_id IN (");
                int i = 0;
                for (String sec : s.sectors()) {
                    sql.append(i++ == 0 ? "?" : ", ?");
                    args.add(sec);
                }
                sql.append("))");
            }
        }
        if (query.containsKey("worker")) {
            sql.append(" AND w.login = ?");
            args.add(query.get("worker"));
        }
        if (query.containsKey("recordId")) {
            sql.append(" AND a.record_id = ?");
            args.add(query.get("recordId"));
        }
        if (query.containsKey("from")) {
            sql.append(" AND a.server_time >= ?");
            args.add(query.get("from"));
        }
        if (query.containsKey("to")) {
            sql.append(" AND a.server_time < ?");
            args.add(query.get("to"));
        }
        sql.append(" ORDER BY a.server_time, a.replica, a.local_seq LIMIT ").append(limit);
        List<Record> rows = api.db().tx(ctx -> ctx.fetch(sql.toString(), args.toArray()));
        ObjectNode out = Json.object();
        ArrayNode a = out.putArray("entries");
        for (Record r : rows) {
            ObjectNode e = a.addObject();
            e.put("replica", r.get(0, String.class));
            e.put("seq", r.get(1, Long.class));
            e.put("workerId", r.get(2, String.class));
            e.put("login", r.get(3, String.class));
            e.put("deviceTime", r.get(4, String.class));
            e.put("serverTime", r.get(5, String.class));
            e.put("action", r.get(6, String.class));
            e.put("recordType", r.get(7, String.class));
            e.put("recordId", r.get(8, String.class));
            e.put("detail", r.get(9, String.class));
        }
        return WireResponse.json(200, out);
    }
}
