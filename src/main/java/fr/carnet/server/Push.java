package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.FieldSpec;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.RecordValidator;
import fr.carnet.sync.FieldMerge;
import fr.carnet.sync.Values;
import fr.carnet.sync.VersionVector;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/** {@code POST /api/v1/sync/push}: one transaction per batch, (replica, seq) exactly once. */
final class Push {
    static final int MAX_MUTATIONS = 500;
    private static final Set<String> OPS = Set.of("create", "update", "delete", "undelete", "resolve");
    private final SyncApi api;

    Push(SyncApi api) {
        this.api = api;
    }

    WireResponse push(Session s, byte[] body) {
        JsonNode root = SyncApi.parse(body);
        if (!root.isObject()) throw ApiException.bad("INVALID_PUSH", "body must be an object");
        JsonNode rep = root.get("replica");
        JsonNode muts = root.get("mutations");
        if (rep == null || !rep.isTextual()) throw ApiException.bad("INVALID_PUSH", "replica is required");
        if (muts == null || !muts.isArray()) throw ApiException.bad("INVALID_PUSH", "mutations must be a list");
        if (muts.size() > MAX_MUTATIONS) throw ApiException.bad("TOO_MANY_MUTATIONS", "at most " + MAX_MUTATIONS + " mutations per push");
        long prev = -1;
        for (JsonNode m : muts) {
            JsonNode seq = m.get("seq");
            if (!m.isObject() || seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1)
                throw ApiException.bad("INVALID_PUSH", "every mutation needs an integer seq ≥ 1");
            if (prev >= 0 && seq.asLong() != prev + 1) throw ApiException.bad("NON_CONSECUTIVE", "seqs in one push must be consecutive");
            prev = seq.asLong();
        }
        if (!rep.asText().equals(s.replica())) throw new ApiException(403, "FORBIDDEN", "replica does not belong to this session");
        return api.db().tx(ctx -> {
            // Taking the sequence row first serialises pushes: commit order = sequence order.
            Batch batch = new Batch(ctx, s, muts, api.db().dialect());
            long last = Sql.query(ctx, "SELECT last_seq FROM srv_replica WHERE replica = ?", rs -> {
                if (!rs.next()) throw new IllegalStateException("no replica");
                return rs.getLong(1);
            }, s.replica());
            if (!muts.isEmpty() && muts.get(0).get("seq").asLong() > last + 1) {
                ObjectNode extra = Json.object();
                extra.put("expected", last + 1);
                throw new ApiException(409, "OUT_OF_ORDER", "expected seq " + (last + 1), extra);
            }
            ArrayNode results = Json.MAPPER.createArrayNode();
            String now = api.now();
            for (JsonNode m : muts) {
                long seq = m.get("seq").asLong();
                if (seq <= last) {
                    batch.flush();
                    Record r = ctx.fetchOne("SELECT status, result FROM srv_mutation WHERE replica = ? AND seq = ?", s.replica(), seq);
                    ObjectNode res = r == null ? Json.object() : Json.readObject(r.get("result", String.class));
                    res.put("seq", seq);
                    res.put("originalStatus", r == null ? "rejected" : r.get("status", String.class));
                    res.put("status", "duplicate");
                    results.add(res);
                    continue;
                }
                ObjectNode res = new Mutation(ctx, s, m, seq, now, batch).apply();
                batch.mutations.add(new Object[] {s.replica(), seq, idOf(m), opOf(m), res.get("status").asText(), Json.write(res)});
                results.add(res);
                last = seq;
            }
            batch.close();
            Sql.update(ctx, "UPDATE srv_replica SET last_seq = ? WHERE replica = ?", last, s.replica());
            ObjectNode out = Json.object();
            out.set("results", results);
            out.put("appliedThrough", last);
            return WireResponse.json(200, out);
        });
    }

    private static String idOf(JsonNode m) {
        JsonNode id = m.get("id");
        return id != null && id.isTextual() && id.asText().length() <= 64 ? id.asText() : null;
    }

