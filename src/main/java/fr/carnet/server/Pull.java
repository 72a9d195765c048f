package fr.carnet.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * {@code GET /api/v1/sync/pull} and {@code GET /api/v1/conflicts}. Changes come in server order:
 * records by their latest server version, scope events at their position. A grant sends the whole
 * household (parent first) at its position; a record whose parent comes later in the order brings
 * its parent along, so a page never holds a child before its parent.
 */
final class Pull {
    static final int DEFAULT_LIMIT = 500, MAX_LIMIT = 1000;
    private static final String SMS_TYPES = " AND type IN ('household', 'person', 'contact', 'visit')";
    private final SyncApi api;

    Pull(SyncApi api) {
        this.api = api;
    }

    WireResponse pull(Session s, Map<String, String> query) {
        int limit = DEFAULT_LIMIT;
        String l = query.get("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                throw ApiException.bad("INVALID_LIMIT", "limit must be 1..1000");
            }
            if (limit < 1 || limit > MAX_LIMIT) throw ApiException.bad("INVALID_LIMIT", "limit must be 1..1000");
        }
        String c = query.get("cursor");
        Cursor from = c == null ? new Cursor(0, 0, 0) : decode(c);
        int lim = limit;
        return api.db().tx(ctx -> page(ctx, s, from, c != null, lim));
    }

    /**
     * A position in server order: everything up to {@code pos} was sent, and — when one position's
     * group of changes (a household's grant, a record with the parents edited after it) was larger
     * than a page — also the first {@code skip} changes of the group at position {@code next}.
     */
    record Cursor(long pos, long next, int skip) {}

    private WireResponse page(DSLContext ctx, Session s, Cursor cur, boolean hasCursor, int limit) {
        long from = cur.pos();
        long high = SyncApi.counter(ctx, "seq");
        if (hasCursor && from < SyncApi.counter(ctx, "horizon"))
            throw new ApiException(410, "RESET_REQUIRED", "cursor older than the retention horizon");
        if (from > high) throw ApiException.bad("INVALID_CURSOR", "unknown cursor");
        if (from == high) return answer(List.of(), encode(cur), false, s.role()); // nothing new: the cheap path
        String w = s.workerId();
        String types = s.role() == Role.SMS ? SMS_TYPES : "";
        List<Row> recs = Sql.query(ctx, "SELECT " + ServerRecord.COLUMNS + " FROM srv_record WHERE sv > ? AND sv <= ?" + types + " AND "
                + Scope.inScopeRow("srv_record.household_id") + " ORDER BY sv LIMIT ?", rs -> {
                    List<Row> out = new ArrayList<>();
                    while (rs.next()) out.add(Row.of(rs));
                    return out;
                }, from, high, w, w, limit);
        record Event(String household, long pos, String kind) {}
        List<Event> events = new ArrayList<>();
        for (Record r : ctx.fetch("SELECT household_id, pos, kind FROM srv_scope_event WHERE worker_id = ? AND pos > ? AND pos <= ? "
                + "ORDER BY pos, household_id LIMIT ?", w, from, high, limit))
            events.add(new Event(r.get(0, String.class), r.get(1, Long.class), r.get(2, String.class)));
        // the latest event of each household concerned (maybe beyond this page)
        Map<String, Event> latest = new HashMap<>();
        Map<String, Long> lastGrant = new HashMap<>();
        if (!events.isEmpty() || !recs.isEmpty()) {
            // a purge never supersedes a grant or evict, nor is superseded: it only evicts what it erased
            for (Record r : ctx.fetch("SELECT household_id, pos, kind FROM srv_scope_event WHERE worker_id = ? AND pos > ? AND pos <= ? "
                    + "AND kind <> 'purge' ORDER BY pos", w, from, high)) {
                Event e = new Event(r.get(0, String.class), r.get(1, Long.class), r.get(2, String.class));
                latest.put(e.household(), e);
                if (e.kind().equals("grant")) lastGrant.put(e.household(), e.pos());
            }
        }
        long bound = Long.MAX_VALUE;
        if (recs.size() == limit) bound = Math.min(bound, recs.get(recs.size() - 1).sv());
        if (events.size() == limit) bound = Math.min(bound, events.get(events.size() - 1).pos());
        TreeMap<Long, List<Object>> byPos = new TreeMap<>();
        for (Row r : recs) if (r.sv() <= bound) byPos.computeIfAbsent(r.sv(), k -> new ArrayList<>()).add(r);
        for (Event e : events) if (e.pos() <= bound) byPos.computeIfAbsent(e.pos(), k -> new ArrayList<>()).add(e);

        Map<String, Row> parents = ancestors(ctx, recs, from);
        List<Object> changes = new ArrayList<>();
        Set<String> sent = new HashSet<>();
        Cursor cursor = new Cursor(from, 0, 0);
        boolean stoppedEarly = false;
        for (var entry : byPos.entrySet()) {
            // the whole group of changes at this position, parents first
            List<Object> group = new ArrayList<>();
            for (Object o : entry.getValue()) {
                if (o instanceof Row r) {
                    Long g = lastGrant.get(r.householdId());
                    if (g != null && g > r.sv()) continue; // the household's grant sends it
                    upsertWithAncestors(group, sent, r, parents, s.role());
                } else if (o instanceof Event e && e.kind().equals("purge")) {
                    for (String[] gone : Purge.evicted(ctx, e.household(), e.pos(), s.role() == Role.SMS)) {
                        ObjectNode ev = Json.object();
                        group.add(ev);
                        ev.put("kind", "evict");
                        ev.put("type", gone[0]);
                        ev.put("id", gone[1]);
                        ev.put("purged", true); // an addition to SYNC.md: erased on the server, the laptop keeps no trace either
                    }
                } else if (o instanceof Event e) {
                    Event last = latest.get(e.household());
                    if (last != null && last.pos() > e.pos()) continue; // superseded by a later grant or evict
                    List<Row> all = household(ctx, e.household(), types);
                    if (e.kind().equals("grant")) {
                        for (Row r : all) upsert(group, sent, r, s.role());
                    } else {
                        for (int i = all.size() - 1; i >= 0; i--) {
                            ObjectNode ev = Json.object();
                            group.add(ev);
                            ev.put("kind", "evict");
                            ev.put("type", all.get(i).type().wire());
                            ev.put("id", all.get(i).id());
                        }
                    }
                }
            }
            // what the previous page already sent of a group larger than a page
            int skip = entry.getKey() == cur.next() && cursor.pos() == from ? Math.min(cur.skip(), group.size()) : 0;
            int size = group.size() - skip;
            if (changes.size() + size <= limit) {
                for (int i = skip; i < group.size(); i++) changes.add(group.get(i));
                cursor = new Cursor(entry.getKey(), 0, 0);
                continue;
            }
            stoppedEarly = true;
            // A page never holds more than limit changes: it ends before this group, unless the
            // group alone is larger than a page; then it goes in parts (parents first, so a child
            // still never comes before its parent), the cursor counting what was sent.
            if (changes.isEmpty()) {
                for (int i = skip; i < skip + limit; i++) changes.add(group.get(i));
                cursor = new Cursor(cursor.pos(), entry.getKey(), skip + limit);
            }
            break;
        }
        boolean hasMore = stoppedEarly || bound != Long.MAX_VALUE;
        if (!hasMore) cursor = new Cursor(Math.max(from, high), 0, 0);
        return answer(changes, encode(cursor), hasMore, s.role());
    }

    private WireResponse answer(List<Object> changes, String cursor, boolean hasMore, Role role) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256 + 400 * changes.size());
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeArrayFieldStart("changes");
            for (Object c : changes) {
                if (c instanceof Row r) {
                    g.writeStartObject();
                    g.writeStringField("kind", "upsert");
                    g.writeFieldName("record");
                    r.write(g, role);
                    g.writeEndObject();
                } else g.writeTree((ObjectNode) c);
            }
            g.writeEndArray();
            g.writeStringField("cursor", cursor);
            g.writeBooleanField("hasMore", hasMore);
            g.writeStringField("serverTime", api.now());
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new WireResponse(200, Map.of("content-type", "application/json"), bytes.toByteArray());
    }

    /**
     * A row of srv_record as pull reads it: the JSON columns kept as the text they are stored as
     * (written by {@link ServerRecord#save} with the same mapper), spliced into the answer as they
     * are for a role that reads every field, parsed only when a role's view must be filtered.
     * Nothing is cached: a row is read in the request's own transaction.
     */
    record Row(String id, RecordType type, String householdId, String parentId, long sv, String vv, boolean deleted,
               String conflictId, String conflictFields, String fields, String author, String replica, String serverTime) {
        static Row of(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Row(rs.getString(1), RecordType.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4),
                    rs.getLong(5), rs.getString(6), rs.getInt(7) != 0, rs.getString(8), rs.getString(9), rs.getString(10),
                    rs.getString(11), rs.getString(12), rs.getString(13));
        }

        static Row of(Record r) {
            return new Row(r.get("id", String.class), RecordType.fromWire(r.get("type", String.class)).orElseThrow(),
                    r.get("household_id", String.class), r.get("parent_id", String.class), r.get("sv", Long.class),
                    r.get("vv", String.class), r.get("deleted", Integer.class) != 0, r.get("conflict_id", String.class),
                    r.get("conflict_fields", String.class), r.get("fields", String.class), r.get("author", String.class),
                    r.get("replica", String.class), r.get("server_time", String.class));
        }

        /** The record on the wire for {@code role}: the same JSON as {@link ServerRecord#toWire}. */
        void write(JsonGenerator g, Role role) throws java.io.IOException {
            if (!role.readsConfidential()) {
                g.writeTree(record().toWire(role));
                return;
            }
            g.writeStartObject();
            g.writeStringField("type", type.wire());
            g.writeStringField("id", id);
            g.writeFieldName("vv");
            g.writeRawValue(vv);
            g.writeBooleanField("deleted", deleted);
            g.writeFieldName("conflict");
            if (conflictId == null) g.writeNull();
            else {
                g.writeStartObject();
                g.writeStringField("id", conflictId);
                g.writeFieldName("fields");
                if (conflictFields == null) g.writeRawValue("[]");
                else g.writeRawValue(conflictFields);
                g.writeEndObject();
            }
            g.writeFieldName("fields");
            g.writeRawValue(fields);
            g.writeObjectFieldStart("meta");
            g.writeStringField("author", author);
            g.writeStringField("replica", replica);
            g.writeStringField("serverTime", serverTime);
            g.writeEndObject();
            g.writeEndObject();
        }

        /** The row parsed. */
        ServerRecord record() {
            List<String> cf = new ArrayList<>();
            if (conflictFields != null) for (var n : Json.read(conflictFields)) cf.add(n.asText());
            return new ServerRecord(id, type, householdId, parentId, sv, fr.carnet.sync.VersionVector.parse(Json.read(vv)), deleted,
                    conflictId, cf, Json.readObject(fields), author, replica, serverTime);
        }
    }

    private static void upsertWithAncestors(List<Object> changes, Set<String> sent, Row r, Map<String, Row> parents, Role role) {
        Row p = r.parentId() == null ? null : parents.get(r.parentId());
        if (p != null && p.sv() > r.sv() && !sent.contains(p.id())) upsertWithAncestors(changes, sent, p, parents, role);
        upsert(changes, sent, r, role);
    }

    private static void upsert(List<Object> changes, Set<String> sent, Row r, Role role) {
        if (role == Role.SMS && r.type().confidentialType()) return;
        sent.add(r.id());
        changes.add(r);
    }

    /**
     * Parents and grandparents of the page's records, those changed after {@code from}: a parent
     * goes with its child only when it is newer than the child, which is newer than {@code from}.
     */
    private static Map<String, Row> ancestors(DSLContext ctx, List<Row> recs, long from) {
        Map<String, Row> out = new HashMap<>();
        Set<String> want = new HashSet<>();
        for (Row r : recs) if (r.parentId() != null) want.add(r.parentId());
        for (int depth = 0; depth < 3 && !want.isEmpty(); depth++) {
            Set<String> next = new HashSet<>();
            Object[] binds = java.util.stream.Stream.concat(want.stream(), java.util.stream.Stream.of(from)).toArray();
            for (Record row : ctx.fetch("SELECT " + ServerRecord.COLUMNS + " FROM srv_record WHERE id IN ("
                    + String.join(",", java.util.Collections.nCopies(want.size(), "?")) + ") AND sv > ?", binds)) {
                Row p = Row.of(row);
                out.put(p.id(), p);
                if (p.parentId() != null && !out.containsKey(p.parentId())) next.add(p.parentId());
            }
            want = next;
        }
        return out;
    }

    /** Every record of a household, parents first. */
    private static List<Row> household(DSLContext ctx, String householdId, String types) {
        List<Row> all = new ArrayList<>();
        for (Record r : ctx.fetch("SELECT " + ServerRecord.COLUMNS + " FROM srv_record WHERE household_id = ?" + types, householdId))
            all.add(Row.of(r));
        List<RecordType> order = RecordType.parentFirst();
        // by type, then id: an order that edits do not change, so a group sent in parts stays the same group
        all.sort(Comparator.comparingInt((Row r) -> order.indexOf(r.type())).thenComparing(Row::id));
        return all;
    }

    WireResponse conflicts(Session s) {
        return api.db().tx(ctx -> {
            String types = s.role() == Role.SMS ? " AND c.type IN ('household', 'person', 'contact', 'visit')" : "";
            ArrayNode list = Json.MAPPER.createArrayNode();
            for (Record c : ctx.fetch("SELECT c.id, c.record_id, c.type, c.fields, c.base, c.current_values, c.current_meta FROM srv_conflict c "
                    + "WHERE c.status = 'open'" + types + " AND " + Scope.inScopeRow("c.household_id") + " ORDER BY c.opened_sv", s.workerId(), s.workerId())) {
                RecordType t = RecordType.fromWire(c.get("type", String.class)).orElseThrow();
                ObjectNode n = list.addObject();
                n.put("id", c.get("id", String.class));
                n.put("type", t.wire());
                n.put("recordId", c.get("record_id", String.class));
                ArrayNode fs = n.putArray("fields");
                for (String f : SyncApi.list(Json.read(c.get("fields", String.class)))) if (!t.hiddenFrom(f, s.role())) fs.add(f);
                n.set("base", ServerRecord.visibleFields(t, Json.readObject(c.get("base", String.class)), s.role()));
                n.set("current", ServerRecord.visibleFields(t, Json.readObject(c.get("current_values", String.class)), s.role()));
                n.set("currentMeta", Json.read(c.get("current_meta", String.class)));
                ArrayNode ps = n.putArray("proposals");
                for (Record p : ctx.fetch("SELECT vals, author, replica, server_time FROM srv_proposal WHERE conflict_id = ? ORDER BY idx", c.get("id", String.class))) {
                    ObjectNode pn = ps.addObject();
                    pn.set("values", ServerRecord.visibleFields(t, Json.readObject(p.get("vals", String.class)), s.role()));
                    pn.put("author", p.get("author", String.class));
                    pn.put("replica", p.get("replica", String.class));
                    pn.put("serverTime", p.get("server_time", String.class));
                }
            }
            ObjectNode out = Json.object();
            out.set("conflicts", list);
            return WireResponse.json(200, out);
        });
    }

    String encode(long pos) {
        return encode(new Cursor(pos, 0, 0));
    }

    String encode(Cursor c) {
        String body = c.skip() == 0 ? "1." + c.pos() : "1." + c.pos() + "." + c.next() + "." + c.skip();
        return body + "." + mac(body);
    }

    Cursor decode(String cursor) {
        if (cursor.length() > 100) throw ApiException.bad("INVALID_CURSOR", "unknown cursor");
        int dot = cursor.lastIndexOf('.');
        if (dot < 0 || !cursor.startsWith("1.")) throw ApiException.bad("INVALID_CURSOR", "unknown cursor");
        String body = cursor.substring(0, dot);
        if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII), cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII)))
            throw ApiException.bad("INVALID_CURSOR", "unknown cursor");
        try {
            String[] parts = body.substring(2).split("\\.");
            if (parts.length == 1) return new Cursor(Long.parseLong(parts[0]), 0, 0);
            if (parts.length == 3) return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.bad("INVALID_CURSOR", "unknown cursor");
    }

    /** The position a cursor names (for tests and the simulation's monotonicity check). */
    static long position(String cursor) {
        String body = cursor.substring(0, cursor.lastIndexOf('.'));
        return Long.parseLong(body.substring(2).split("\\.")[0]);
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(api.cursorKeyBytes(), "HmacSHA256"));
            byte[] d = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