    private static String opOf(JsonNode m) {
        JsonNode op = m.get("op");
        return op != null && op.isTextual() && OPS.contains(op.asText()) ? op.asText() : null;
    }

    /**
     * What one push's mutations share: the server sequence, taken once (the push holds its row
     * lock until commit) and written back at the end; the records the push names, read in one
     * query once that lock is held (nothing else writes them until commit) and kept as the push
     * writes them; the scope answers per household (forgotten whenever a household changes within
     * the push); and its writes to srv_record, srv_version and srv_mutation, sent together
     * ({@link #flush}) before anything reads those tables and at the end. A push of a few
     * mutations is then a dozen round trips to the database instead of forty: pushes are
     * serialised, so this is the server's write throughput.
     */
    /** What a reference check needs of a record. */
    private record Ref(RecordType type, String householdId, boolean deleted) {}

    private static final class Batch {
        static final String MUTATION = "INSERT INTO srv_mutation (replica, seq, record_id, op, status, result) VALUES (?,?,?,?,?,?)";
        /** The patch fields that name other records (parents and secondary references). */
        static final List<String> REFERENCES = List.of("householdId", "planId", "objectiveId", "personId", "personIds", "contactId");
        final DSLContext ctx;
        final Session session;
        final long first;
        long seq;
        final java.util.Map<String, Boolean> holds = new java.util.HashMap<>();
        /**
         * Records read or written by this push, by id; a null value: no such record. A record saved
         * by this push is kept with null fields until it is loaded again: its fields as stored are in
         * {@link #stored} (read back only if a later mutation of the batch names the record).
         */
        final java.util.Map<String, ServerRecord> records = new java.util.HashMap<>();
        final java.util.Map<String, String> stored = new java.util.HashMap<>();
        /** What is known of records the batch only refers to (parents, secondary references); a null value: no such record. */
        final java.util.Map<String, Ref> refs = new java.util.HashMap<>();
        /** The ids looked up in advance, those of them erased (RGPD), and the sectors of their households. */
        final Set<String> prefetched = new java.util.HashSet<>(), purged = new java.util.HashSet<>();
        final java.util.Map<String, String> sectors = new java.util.HashMap<>();
        final List<Object[]> inserts = new ArrayList<>(), updates = new ArrayList<>(), versions = new ArrayList<>(), mutations = new ArrayList<>();

        Batch(DSLContext ctx, Session session, JsonNode muts, org.jooq.SQLDialect dialect) {
            this.ctx = ctx;
            this.session = session;
            if (dialect == org.jooq.SQLDialect.POSTGRES) {
                // one round trip: the row locked and read
                this.first = Sql.query(ctx, "SELECT value FROM srv_counter WHERE name = 'seq' FOR UPDATE", rs -> {
                    if (!rs.next()) throw new IllegalStateException("no counter seq");
                    return rs.getLong(1);
                });
            } else {
                Sql.update(ctx, "UPDATE srv_counter SET value = value WHERE name = 'seq'");
                this.first = SyncApi.counter(ctx, "seq");
            }
            this.seq = first;
            prefetch(muts);
        }

        private static final String PREFETCH_SQL_START = "SELECT " + ServerRecord.COLUMNS.replaceAll("(\\w+)", "r.$1") + ", h.sector_id FROM srv_record r "
                + "LEFT JOIN srv_household h ON h.id = r.household_id WHERE r.id IN (";
        private static final String PREFETCH_REFS_START = "SELECT r.id, r.type, r.household_id, r.deleted, h.sector_id FROM srv_record r "
                + "LEFT JOIN srv_household h ON h.id = r.household_id WHERE r.id IN (";

        /**
         * Reads in advance, in a few queries, the records the mutations name (whole) and those they
         * only refer to (type, household and liveness: a household's fields are not read, let alone
         * parsed, for each person created in it), with the sector of each one's household (null:
         * none, e.g. purged meanwhile). Plain JDBC: up to 500 binds a query, a result read once.
         */
        private void prefetch(JsonNode muts) {
            Set<String> named = new LinkedHashSet<>(), referred = new LinkedHashSet<>();
            for (JsonNode m : muts) {
                if (RecordValidator.isUuid(m.get("id"))) named.add(m.get("id").asText());
                JsonNode p = m.get("patch");
                if (p == null || !p.isObject()) continue;
                for (String f : REFERENCES) {
                    JsonNode v = p.path(f).get("new");
                    if (v == null) continue;
                    for (JsonNode x : v.isArray() ? v : List.of(v)) if (RecordValidator.isUuid(x)) referred.add(x.asText());
                }
            }
            referred.removeAll(named);
            for (String id : named) records.put(id, null);
            readInChunks(named, PREFETCH_SQL_START, rs -> {
                ServerRecord rec = ServerRecord.of(rs);
                records.put(rec.id(), rec);
                String sector = rs.getString(14);
                if (sector != null) sectors.put(rec.householdId(), sector);
            });
            for (String id : referred) refs.put(id, null);
            readInChunks(referred, PREFETCH_REFS_START, rs -> {
                Ref ref = new Ref(RecordType.fromWire(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getInt(4) != 0);
                refs.put(rs.getString(1), ref);
                String sector = rs.getString(5);
                if (sector != null) sectors.put(ref.householdId(), sector);
            });
        }

        private interface RowReader {
            void read(java.sql.ResultSet rs) throws java.sql.SQLException;
        }

        /** Runs {@code sqlStart} with the ids as its IN list, 500 at a time, giving each row to {@code row}; notes their tombstones. */
        private void readInChunks(Set<String> ids, String sqlStart, RowReader row) {
            List<String> all = new ArrayList<>(ids);
            for (int i = 0; i < all.size(); i += 500) {
                List<String> part = all.subList(i, Math.min(all.size(), i + 500));
                Sql.query(ctx, sqlStart + marks(part.size()) + ")", rs -> {
                    while (rs.next()) row.read(rs);
                    return null;
                }, part.toArray());
                tombstones(part);
            }
        }

        private static String marks(int n) {
            return String.join(",", java.util.Collections.nCopies(n, "?"));
        }

        private void tombstones(List<String> part) {
            Sql.query(ctx, "SELECT id FROM srv_tombstone WHERE id IN (" + marks(part.size()) + ")", rs -> {
                while (rs.next()) purged.add(rs.getString(1));
                return null;
            }, part.toArray());
            prefetched.addAll(part);
        }

        long next() {
            return ++seq;
        }

        /** The record as this push sees it (a copy: the caller may change its fields), or null. */
        ServerRecord load(String id) {
            ServerRecord r;
            if (records.containsKey(id)) r = records.get(id);
            else {
                r = ServerRecord.load(ctx, id);
                records.put(id, r);
            }
            if (r == null) return null;
            // saved by this push: its fields as a later read would find them, read back from what was stored
            ObjectNode fields = r.fields() != null ? r.fields().deepCopy() : Json.readObject(stored.get(id));
            return r.with(r.sv(), r.vv(), r.deleted(), r.conflictId(), r.conflictFields(), fields, r.author(), r.replica(), r.serverTime());
        }

        /** A record named as a parent or a reference, as this push sees it (null: no such record). */
        Ref ref(String id) {
            ServerRecord r;
            if (records.containsKey(id)) r = records.get(id);
            else if (refs.containsKey(id)) return refs.get(id);
            else {
                r = ServerRecord.load(ctx, id);
                records.put(id, r);
            }
            return r == null ? null : new Ref(r.type(), r.householdId(), r.deleted());
        }

        boolean purged(String id) {
            return prefetched.contains(id) ? purged.contains(id) : Purge.purged(ctx, id);
        }

        boolean holds(Session s, String householdId) {
            return holds.computeIfAbsent(householdId, h -> {
                String sector = sectors.get(h);
                if (sector == null) return Scope.holds(ctx, s, h);
                return s.sectors().contains(sector)
                        || Sql.exists(ctx, "SELECT 1 FROM srv_referent WHERE household_id = ? AND worker_id = ?", h, s.workerId());
            });
        }

        /** Saves a record's new state (sent at the next {@link #flush}). */
        void save(ServerRecord rec, boolean insert, long rseq) {
            Object[] binds = insert ? rec.insertBinds() : rec.updateBinds();
            (insert ? inserts : updates).add(binds);
            versions.add(rec.versionBinds(rseq));
            // kept as a later read would find it: the fields as stored (read back by load, if ever)
            stored.put(rec.id(), (String) binds[insert ? 9 : 5]);
            records.put(rec.id(), rec.with(rec.sv(), rec.vv(), rec.deleted(), rec.conflictId(), rec.conflictFields(), null,
                    rec.author(), rec.replica(), rec.serverTime()));
        }

        void written(RecordType type) {
            if (type == RecordType.HOUSEHOLD) {
                holds.clear();
                sectors.clear();
            }
        }

        /** Sends the writes kept so far: a record is inserted before it is updated, in order. */
        void flush() {
            Sql.batch(ctx, ServerRecord.INSERT, inserts);
            Sql.batch(ctx, ServerRecord.UPDATE, updates);
            Sql.batch(ctx, ServerRecord.INSERT_VERSION, versions);
            Sql.batch(ctx, MUTATION, mutations);
            inserts.clear();
            updates.clear();
            versions.clear();
            mutations.clear();
        }

        void close() {
            flush();
            if (seq != first) Sql.update(ctx, "UPDATE srv_counter SET value = ? WHERE name = 'seq'", seq);
        }
    }

    /** One mutation being judged and applied. */
    private final class Mutation {
        final DSLContext ctx;
        final Session s;
        final JsonNode m;
        final long seq;
        final String now;
        final Batch batch;
        RecordType type;
        String id;
        String op;
        VersionVector vctx;
        ObjectNode patch;

        Mutation(DSLContext ctx, Session s, JsonNode m, long seq, String now, Batch batch) {
            this.batch = batch;
            this.ctx = ctx;
            this.s = s;
            this.m = m;
            this.seq = seq;
            this.now = now;
        }

        ObjectNode result(String status) {
            ObjectNode r = Json.object();
            r.put("seq", seq);
            r.put("status", status);
            return r;
        }

        ObjectNode rejected(String reason) {
            ObjectNode r = result("rejected");
            r.put("reason", reason);
            return r;
        }

        ObjectNode withRecord(String status, ServerRecord rec) {
            ObjectNode r = result(status);
            r.set("record", rec.toWire(s.role()));
            return r;
        }

        ObjectNode apply() {
            op = opOf(m);
            Optional<RecordType> t = m.path("type").isTextual() ? RecordType.fromWire(m.get("type").asText()) : Optional.empty();
            if (op == null || t.isEmpty() || !RecordValidator.isUuid(m.get("id"))) return rejected("invalid");
            type = t.get();
            id = m.get("id").asText();
            vctx = VersionVector.parse(m.get("ctx"));
            if (vctx == null) return rejected("invalid");
            JsonNode p = m.get("patch");
            if (p == null || p.isNull()) patch = Json.object();
            else if (!p.isObject() || p.size() > 200) return rejected("invalid");
            else patch = (ObjectNode) p;
            for (var it = patch.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isObject() || e.getKey().isEmpty() || e.getKey().length() > 64) return rejected("invalid");
                if ((op.equals("create") || op.equals("update") || op.equals("resolve")) && !e.getValue().has("new")) return rejected("invalid");
                Optional<FieldSpec> spec = type.field(e.getKey());
                if (spec.isPresent() && !RecordValidator.validateValue(spec.get(), e.getValue().get("new")).isEmpty()) return rejected("invalid");
            }
            if (s.role() == Role.SMS || !s.role().holdsCaseData()) {
                if (!s.role().holdsCaseData() || type.confidentialType()) return rejected("forbidden");
                for (var it = patch.fieldNames(); it.hasNext(); ) if (type.hiddenFrom(it.next(), s.role())) return rejected("forbidden");
            }
            ServerRecord cur = batch.load(id);
            if (cur == null && batch.purged(id)) return rejected("forbidden"); // erased (RGPD): never comes back
            if (op.equals("create")) return create(cur);
            if (cur == null) return rejectedCreate(id) ? rejected("dependency_failed") : rejected("unknown");
            if (cur.type() != type) return rejected("invalid");
            if (!batch.holds(s, cur.householdId())) return rejected("forbidden");
            if (type.parentField() != null && patch.has(type.parentField())
                    && !Values.same(patch.get(type.parentField()).get("new"), cur.fields().get(type.parentField())))
                return rejected("invalid");
            if (type == RecordType.HOUSEHOLD && patch.has("sectorId")) {
                JsonNode ns = patch.get("sectorId").get("new");
                String from = cur.fields().path("sectorId").asText();
                if (!ns.asText().equals(from)) {
                    if (!sectorExists(ns.asText())) return rejected("invalid");
                    if (s.role() != Role.SUPERVISOR || !s.sectors().contains(from) || !s.sectors().contains(ns.asText()))
                        return rejected("forbidden");
                }
            }
            String refFault = references();
            if (refFault != null) return rejected(refFault);
            return switch (op) {
                case "update" -> update(cur);
                case "delete" -> delete(cur);
                case "undelete" -> undelete(cur);
                default -> resolve(cur);
            };
        }

        boolean rejectedCreate(String recordId) {
            batch.flush();
            return ctx.fetchExists(ctx.selectOne().from("srv_mutation")
                    .where("replica = ? AND record_id = ? AND op = 'create' AND status = 'rejected'", s.replica(), recordId));
        }

        boolean sectorExists(String sector) {
            return ctx.fetchExists(ctx.selectOne().from("srv_sector").where("id = ?", sector));
        }

        /** Secondary references (personIds, objectiveId, contactId) must name records the server holds. */
        String references() {
            for (String f : List.of("personIds", "objectiveId", "contactId")) {
                if (!patch.has(f) || type.field(f).isEmpty()) continue;
                JsonNode v = patch.get(f).get("new");
                if (v == null || v.isNull()) continue;
                for (JsonNode ref : v.isArray() ? v : List.of(v)) {
                    if (batch.ref(ref.asText()) == null) return rejectedCreate(ref.asText()) ? "dependency_failed" : "invalid";
                }
            }
            return null;
        }

        ObjectNode create(ServerRecord cur) {
            if (cur != null) return rejected("id_collision");
            ObjectNode fields = Json.object();
            for (var it = patch.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode nv = e.getValue().get("new");
                if (nv != null && !nv.isNull()) fields.set(e.getKey(), nv);
            }
            String householdId, parentId = null;
            if (type == RecordType.HOUSEHOLD) {
                String sector = fields.path("sectorId").asText(null);
                if (sector == null || !sectorExists(sector)) return rejected("invalid");
                if (!s.sectors().contains(sector)) return rejected("forbidden");
                ArrayNode refs = fields.has("referentIds") && fields.get("referentIds").isArray()
                        ? (ArrayNode) fields.get("referentIds") : fields.putArray("referentIds");
                boolean present = false;
                for (JsonNode n : refs) present |= n.asText().equals(s.workerId());
                if (!present) refs.add(s.workerId());
                householdId = id;
            } else {
                parentId = fields.path(type.parentField()).asText(null);
                if (parentId == null || !RecordValidator.isUuid(fields.get(type.parentField()))) return rejected("invalid");
                Ref parent = batch.ref(parentId);
                if (parent == null) return rejectedCreate(parentId) ? rejected("dependency_failed") : rejected("invalid");
                if (parent.type() != type.parentType()) return rejected("invalid");
                if (!batch.holds(s, parent.householdId())) return rejected("forbidden");
                if (parent.deleted()) return rejected("deleted");
                householdId = parent.householdId();
            }
            if (!RecordValidator.validate(type, fields, today()).isEmpty()) return rejected("invalid");
            String refFault = references();
            if (refFault != null) return rejected(refFault);
            long sv = batch.next();
            ServerRecord rec = new ServerRecord(id, type, householdId, parentId, sv, vv(sv), false, null, List.of(),
                    fields, s.workerId(), s.replica(), now);
            batch.save(rec, true, seq);
            if (type == RecordType.HOUSEHOLD) Scope.rescope(ctx, rec, null, sv);
            batch.written(type);
            return withRecord("applied", rec);
        }

        VersionVector vv(long sv) {
            return VersionVector.empty().with(VersionVector.SERVER, sv).with(s.replica(), seq);
        }

        ObjectNode update(ServerRecord cur) {
            boolean covered = covered(cur, vctx);
            if (cur.deleted()) {
                if (covered || deleteCovered(cur)) return rejected("deleted");
                // an edit concurrent with a delete: the record stays deleted, the edit waits in a conflict
                ObjectNode base = Json.object(), prop = Json.object();
                List<String> fs = new ArrayList<>();
                patch.fields().forEachRemaining(e -> {
                    fs.add(e.getKey());
                    base.set(e.getKey(), Values.orNull(e.getValue().get("old")));
                    prop.set(e.getKey(), Values.orNull(e.getValue().get("new")));
                });
                if (fs.isEmpty()) return withRecord("merged", cur);
                return conflict(cur, cur.fields(), fs, base, prop, cur.deleted(), "conflict");
            }
            FieldMerge.Result r = covered ? FieldMerge.fastForward(cur.fields(), patch)
                    : FieldMerge.merge(type, cur.fields(), patch, snapshot(cur, vctx.server()));
            // While a conflict is open, its fields keep their value: a new value joins the conflict.
            ObjectNode merged = r.merged();
            List<String> conflicting = new ArrayList<>(r.conflicting());
            ObjectNode proposal = r.proposal().deepCopy(), base = r.base().deepCopy();
            if (cur.conflictId() != null) {
                for (String f : r.changed()) {
                    if (cur.conflictFields().contains(f) && !conflicting.contains(f)) {
                        conflicting.add(f);
                        proposal.set(f, Values.get(merged, f));
                        base.set(f, Values.orNull(patch.path(f).get("old")));
                        Values.put(merged, f, cur.fields().get(f));
                    }
                }
            }
            if (!RecordValidator.validate(type, merged, today()).isEmpty()) return rejected("invalid");
            String status = covered ? "applied" : "merged";
            if (!conflicting.isEmpty()) return conflict(cur, merged, conflicting, base, proposal, false, "conflict");
            if (r.changed().isEmpty() && covered) return withRecord(status, cur);
            return write(cur, merged, cur.deleted(), cur.conflictId(), cur.conflictFields(), status);
        }

        ObjectNode delete(ServerRecord cur) {
            if (cur.deleted()) return withRecord("applied", cur);
            if (covered(cur, vctx)) return write(cur, cur.fields(), true, cur.conflictId(), cur.conflictFields(), "applied");
            ObjectNode snap = snapshot(cur, vctx.server());
            List<String> edited = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            cur.fields().fieldNames().forEachRemaining(names::add);
            if (snap != null) snap.fieldNames().forEachRemaining(names::add);
            for (String f : names) if (snap == null || !Values.same(snap.get(f), cur.fields().get(f))) edited.add(f);
            if (edited.isEmpty()) return write(cur, cur.fields(), true, cur.conflictId(), cur.conflictFields(), "merged");
            ObjectNode base = Json.object();
            for (String f : edited) base.set(f, snap == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : Values.get(snap, f));
            return conflict(cur, cur.fields(), edited, base, Json.object(), true, "conflict");
        }

        ObjectNode undelete(ServerRecord cur) {
            if (!cur.deleted()) return withRecord("applied", cur);
            if (cur.parentId() != null) {
                Ref parent = batch.ref(cur.parentId());
                if (parent == null || parent.deleted()) return rejected("deleted");
            }
            return write(cur, cur.fields(), false, cur.conflictId(), cur.conflictFields(), covered(cur, vctx) ? "applied" : "merged");
        }

        ObjectNode resolve(ServerRecord cur) {
            JsonNode cid = m.get("conflict");
            if (cid == null || !RecordValidator.isUuid(cid)) return rejected("invalid");
            Record c = ctx.fetchOne("SELECT record_id, status FROM srv_conflict WHERE id = ?", cid.asText());
            if (c == null || !c.get("record_id", String.class).equals(id)) return rejected("invalid");
            boolean open = "open".equals(c.get("status", String.class)) && cid.asText().equals(cur.conflictId());
            boolean covered = covered(cur, vctx);
            FieldMerge.Result r;
            if (covered) r = FieldMerge.fastForward(cur.fields(), patch);
            else {
                // a resolution made on an out-of-date state: where the field moved on, it opens a new conflict
                r = FieldMerge.merge(type, cur.fields(), patch, snapshot(cur, vctx.server()));
            }
            if (!cur.deleted() && !RecordValidator.validate(type, r.merged(), today()).isEmpty()) return rejected("invalid");
            if (r.hasConflict()) {
                if (open) closeConflict(cur.conflictId());
                ServerRecord base = open ? cur.with(cur.sv(), cur.vv(), cur.deleted(), null, List.of(), cur.fields(), cur.author(), cur.replica(), cur.serverTime()) : cur;
                return conflict(base, r.merged(), r.conflicting(), r.base(), r.proposal(), cur.deleted(), "conflict");
            }
            String conflictId = cur.conflictId();
            List<String> conflictFields = cur.conflictFields();
            if (open) {
                closeConflict(conflictId);
                conflictId = null;
                conflictFields = List.of();
            }
            return write(cur, r.merged(), cur.deleted(), conflictId, conflictFields, covered ? "applied" : "merged");
        }

        void closeConflict(String cid) {
            ctx.execute("UPDATE srv_conflict SET status = 'resolved' WHERE id = ?", cid);
        }

        ObjectNode write(ServerRecord cur, ObjectNode fields, boolean deleted, String conflictId, List<String> conflictFields, String status) {
            long sv = batch.next();
            ServerRecord rec = cur.with(sv, vv(sv), deleted, conflictId, conflictFields, fields, s.workerId(), s.replica(), now);
            batch.save(rec, false, seq);
            if (type == RecordType.HOUSEHOLD) Scope.rescope(ctx, rec, cur, sv);
            batch.written(type);
            return withRecord(status, rec);
        }

        /** Opens a conflict on the record, or joins the one already open. */
        ObjectNode conflict(ServerRecord cur, ObjectNode fields, List<String> conflicting, ObjectNode base, ObjectNode proposal,
                            boolean deleted, String status) {
            long sv = batch.next();
            String cid = cur.conflictId();
            Set<String> all = new LinkedHashSet<>();
            if (cid != null) {
                Record c = ctx.fetchOne("SELECT fields, base, current_values FROM srv_conflict WHERE id = ? AND status = 'open'", cid);
                if (c == null) cid = null;
                else {
                    SyncApi.list(Json.read(c.get("fields", String.class))).forEach(all::add);
                    all.addAll(conflicting);
                    ObjectNode b = Json.readObject(c.get("base", String.class));
                    ObjectNode curVals = Json.readObject(c.get("current_values", String.class));
                    for (String f : conflicting) {
                        if (!b.has(f)) b.set(f, Values.get(base, f));
                        if (!curVals.has(f)) curVals.set(f, Values.get(cur.fields(), f));
                    }
                    ctx.execute("UPDATE srv_conflict SET fields = ?, base = ?, current_values = ? WHERE id = ?",
                            Json.write(SyncApi.strings(all)), Json.write(b), Json.write(curVals), cid);
                }
            }
            if (cid == null) {
                cid = UUID.randomUUID().toString();
                all.addAll(conflicting);
                ObjectNode curVals = Json.object(), meta = Json.object();
                for (String f : conflicting) curVals.set(f, Values.get(cur.fields(), f));
                meta.put("author", cur.author());
                meta.put("replica", cur.replica());
                meta.put("serverTime", cur.serverTime());
                ctx.execute("INSERT INTO srv_conflict (id, record_id, type, household_id, fields, base, current_values, current_meta, status, opened_sv) "
                                + "VALUES (?,?,?,?,?,?,?,?,'open',?)", cid, id, type.wire(), cur.householdId(),
                        Json.write(SyncApi.strings(all)), Json.write(base), Json.write(curVals), Json.write(meta), sv);
            }
            int idx = ctx.fetchOne("SELECT COUNT(*) FROM srv_proposal WHERE conflict_id = ?", cid).get(0, Integer.class);
            ctx.execute("INSERT INTO srv_proposal (conflict_id, idx, vals, author, replica, server_time) VALUES (?,?,?,?,?,?)",
                    cid, idx, Json.write(proposal), s.workerId(), s.replica(), now);
            ServerRecord rec = cur.with(sv, vv(sv), deleted, cid, List.copyOf(all), fields, s.workerId(), s.replica(), now);
            batch.save(rec, false, seq);
            if (type == RecordType.HOUSEHOLD) Scope.rescope(ctx, rec, cur, sv);
            batch.written(type);
            return withRecord(status, rec);
        }

        /** Whether every version after the context's base is covered by it (own writes count). */
        boolean covered(ServerRecord cur, VersionVector c) {
            if (c.server() >= cur.sv()) return true;
            batch.flush();
            for (Record v : ctx.fetch("SELECT sv, replica, rseq FROM srv_version WHERE record_id = ? AND sv > ?", cur.id(), c.server())) {
                if (!c.covers(v.get("sv", Long.class), v.get("replica", String.class), v.get("rseq", Long.class), s.replica())) return false;
            }
            return true;
        }

        /** Whether the context covers the version that deleted the record. */
        boolean deleteCovered(ServerRecord cur) {
            batch.flush();
            Record liveMax = ctx.fetchOne("SELECT MAX(sv) FROM srv_version WHERE record_id = ? AND deleted = 0", cur.id());
            long after = liveMax == null || liveMax.get(0) == null ? 0 : liveMax.get(0, Long.class);
            Record d = ctx.fetchOne("SELECT sv, replica, rseq FROM srv_version WHERE record_id = ? AND deleted = 1 AND sv > ? ORDER BY sv LIMIT 1", cur.id(), after);
            if (d == null) return false;
            return vctx.covers(d.get("sv", Long.class), d.get("replica", String.class), d.get("rseq", Long.class), s.replica());
        }

        ObjectNode snapshot(ServerRecord cur, long atSv) {
            if (atSv <= 0) return null;
            batch.flush();
            Record r = ctx.fetchOne("SELECT fields FROM srv_version WHERE record_id = ? AND sv <= ? ORDER BY sv DESC LIMIT 1", cur.id(), atSv);
            return r == null ? null : Json.readObject(r.get(0, String.class));
        }
    }

    static LocalDate today() {
        // a laptop may be a day ahead of the server's UTC date
        return LocalDate.now(ZoneOffset.UTC).plusDays(1);
    }
}
