package fr.carnet.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.RecordType;
import fr.carnet.store.ChangeJournal;
import fr.carnet.store.JournalEntry;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoredRecord;
import fr.carnet.util.Json;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The laptop's sync (SYNC.md): push the change journal in seq order, then pull until the server
 * has nothing more, then refresh the conflict list. Every step commits locally in one transaction
 * (a push answer with its journal statuses; a pulled page with its cursor), so a sync interrupted
 * anywhere resumes at the next call. A pulled record never overwrites a field with an unpushed
 * local change: the server state is kept as a shadow and the pending changes are replayed on it.
 *
 * <pre>{@code
 * SyncEngine engine = new SyncEngine(store, new SyncClient(new HttpTransport(uri), login, password, "Laptop 12"));
 * SyncResult r = engine.sync((phase, sent, received) -> …);   // r.summary(): "12 envoyés, 40 reçus, 1 conflit"
 * for (LocalConflict c : engine.conflicts()) …;
 * engine.keepMine(c.id()); engine.keepTheirs(c.id()); engine.resolve(c.id(), combinedValues);  // pushed at the next sync
 * }</pre>
 */
public final class SyncEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncEngine.class);
    /** Largest push batch (SYNC.md). */
    public static final int MAX_BATCH = 500;
    private static final int PULL_LIMIT = 1000;

    private final Store store;
    private final SyncClient client;
    private volatile Consumer<String> faultHook = p -> { };
    private int batchSize = MAX_BATCH;

    public SyncEngine(Store store, SyncClient client) {
        this.store = store;
        this.client = client;
    }

    /**
     * Test hook: called at named points of a sync ({@code push.beforeSend}, {@code push.afterResponse},
     * {@code push.afterCommit}, {@code pull.afterResponse}, {@code pull.afterCommit}); it may throw to
     * simulate a crash there.
     */
    public void setFaultHook(Consumer<String> hook) {
        this.faultHook = hook == null ? p -> { } : hook;
    }

    private void fault(String point) {
        faultHook.accept(point);
    }

    /** Runs one full sync; throws {@link SyncException} when it had to stop (everything done so far stays). */
    public SyncResult sync(SyncProgress progress) {
        Tally t = new Tally();
        try {
            progress.progress("sync.phase.session", 0, 0);
            ensureSession();
            // A successful online login restarts the offline grace period (security policy).
            recordOnlineLogin();
            progress.progress("sync.phase.push", 0, 0);
            pushAll(t, progress);
            progress.progress("sync.phase.pull", t.sent, 0);
            boolean changed = pullAll(t, progress);
            progress.progress("sync.phase.conflicts", t.sent, t.received);
            // A conflict opens, changes or closes only with a new state of its record, which the
            // pull would have brought: when nothing was sent or received, the list is as it was.
            int open = conflictsStale ? refreshConflicts() : heldConflicts();
            AuditUploader.upload(store, client);
            return new SyncResult(t.sent, t.received, t.conflicts, open, List.copyOf(t.rejected), List.copyOf(t.merged));
        } catch (IOException e) {
            throw new SyncException("sync.error.network", e);
        } catch (RevokedException e) {
            throw revoked(e, t, progress);
        }
    }

    /**
     * Whether the conflict list held on this laptop may be out of date: at first, and from the
     * moment a push's answers or a pulled page are recorded until the list is fetched again (a
     * sync that fails in between leaves it set for the next one).
     */
    private volatile boolean conflictsStale = true;

    /**
     * A successful online login restarts the offline grace period (security policy). Recorded at
     * most every few minutes: an idle sync then writes nothing at all.
     */
    private void recordOnlineLogin() {
        java.time.Instant now = java.time.Instant.now();
        boolean recent = store.read(ctx -> fr.carnet.security.OfflineGrace.lastOnlineLogin(ctx)
                .map(last -> !last.isAfter(now) && java.time.Duration.between(last, now).compareTo(java.time.Duration.ofMinutes(5)) < 0)
                .orElse(false));
        if (!recent) store.write(ctx -> {
            fr.carnet.security.OfflineGrace.recordOnlineLogin(ctx, now);
            return null;
        });
    }

    private int heldConflicts() {
        return store.read(ctx -> (int) fr.carnet.store.Jdbc.number(ctx, "SELECT COUNT(*) FROM sync_conflict"));
    }

    /**
     * The server withdrew this device or its worker (security-002). If it still takes this
     * laptop's pending changes, they are pushed (with the audit trail), then the final push is
     * closed; a network failure on the way keeps everything for the next try. The answer is a
     * {@code sync.error.revoked} exception: the caller then wipes the store ({@code LocalWipe}).
     */
    private SyncException revoked(RevokedException e, Tally t, SyncProgress progress) {
        if (e.finalPushAllowed()) {
            try {
                progress.progress("sync.phase.finalPush", t.sent, t.received);
                pushAll(t, progress);
                AuditUploader.upload(store, client);
                ObjectNode close = Json.object();
                close.put("replica", replica());
                close.putArray("mutations");
                close.put("final", true);
                WireResponse r = client.call("POST", "/api/v1/sync/push", Map.of(), close);
                if (r.status() != 200) return failure(r);
            } catch (RevokedException closed) {
                // the allowance ended meanwhile (its window, or another copy of this store): nothing more can go
            } catch (IOException io) {
                return new SyncException("sync.error.network", io);
            }
        }
        int unsent = store.read(ChangeJournal::pendingCount);
        return unsent > 0 ? new SyncException(SyncException.REVOKED_UNSENT, null, unsent) : new SyncException(SyncException.REVOKED, null, t.sent);
    }

    private static final class Tally {
        int sent, received, conflicts;
        final List<SyncResult.Rejection> rejected = new ArrayList<>();
        final List<SyncResult.MergeNote> merged = new ArrayList<>();
    }

    // ---- session and replica ----

    private String meta(DSLContext ctx, String k) {
        return fr.carnet.store.Jdbc.string(ctx, "SELECT v FROM store_meta WHERE k = ?", k);
    }

    private static void setMeta(DSLContext ctx, String k, String v) {
        ctx.execute("DELETE FROM store_meta WHERE k = ?", k);
        if (v != null) ctx.execute("INSERT INTO store_meta (k, v) VALUES (?, ?)", k, v);
    }

    /** This laptop's replica id (null before the first sync). */
    public String replica() {
        return store.read(ctx -> meta(ctx, "sync.replica"));
    }

    private void ensureSession() throws IOException {
        if (client.session() != null && client.session().path("replica").asText().equals(replica())) return;
        String deviceId = store.write(ctx -> {
            String d = meta(ctx, "sync.deviceId");
            if (d == null) {
                d = UUID.randomUUID().toString();
                setMeta(ctx, "sync.deviceId", d);
            }
            return d;
        });
        JsonNode s = client.login(deviceId);
        String replica = s.path("replica").asText();
        store.write(ctx -> {
            if (!replica.equals(meta(ctx, "sync.replica"))) {
                // A new replica numbers its changes from 1: the journal's seqs are shifted by a base.
                Record minPending = ctx.fetchOne("SELECT MIN(seq), (SELECT MAX(seq) FROM change_journal) FROM change_journal WHERE status = 'PENDING'");
                long base = minPending.get(0) != null ? minPending.get(0, Long.class) - 1
                        : minPending.get(1) != null ? minPending.get(1, Long.class) : 0;
                setMeta(ctx, "sync.replica", replica);
                setMeta(ctx, "sync.seqBase", Long.toString(base));
            }
            setMeta(ctx, "sync.workerId", s.path("worker").path("id").asText());
            setMeta(ctx, "sync.role", s.path("worker").path("role").asText());
            return null;
        });
    }

    private long seqBase(DSLContext ctx) {
        String b = meta(ctx, "sync.seqBase");
        return b == null ? 0 : Long.parseLong(b);
    }

    // ---- push ----

    /** A push batch: its body already written as JSON (built ahead, off the path between two answers). */
    private record Batch(byte[] body, List<JournalEntry> entries, long base) {
        long lastSeq() {
            return entries.getLast().seq();
        }
    }

    /** The next batch of pending changes after journal seq {@code after} (null: none). */
    private Batch nextBatch(long after) {
        return store.read(ctx -> {
            // the idle sync's case, without building the query
            if (!fr.carnet.store.Jdbc.exists(ctx, "SELECT 1 FROM change_journal WHERE status = 'PENDING' AND seq > ? LIMIT 1", after)) return null;
            List<JournalEntry> es = ChangeJournal.pendingAfter(ctx, after, batchSize);
            if (es.isEmpty()) return null;
            long base = seqBase(ctx);
            ObjectNode body = Json.object();
            body.put("replica", meta(ctx, "sync.replica"));
            ArrayNode ms = body.putArray("mutations");
            for (JournalEntry e : es) ms.add(mutation(ctx, e, base));
            return new Batch(Json.bytes(body), es, base);
        });
    }

    /**
     * Sends the journal in batches, in order. Once a batch is answered, the next one is sent while
     * the answer is recorded on this laptop (the server has already committed the first, so the
     * order holds). Recording an answer may be undone by a power cut: the batch is then sent again
     * and the server answers the same from its record of each (replica, seq).
     */
    private void pushAll(Tally t, SyncProgress progress) throws IOException {
        Batch b = nextBatch(0);
        InFlight sent = null;
        // the batch after the one on its way, built while the server works on that one (journal
        // entries never change once written, only their status, which only this loop sets)
        Batch ahead = null;
        try {
            for (int rounds = 0; rounds < 10_000 && b != null; rounds++) {
                WireResponse r;
                if (sent != null) {
                    r = await(sent.answer());
                    sent = null;
                } else {
                    fault("push.beforeSend");
                    r = client.callWritten("POST", "/api/v1/sync/push", Map.of(), b.body());
                }
                fault("push.afterResponse");
                switch (r.status()) {
                    case 200 -> {
                        Batch next = ahead != null && ahead.entries().getFirst().seq() > b.lastSeq() ? ahead : nextBatch(b.lastSeq());
                        ahead = null;
                        if (next != null) {
                            fault("push.beforeSend");
                            sent = sendAsync(next);
                        }
                        Batch done = b;
                        conflictsStale = true;
                        store.writeReplayable(ctx -> {
                            applyPushResults(ctx, r.jsonBody(), done.entries(), done.base(), t);
                            return null;
                        });
                        fault("push.afterCommit");
                        progress.progress("sync.phase.push", t.sent, t.received);
                        if (next != null) ahead = nextBatch(next.lastSeq());
                        b = next;
                    }
                    case 409 -> {
                        long expected = r.jsonBody().path("expected").asLong(-1);
                        if (expected < 1) throw new SyncException("sync.error.protocol", null, 409);
                        ahead = null;
                        // The server lost or never recorded changes we took as done: send them again.
                        Batch failed = b;
                        store.write(ctx -> ctx.execute("UPDATE change_journal SET status = 'PENDING', result = NULL WHERE seq >= ? AND seq < ?",
                                expected + failed.base(), failed.entries().get(0).seq()));
                        b = nextBatch(0);
                    }
                    case 413 -> {
                        if (batchSize == 1) throw new SyncException("sync.error.protocol", null, 413);
                        batchSize = Math.max(1, batchSize / 2);
                        ahead = null;
                        b = nextBatch(0);
                    }
                    default -> throw failure(r);
                }
            }
        } finally {
            if (sent != null) sent.cancel();
        }
    }

    /** A push batch on its way, on its own thread (interrupted if the sync stops before its answer is taken). */
    private record InFlight(Thread thread, java.util.concurrent.CompletableFuture<WireResponse> answer) {
        void cancel() {
            thread.interrupt();
            answer.cancel(true);
        }
    }

    private InFlight sendAsync(Batch b) {
        java.util.concurrent.CompletableFuture<WireResponse> f = new java.util.concurrent.CompletableFuture<>();
        Thread th = Thread.ofVirtual().name("carnet-push").start(() -> {
            try {
                f.complete(client.callWritten("POST", "/api/v1/sync/push", Map.of(), b.body()));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return new InFlight(th, f);
    }

    private static WireResponse await(java.util.concurrent.CompletableFuture<WireResponse> f) throws IOException {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error er) throw er;
            throw e;
        }
    }

    private static SyncException failure(WireResponse r) {
        return switch (r.status()) {
            case 401 -> new SyncException("sync.error.auth", null);
            case 403 -> new SyncException("sync.error.forbidden", null);
            case 429, 503 -> new SyncException("sync.error.busy", null, Optional.ofNullable(r.header("retry-after")).orElse("30"));
            default -> new SyncException("sync.error.protocol", null, r.status());
        };
    }

    private ObjectNode mutation(DSLContext ctx, JournalEntry e, long base) {
        ObjectNode m = Json.object();
        m.put("seq", e.seq() - base);
        m.put("type", e.type().wire());
        m.put("id", e.recordId());
        m.put("op", e.op());
        // The context: the state the edit was made on, with our own entry raised to our latest
        // earlier change of this record.
        VersionVector c = VersionVector.parse(e.ctx());
        if (c == null) c = VersionVector.empty();
        if (!e.op().equals("create")) {
            Record own = ctx.fetchOne("SELECT MAX(seq) FROM change_journal WHERE record_type = ? AND record_id = ? AND seq < ? AND seq > ?",
                    e.type().wire(), e.recordId(), e.seq(), base);
            if (own != null && own.get(0) != null) c = c.raise(meta(ctx, "sync.replica"), own.get(0, Long.class) - base);
        }
        m.set("ctx", c.toJson());
        m.set("patch", e.patch());
        if (e.conflictId() != null) m.put("conflict", e.conflictId());
        m.put("deviceTime", e.deviceTime());
        return m;
    }

    private void applyPushResults(DSLContext ctx, JsonNode body, List<JournalEntry> sent, long base, Tally t) {
        Map<Long, JournalEntry> bySeq = new HashMap<>();
        for (JournalEntry e : sent) bySeq.put(e.seq() - base, e);
        // The common case — an applied change, the record's only pending one, no shadow — is
        // written in batches; what the batch needs to know is read with a few set queries.
        Map<RecordType, Set<String>> ids = new java.util.EnumMap<>(RecordType.class);
        Map<String, Integer> inBatch = new HashMap<>();
        for (JournalEntry e : sent) {
            ids.computeIfAbsent(e.type(), k -> new HashSet<>()).add(e.recordId());
            inBatch.merge(e.type().wire() + ":" + e.recordId(), 1, Integer::sum);
        }
        Map<String, long[]> pendingCount = pendingCounts(ctx, ids);
        Set<String> shadows = shadows(ctx, ids);
        Map<RecordType, Map<String, Local>> held = new java.util.EnumMap<>(RecordType.class);
        for (var en : ids.entrySet()) held.put(en.getKey(), locals(ctx, en.getKey(), en.getValue()));
        PageWrites w = new PageWrites();
        List<Object[]> done = new ArrayList<>();
        for (JsonNode res : body.path("results")) {
            JournalEntry e = bySeq.get(res.path("seq").asLong());
            if (e == null) continue;
            String key = e.type().wire() + ":" + e.recordId();
            Local mine = held.get(e.type()).get(e.recordId());
            JsonNode answer = res.get("record");
            long[] pend = pendingCount.get(key);
            if (res.path("status").asText().equals("applied") && answer != null && answer.isObject() && mine != null && s(answer) >= mine.s()
                    && inBatch.get(key) == 1 && pend != null && pend[0] == 1 && pend[1] == e.seq() && !shadows.contains(key)) {
                // the record itself is now the local row: the journal keeps the outcome, not a second copy
                done.add(new Object[] {"APPLIED", "{\"seq\":" + res.path("seq").asLong() + ",\"status\":\"applied\",\"s\":" + s(answer) + "}", e.seq()});
                t.sent++;
                StoredRecord now = held(e.type(), (ObjectNode) answer, mine);
                // a create stored as sent: only the envelope changes (no field, index or search rewrite)
                if (e.op().equals("create") && sameAsCreated(now.fields(), e.patch())) w.envelope(e.type(), now);
                else w.add(e.type(), now, true);
                continue;
            }
            flushDone(ctx, done);
            w.flush(ctx);
            Optional<StoredRecord> local = RecordRepository.find(ctx, e.type(), e.recordId());
            List<JournalEntry> pending = pending(ctx, e.type(), e.recordId());
            if (pending.stream().noneMatch(p -> p.seq() == e.seq())) continue; // already recorded (a crash after commit)
            ObjectNode serverState = serverState(ctx, e.type(), e.recordId(), local.orElse(null), pending);
            String status = res.path("status").asText();
            String effective = status.equals("duplicate") ? res.path("originalStatus").asText("rejected") : status;
            JsonNode rec = res.get("record");
            if (rec != null && rec.isObject() && (serverState == null || s(rec) >= s(serverState))) {
                if (effective.equals("merged") && local.isPresent()) noteMerged(ctx, local.get(), e, (ObjectNode) rec, t);
                serverState = (ObjectNode) rec;
            }
            ChangeJournal.markDone(ctx, e.seq(), effective.toUpperCase(Locale.ROOT), Json.write(res));
            t.sent++;
            if (effective.equals("conflict") && !status.equals("duplicate")) t.conflicts++;
            if (effective.equals("rejected"))
                t.rejected.add(new SyncResult.Rejection(e.seq(), e.type().wire(), e.recordId(), e.op(), res.path("reason").asText("invalid")));
            List<JournalEntry> rest = pending(ctx, e.type(), e.recordId());
            if (serverState == null) {
                if (rest.isEmpty()) remove(ctx, e.type(), e.recordId());
            } else {
                hold(ctx, e.type(), serverState, rest, local.orElse(null));
            }
        }
        flushDone(ctx, done);
        w.flush(ctx);
    }

    /** Whether a record's fields are exactly the values a create set (the server changed nothing). */
    private static boolean sameAsCreated(ObjectNode fields, ObjectNode patch) {
        ObjectNode created = Json.object();
        patch.fields().forEachRemaining(f -> {
            JsonNode nv = f.getValue().get("new");
            if (nv != null && !nv.isNull()) created.set(f.getKey(), nv);
        });
        return created.equals(fields);
    }

    private static void flushDone(DSLContext ctx, List<Object[]> done) {
        if (done.isEmpty()) return;
        ctx.connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE change_journal SET status = ?, result = ? WHERE seq = ?")) {
                for (Object[] d : done) {
                    ps.setString(1, (String) d[0]);
                    ps.setString(2, (String) d[1]);
                    ps.setLong(3, (Long) d[2]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        done.clear();
    }

    /** Per "type:id" of these records with pending journal entries: {how many, the first seq}. */
    private static Map<String, long[]> pendingCounts(DSLContext ctx, Map<RecordType, Set<String>> ids) {
        Map<String, long[]> out = new HashMap<>();
        forChunks(ids, (t, in, binds) -> {
            fr.carnet.store.Jdbc.forEach(ctx, "SELECT record_id, COUNT(*), MIN(seq) FROM change_journal WHERE status = 'PENDING' AND record_type = ? AND record_id IN (" + in + ") GROUP BY record_id", binds,
                    r -> out.put(t.wire() + ":" + r.getString(1), new long[] {r.getLong(2), r.getLong(3)}));
        });
        return out;
    }

    /** "type:id" of these records that have a shadow. */
    private static Set<String> shadows(DSLContext ctx, Map<RecordType, Set<String>> ids) {
        Set<String> out = new HashSet<>();
        if (!ctx.fetchExists(ctx.selectOne().from("sync_shadow"))) return out;
        forChunks(ids, (t, in, binds) -> {
            fr.carnet.store.Jdbc.forEach(ctx, "SELECT record_id FROM sync_shadow WHERE record_type = ? AND record_id IN (" + in + ")", binds,
                    r -> out.add(t.wire() + ":" + r.getString(1)));
        });
        return out;
    }

    private interface ChunkQuery {
        void run(RecordType t, String placeholders, Object[] binds);
    }

    /** Runs a query per type and per 500 ids: binds are the type's wire name, then the ids. */
    private static void forChunks(Map<RecordType, Set<String>> ids, ChunkQuery q) {
        for (var e : ids.entrySet()) {
            List<String> all = new ArrayList<>(e.getValue());
            for (int i = 0; i < all.size(); i += 500) {
                List<String> part = all.subList(i, Math.min(all.size(), i + 500));
                List<Object> binds = new ArrayList<>();
                binds.add(e.getKey().wire());
                binds.addAll(part);
                q.run(e.getKey(), String.join(",", java.util.Collections.nCopies(part.size(), "?")), binds.toArray());
            }
        }
    }

    private void noteMerged(DSLContext ctx, StoredRecord before, JournalEntry e, ObjectNode rec, Tally t) {
        List<String> fields = new ArrayList<>();
        ObjectNode theirs = (ObjectNode) rec.path("fields");
        Set<String> names = new LinkedHashSet<>();
        theirs.fieldNames().forEachRemaining(names::add);
        before.fields().fieldNames().forEachRemaining(names::add);
        for (String f : names) if (!e.patch().has(f) && !Values.same(theirs.get(f), before.fields().get(f))) fields.add(f);
        if (fields.isEmpty()) return;
        String author = rec.path("meta").path("author").asText(null);
        String time = rec.path("meta").path("serverTime").asText(null);
        ctx.execute("INSERT INTO sync_merge_log (logged_at, record_type, record_id, fields, author, server_time) VALUES (?,?,?,?,?,?)",
                now(), e.type().wire(), e.recordId(), Json.write(fields), author, time);
        t.merged.add(new SyncResult.MergeNote(e.type().wire(), e.recordId(), List.copyOf(fields), author, time));
    }

    private static long s(JsonNode wireRecord) {
        return wireRecord.path("vv").path(VersionVector.SERVER).asLong(0);
    }

    private static List<JournalEntry> pending(DSLContext ctx, RecordType type, String id) {
        return ChangeJournal.forRecord(ctx, type, id).stream().filter(JournalEntry::pending).toList();
    }

    /**
     * The last server state of a record as a wire record: its shadow, or — when it has no shadow —
     * the local record with its pending changes undone. Null when the server does not hold it.
     */
    private ObjectNode serverState(DSLContext ctx, RecordType type, String id, StoredRecord local, List<JournalEntry> pending) {
        Record sh = ctx.fetchOne("SELECT record FROM sync_shadow WHERE record_type = ? AND record_id = ?", type.wire(), id);
        if (sh != null) return Json.readObject(sh.get(0, String.class));
        if (local == null) return null;
        ObjectNode fields = local.fields().deepCopy();
        boolean deleted = local.deleted();
        for (int i = pending.size() - 1; i >= 0; i--) {
            JournalEntry e = pending.get(i);
            switch (e.op()) {
                case "create" -> {
                    return null;
                }
                case "delete" -> deleted = false;
                case "undelete" -> deleted = true;
                default -> e.patch().fields().forEachRemaining(f -> Values.put(fields, f.getKey(), f.getValue().get("old")));
            }
        }
        ObjectNode w = Json.object();
        w.put("type", type.wire());
        w.put("id", id);
        w.set("vv", local.vv());
        w.put("deleted", deleted);
        if (local.conflictId() == null) w.putNull("conflict");
        else {
            ObjectNode c = w.putObject("conflict");
            c.put("id", local.conflictId());
            c.set("fields", Json.MAPPER.valueToTree(local.conflictFields()));
        }
        w.set("fields", fields);
        w.putObject("meta").put("author", local.authorId()).put("serverTime", local.serverTime());
        return w;
    }

    /** Holds a server state locally, with the still-pending changes replayed on it. */
    private void hold(DSLContext ctx, RecordType type, ObjectNode server, List<JournalEntry> rest, StoredRecord local) {
        String id = server.path("id").asText();
        ObjectNode fields = ((ObjectNode) server.path("fields")).deepCopy();
        boolean deleted = server.path("deleted").asBoolean();
        for (JournalEntry e : rest) {
            switch (e.op()) {
                case "delete" -> deleted = true;
                case "undelete" -> deleted = false;
                default -> e.patch().fields().forEachRemaining(f -> Values.put(fields, f.getKey(), f.getValue().get("new")));
            }
        }
        JsonNode conflict = server.get("conflict");
        String conflictId = conflict != null && conflict.isObject() ? conflict.path("id").asText() : null;
        List<String> conflictFields = new ArrayList<>();
        if (conflictId != null) for (JsonNode f : conflict.path("fields")) conflictFields.add(f.asText());
        SyncState state = !rest.isEmpty() ? SyncState.PENDING : conflictId != null ? SyncState.CONFLICT : SyncState.SYNCED;
        JsonNode meta = server.path("meta");
        String serverTime = meta.path("serverTime").isTextual() ? meta.get("serverTime").asText() : null;
        StoredRecord r = new StoredRecord(type, id, (ObjectNode) server.path("vv"), deleted, conflictId, conflictFields, state, fields,
                meta.path("author").isTextual() ? meta.get("author").asText() : null, serverTime,
                local != null ? local.updatedAt() : serverTime != null ? serverTime : now());
        if (local != null) RecordRepository.replace(ctx, r);
        else RecordRepository.insert(ctx, r);
        ctx.execute("DELETE FROM sync_shadow WHERE record_type = ? AND record_id = ?", type.wire(), id);
        if (!rest.isEmpty())
            ctx.execute("INSERT INTO sync_shadow (record_type, record_id, record) VALUES (?,?,?)", type.wire(), id, Json.write(server));
    }

    /** Removes a record and everything under it from this laptop (evict, or a create the server refused). */
    private void remove(DSLContext ctx, RecordType type, String id) {
        remove(ctx, type, id, false);
    }

    /**
     * An evict marked {@code purged} (the record was erased on the server, RGPD) also leaves no
     * trace of it here: its journal entries (already pushed: an evict waits for pending ones; refused
     * ones included), its merge notes and the drafts typed for it go too. Search index rows go with
     * the rows (triggers), and the indexes are compacted after the page. A plain evict (the record
     * left this worker's scope) keeps the journal, so a refused change can still be read.
     */
    private void remove(DSLContext ctx, RecordType type, String id, boolean purged) {
        for (RecordType child : RecordType.values()) {
            if (child.parentType() != type) continue;
            String col = RecordRepository.table(child).getName() + "." + columnOf(child.parentField());
            for (Record r : ctx.fetch("SELECT id FROM " + child.table() + " WHERE " + col + " = ?", id)) remove(ctx, child, r.get(0, String.class), purged);
        }
        RecordRepository.evict(ctx, type, id);
        ctx.execute("DELETE FROM sync_shadow WHERE record_type = ? AND record_id = ?", type.wire(), id);
        ctx.execute("DELETE FROM sync_conflict WHERE record_type = ? AND record_id = ?", type.wire(), id);
        if (!purged) return;
        ctx.execute("DELETE FROM change_journal WHERE record_type = ? AND record_id = ? AND status <> 'PENDING'", type.wire(), id);
        ctx.execute("DELETE FROM sync_merge_log WHERE record_type = ? AND record_id = ?", type.wire(), id);
        ctx.execute("DELETE FROM draft WHERE instr(k, ?) > 0", id);
    }

    /** After a purge, the search indexes are rewritten so that no token of a removed row stays in them. */
    private static void compactSearch(DSLContext ctx) {
        ctx.execute("INSERT INTO person_fts(person_fts) VALUES ('optimize')");
        ctx.execute("INSERT INTO household_fts(household_fts) VALUES ('optimize')");
    }

    private static String columnOf(String wire) {
        return new fr.carnet.domain.FieldSpec(wire, fr.carnet.domain.FieldKind.TEXT, false, null, null, false).column();
    }

    /** Whether a record or anything under it has unpushed changes. */
    private boolean pendingUnder(DSLContext ctx, RecordType type, String id) {
        if (ctx.fetchExists(ctx.selectOne().from("change_journal").where("record_type = ? AND record_id = ? AND status = 'PENDING'", type.wire(), id)))
            return true;
        for (RecordType child : RecordType.values()) {
            if (child.parentType() != type) continue;
            for (Record r : ctx.fetch("SELECT id FROM " + child.table() + " WHERE " + columnOf(child.parentField()) + " = ?", id))
                if (pendingUnder(ctx, child, r.get(0, String.class))) return true;
        }
        return false;
    }

    // ---- pull ----

    /** Changes applied in one local transaction at most, when pages arrive faster than they are applied. */
    private static final int APPLY_CHUNK = 5000;
    /**
     * From this many changes in one local transaction, the search indexes are rebuilt once at the
     * end of the pull rather than row by row (fr.carnet.store.SearchIndex).
     */
    private static final int DEFER_SEARCH_AT = 2000;
    /** Pages fetched ahead of the one being applied. */
    private static final int FETCH_AHEAD = 4;

    /** Pulls until the server has nothing more; returns whether any page changed the cursor or brought changes. */
    private boolean pullAll(Tally t, SyncProgress progress) throws IOException {
        int evictRetries = 0;
        boolean searchDeferred = false;
        boolean fromScratch = store.read(ctx -> meta(ctx, "sync.cursor")) == null;
        if (!fromScratch && store.read(fr.carnet.store.SearchIndex::isDeferred)) {
            // an earlier rebuild failed or was cut short: do it before anything else
            store.write(ctx -> {
                fr.carnet.store.SearchIndex.finishDeferred(ctx);
                return null;
            });
        }
        boolean changed = false;
        PageFetcher fetcher = null;
        try {
            for (int rounds = 0; rounds < 1_000_000; rounds++) {
                String cursor = store.read(ctx -> meta(ctx, "sync.cursor"));
                if (fetcher == null || fetcher.exhausted() || !java.util.Objects.equals(fetcher.from(), cursor)) {
                    if (fetcher != null) fetcher.cancel();
                    fetcher = new PageFetcher(cursor);
                }
                WireResponse r = fetcher.take();
                if (r.status() == 410) {
                    fetcher.cancel();
                    fetcher = null;
                    reset();
                    fromScratch = true;
                    continue;
                }
                if (r.status() != 200) throw failure(r);
                JsonNode page = fetcher.body(r);
                fault("pull.afterResponse");
                // An evicted record with unpushed changes: push them first, then take the page again.
                if (mustPushFirst(page)) {
                    if (++evictRetries > 3) throw new SyncException("sync.error.protocol", null, "evict");
                    fetcher.cancel();
                    fetcher = null;
                    pushAll(t, progress);
                    continue;
                }
                // Pages that have already arrived go into the same local transaction (a first sync
                // of a large caseload then commits every few thousand records, not every page).
                List<JsonNode> pages = new ArrayList<>();
                pages.add(page);
                int changes = page.path("changes").size();
                while (changes < APPLY_CHUNK && pages.getLast().path("hasMore").asBoolean()) {
                    WireResponse more = fetcher.poll();
                    if (more == null) break;
                    if (more.status() != 200) {
                        fetcher.pushBack(more);
                        break;
                    }
                    JsonNode p = fetcher.body(more);
                    if (mustPushFirst(p)) {
                        fetcher.pushBack(more);
                        break;
                    }
                    pages.add(p);
                    changes += p.path("changes").size();
                }
                JsonNode last = pages.getLast();
                // nothing new (the idle sync): no local transaction at all
                boolean unchanged = changes == 0 && last.path("cursor").asText().equals(cursor);
                // A pulled page can be fetched again if a power cut undoes its commit (its cursor
                // goes back with it): it commits without waiting for the disk (Store.writeReplayable).
                // a caseload arriving whole (first sync, reset), more than a page: index once at the end
                boolean defer = fromScratch && (changes >= DEFER_SEARCH_AT || last.path("hasMore").asBoolean());
                searchDeferred |= defer;
                if (!unchanged) conflictsStale = true;
                int n;
                try {
                    n = unchanged ? 0 : store.writeReplayable(ctx -> {
                        if (defer) fr.carnet.store.SearchIndex.defer(ctx);
                        int k = 0;
                        for (JsonNode p : pages) k += applyPage(ctx, p);
                        // the cursor is the last thing written: the pages and the cursor commit together
                        setMeta(ctx, "sync.cursor", last.path("cursor").asText());
                        return k;
                    });
                } catch (PendingUnderEvict e) {
                    // a change was saved on an evicted record since the check above: nothing of
                    // these pages was written; push it first, then take them again
                    if (++evictRetries > 3) throw new SyncException("sync.error.protocol", null, "evict");
                    fetcher.cancel();
                    fetcher = null;
                    pushAll(t, progress);
                    continue;
                }
                fetcher.advanced(last.path("cursor").asText());
                changed |= !unchanged;
                t.received += n;
                fault("pull.afterCommit");
                progress.progress("sync.phase.pull", t.sent, t.received);
                if (!last.path("hasMore").asBoolean()) return changed;
            }
            return changed;
        } finally {
            if (fetcher != null) fetcher.cancel();
            if (searchDeferred) {
                // rows from this pull (or one cut short) are in the tables, not yet in the search indexes
                try {
                    store.write(ctx -> {
                        fr.carnet.store.SearchIndex.finishDeferred(ctx);
                        return null;
                    });
                } catch (RuntimeException e) {
                    // the store is closing: it rebuilds them when next opened
                    LOG.debug("search index rebuild postponed", e);
                }
            }
        }
    }

    /** Rolls back a pull transaction that would remove a record with an unpushed change. */
    private static final class PendingUnderEvict extends RuntimeException {
        PendingUnderEvict() {
            super(null, null, false, false);
        }
    }

    /** True when the page evicts a record that has unpushed changes on this laptop. */
    private boolean mustPushFirst(JsonNode page) {
        return store.read(ctx -> {
            for (JsonNode c : page.path("changes")) {
                if (!c.path("kind").asText().equals("evict")) continue;
                Optional<RecordType> type = RecordType.fromWire(c.path("type").asText());
                if (type.isPresent() && pendingUnder(ctx, type.get(), c.path("id").asText())) return true;
            }
            return false;
        });
    }

    private static Map<String, String> pullQuery(String cursor) {
        Map<String, String> q = new HashMap<>();
        q.put("limit", Integer.toString(PULL_LIMIT));
        if (cursor != null) q.put("cursor", cursor);
        return q;
    }

    /**
     * Pull requests sent ahead, one after the other, from a cursor: while a page is applied the next
     * ones are already on their way. Pulls are GETs: an answer that is not used is simply dropped.
     * The fetcher stops after a page without more, or any answer that is not a page.
     */
    private final class PageFetcher {
        private final String from;
        private String position;
        private final java.util.concurrent.BlockingDeque<Object> ready = new java.util.concurrent.LinkedBlockingDeque<>();
        private final java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(FETCH_AHEAD);
        private final Thread thread;
        private volatile boolean cancelled;
        private final Map<WireResponse, JsonNode> parsed = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        /** The page's JSON, as the fetcher parsed it (parsed again only for an answer put back). */
        JsonNode body(WireResponse r) {
            JsonNode b = parsed.remove(r);
            return b != null ? b : r.jsonBody();
        }

        PageFetcher(String cursor) {
            this.from = cursor;
            this.position = cursor;
            this.thread = Thread.ofVirtual().name("carnet-pull-fetch").start(this::run);
        }

        /** The cursor the fetcher started from, then the one the last applied page stored. */
        String from() {
            return position;
        }

        void advanced(String cursor) {
            position = cursor;
        }

        private void run() {
            String c = from;
            try {
                while (!cancelled) {
                    room.acquire();
                    if (cancelled) return;
                    WireResponse r = client.call("GET", "/api/v1/sync/pull", pullQuery(c), null);
                    if (r.status() != 200) {
                        ready.add(r);
                        return;
                    }
                    // parsed here, on the fetcher's thread, once: the sync's thread takes it as it is
                    JsonNode body = r.jsonBody();
                    parsed.put(r, body);
                    ready.add(r);
                    if (!body.path("hasMore").asBoolean() || !body.path("cursor").isTextual()) return;
                    c = body.path("cursor").asText();
                }
            } catch (InterruptedException e) {
                // cancelled
            } catch (Throwable e) {
                ready.add(e);
            }
        }

        WireResponse take() throws IOException {
            try {
                return unwrap(ready.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("pull interrupted");
            }
        }

        /** The next answer if it has already arrived. */
        WireResponse poll() throws IOException {
            Object o = ready.peek();
            if (o == null || o instanceof Throwable) return null;
            return unwrap(ready.poll());
        }

        void pushBack(WireResponse r) {
            ready.addFirst(r);
            room.tryAcquire();
        }

        /** Stopped, with nothing left to take. */
        boolean exhausted() {
            return !thread.isAlive() && ready.isEmpty();
        }

        private WireResponse unwrap(Object o) throws IOException {
            if (o instanceof WireResponse r) {
                room.release();
                return r;
            }
            Throwable e = (Throwable) o;
            if (e instanceof IOException io) throw io;
            if (e instanceof RuntimeException re) throw re;
            if (e instanceof Error er) throw er;
            throw new IllegalStateException(e);
        }

        void cancel() {
            cancelled = true;
            thread.interrupt();
        }
    }

    /**
     * Applies one pulled page in the caller's transaction. What the page's records already have on
     * this laptop (rows, unpushed changes, shadows) is read with a few set queries; records without
     * unpushed changes are written with batched statements, the others (and evictions) one by one
     * in page order, exactly as before.
     */
    private int applyPage(DSLContext ctx, JsonNode page) {
        JsonNode changes = page.path("changes");
        Map<RecordType, Set<String>> ids = new java.util.EnumMap<>(RecordType.class);
        for (JsonNode c : changes) {
            if (!c.path("kind").asText().equals("upsert")) continue;
            RecordType.fromWire(c.path("record").path("type").asText())
                    .ifPresent(t -> ids.computeIfAbsent(t, k -> new HashSet<>()).add(c.path("record").path("id").asText()));
        }
        Set<String> special = special(ctx, ids);
        Map<RecordType, Map<String, Local>> held = new java.util.EnumMap<>(RecordType.class);
        for (var e : ids.entrySet()) held.put(e.getKey(), locals(ctx, e.getKey(), e.getValue()));
        PageWrites w = new PageWrites();
        boolean stale = false, erased = false;
        int n = 0;
        for (JsonNode c : changes) {
            boolean evict = c.path("kind").asText().equals("evict");
            Optional<RecordType> type = RecordType.fromWire(evict ? c.path("type").asText() : c.path("record").path("type").asText());
            if (type.isEmpty()) continue; // a type this version does not know
            String id = evict ? c.path("id").asText() : c.path("record").path("id").asText();
            if (evict || special.contains(type.get().wire() + ":" + id) || !w.claim(type.get(), id)) {
                w.claimed.add(type.get().wire() + ":" + id);
                w.flush(ctx);
                if (evict) {
                    if (pendingUnder(ctx, type.get(), id)) throw new PendingUnderEvict();
                    boolean purged = c.path("purged").asBoolean(false);
                    remove(ctx, type.get(), id, purged);
                    erased |= purged;
                    stale = true;
                    n++;
                } else if (applyOne(ctx, type.get(), (ObjectNode) c.get("record"))) n++;
                continue;
            }
            ObjectNode rec = (ObjectNode) c.get("record");
            Local local = stale ? local(ctx, type.get(), id) : held.get(type.get()).get(id);
            // never go back to an older state; the same state (equal s, SYNC.md) is already held
            if (local != null && local.s() > s(rec)) continue;
            n++;
            if (local != null && local.s() == s(rec)) continue;
            w.add(type.get(), held(type.get(), rec, local), local != null);
        }
        w.flush(ctx);
        if (erased) compactSearch(ctx);
        return n;
    }

    /** One upsert through the general path (unpushed changes, a shadow, or a second copy in the page). */
    private boolean applyOne(DSLContext ctx, RecordType type, ObjectNode rec) {
        String id = rec.path("id").asText();
        Optional<StoredRecord> local = RecordRepository.find(ctx, type, id);
        List<JournalEntry> pending = pending(ctx, type, id);
        ObjectNode held = serverState(ctx, type, id, local.orElse(null), pending);
        if (held != null && s(held) > s(rec)) return false; // never go back to an older state
        hold(ctx, type, rec, pending, local.orElse(null));
        return true;
    }

    /** What a record without unpushed changes keeps of its local row: the server version held and the local edit time. */
    private record Local(long s, String updatedAt) {}

    private static Map<String, Local> locals(DSLContext ctx, RecordType t, Set<String> ids) {
        Map<String, Local> out = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            List<String> part = all.subList(i, Math.min(all.size(), i + 500));
            fr.carnet.store.Jdbc.forEach(ctx, "SELECT id, vv, updated_at FROM " + t.table() + " WHERE id IN (" + String.join(",", java.util.Collections.nCopies(part.size(), "?")) + ")",
                    part.toArray(), r -> out.put(r.getString(1), new Local(Json.read(r.getString(2)).path(VersionVector.SERVER).asLong(0), r.getString(3))));
        }
        return out;
    }

    private static Local local(DSLContext ctx, RecordType t, String id) {
        return locals(ctx, t, Set.of(id)).get(id);
    }

    /** "type:id" of the page's records that have unpushed changes or a shadow (none on a laptop with nothing pending). */
    private static Set<String> special(DSLContext ctx, Map<RecordType, Set<String>> ids) {
        Set<String> out = shadows(ctx, ids);
        if (ctx.fetchExists(ctx.selectOne().from("change_journal").where("status = 'PENDING'"))) out.addAll(pendingCounts(ctx, ids).keySet());
        return out;
    }

    /** The local row for a server state of a record with no unpushed change (what {@link #hold} writes then). */
    private StoredRecord held(RecordType type, ObjectNode server, Local local) {
        JsonNode conflict = server.get("conflict");
        String conflictId = conflict != null && conflict.isObject() ? conflict.path("id").asText() : null;
        List<String> conflictFields = new ArrayList<>();
        if (conflictId != null) for (JsonNode f : conflict.path("fields")) conflictFields.add(f.asText());
        JsonNode meta = server.path("meta");
        String serverTime = meta.path("serverTime").isTextual() ? meta.get("serverTime").asText() : null;
        return new StoredRecord(type, server.path("id").asText(), (ObjectNode) server.path("vv"), server.path("deleted").asBoolean(),
                conflictId, conflictFields, conflictId != null ? SyncState.CONFLICT : SyncState.SYNCED, (ObjectNode) server.path("fields"),
                meta.path("author").isTextual() ? meta.get("author").asText() : null, serverTime,
                local != null ? local.updatedAt() : serverTime != null ? serverTime : now());
    }

    /** A page's batched writes, by type, flushed parent types first and before any one-by-one step. */
    private static final class PageWrites {
        final Map<RecordType, List<StoredRecord>> inserts = new java.util.EnumMap<>(RecordType.class);
        final Map<RecordType, List<StoredRecord>> updates = new java.util.EnumMap<>(RecordType.class);
        final Set<String> claimed = new HashSet<>();

        /** False when the record was already seen in this page (a second copy goes the general way). */
        boolean claim(RecordType t, String id) {
            return !claimed.contains(t.wire() + ":" + id);
        }

        void add(RecordType t, StoredRecord r, boolean exists) {
            claimed.add(t.wire() + ":" + r.id());
            (exists ? updates : inserts).computeIfAbsent(t, k -> new ArrayList<>()).add(r);
        }

        final Map<RecordType, List<StoredRecord>> envelopes = new java.util.EnumMap<>(RecordType.class);

        void envelope(RecordType t, StoredRecord r) {
            claimed.add(t.wire() + ":" + r.id());
            envelopes.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
        }

        void flush(DSLContext ctx) {
            for (RecordType t : RecordType.parentFirst()) {
                RecordRepository.insertAll(ctx, t, inserts.getOrDefault(t, List.of()));
                RecordRepository.replaceAll(ctx, t, updates.getOrDefault(t, List.of()));
                RecordRepository.replaceEnvelopes(ctx, t, envelopes.getOrDefault(t, List.of()));
            }
            inserts.clear();
            updates.clear();
            envelopes.clear();
        }
    }

    /** The server forgot our cursor's past (410): start over, keeping every unpushed change. */
    private void reset() {
        store.write(ctx -> {
            setMeta(ctx, "sync.cursor", null);
            List<RecordType> order = new ArrayList<>(RecordType.parentFirst());
            java.util.Collections.reverse(order);
            for (RecordType type : order) {
                for (Record r : ctx.fetch("SELECT id FROM " + type.table())) {
                    String id = r.get(0, String.class);
                    if (!pendingUnder(ctx, type, id)) remove(ctx, type, id);
                }
            }
            return null;
        });
    }

    // ---- conflicts ----

    private int refreshConflicts() throws IOException {
        WireResponse r = client.call("GET", "/api/v1/conflicts", Map.of(), null);
        if (r.status() != 200) throw failure(r);
        conflictsStale = false;
        JsonNode list = r.jsonBody().path("conflicts");
        // the list as it would be stored; when it is what the laptop already holds, nothing is written
        List<String[]> rows = store.read(ctx -> {
            List<String[]> out = new ArrayList<>();
            for (JsonNode c : list) {
                Optional<RecordType> type = RecordType.fromWire(c.path("type").asText());
                if (type.isEmpty() || !RecordRepository.exists(ctx, type.get(), c.path("recordId").asText())) continue;
                out.add(new String[] {c.path("id").asText(), type.get().wire(), c.path("recordId").asText(), Json.write(c)});
            }
            return out;
        });
        boolean same = store.read(ctx -> {
            List<String[]> held = new ArrayList<>();
            for (Record x : ctx.fetch("SELECT id, record_type, record_id, body FROM sync_conflict ORDER BY rowid"))
                held.add(new String[] {x.get(0, String.class), x.get(1, String.class), x.get(2, String.class), x.get(3, String.class)});
            if (held.size() != rows.size()) return false;
            for (int i = 0; i < held.size(); i++) if (!java.util.Arrays.equals(held.get(i), rows.get(i))) return false;
            return true;
        });
        if (same) return rows.size();
        return store.write(ctx -> {
            ctx.execute("DELETE FROM sync_conflict");
            int n = 0;
            for (JsonNode c : list) {
                Optional<RecordType> type = RecordType.fromWire(c.path("type").asText());
                if (type.isEmpty() || !RecordRepository.exists(ctx, type.get(), c.path("recordId").asText())) continue;
                ctx.execute("INSERT INTO sync_conflict (id, record_type, record_id, body) VALUES (?,?,?,?)",
                        c.path("id").asText(), type.get().wire(), c.path("recordId").asText(), Json.write(c));
                n++;
            }
            return n;
        });
    }

    /** The open conflicts on records this laptop holds, as of the last sync. */
    public List<LocalConflict> conflicts() {
        String replica = replica();
        return store.read(ctx -> {
            List<LocalConflict> out = new ArrayList<>();
            for (Record r : ctx.fetch("SELECT body FROM sync_conflict ORDER BY rowid")) out.add(toLocal(ctx, Json.readObject(r.get(0, String.class)), replica));
            return out;
        });
    }

    private LocalConflict toLocal(DSLContext ctx, ObjectNode c, String replica) {
        List<String> fields = new ArrayList<>();
        for (JsonNode f : c.path("fields")) fields.add(f.asText());
        List<LocalConflict.Side> proposals = new ArrayList<>();
        for (JsonNode p : c.path("proposals"))
            proposals.add(new LocalConflict.Side((ObjectNode) p.path("values"), text(p, "author"), text(p, "replica"), text(p, "serverTime")));
        JsonNode cm = c.path("currentMeta");
        LocalConflict.Side current = new LocalConflict.Side((ObjectNode) c.path("current"), text(cm, "author"), text(cm, "replica"), text(cm, "serverTime"));
        LocalConflict.Side mine = null, theirs;
        for (LocalConflict.Side p : proposals) if (replica != null && replica.equals(p.replica())) mine = p;
        if (mine != null) theirs = current;
        else if (replica != null && replica.equals(current.replica()) && !proposals.isEmpty()) {
            mine = current;
            theirs = proposals.get(proposals.size() - 1);
        } else {
            mine = current;
            theirs = proposals.isEmpty() ? current : proposals.get(proposals.size() - 1);
        }
        boolean deleteConflict = RecordType.fromWire(c.path("type").asText())
                .flatMap(t -> RecordRepository.find(ctx, t, c.path("recordId").asText())).map(StoredRecord::deleted).orElse(false);
        return new LocalConflict(c.path("id").asText(), c.path("type").asText(), c.path("recordId").asText(), fields,
                (ObjectNode) c.path("base"), mine, theirs, proposals, deleteConflict);
    }

    private static String text(JsonNode n, String f) {
        return n.path(f).isTextual() ? n.get(f).asText() : null;
    }

    /** Resolves a conflict by keeping this laptop's side. */
    public void keepMine(String conflictId) {
        LocalConflict c = find(conflictId);
        resolve(conflictId, c.mine().values());
    }

    /** Resolves a conflict by keeping the other side. */
    public void keepTheirs(String conflictId) {
        LocalConflict c = find(conflictId);
        resolve(conflictId, c.theirs().values());
    }

    private LocalConflict find(String conflictId) {
        return conflicts().stream().filter(c -> c.id().equals(conflictId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such conflict"));
    }

    /**
     * Resolves a conflict with the chosen value of each field in conflict (a combined value is fine).
     * The record shows the chosen values at once; the resolution goes to the journal and is pushed
     * at the next sync (a resolution of a deleted record does not bring it back).
     */
    public void resolve(String conflictId, ObjectNode chosen) {
        LocalConflict c = find(conflictId);
        RecordType type = RecordType.fromWire(c.type()).orElseThrow();
        String actor = store.read(ctx -> meta(ctx, "sync.workerId"));
        store.write(ctx -> {
            StoredRecord cur = RecordRepository.find(ctx, type, c.recordId()).orElseThrow(() -> new IllegalArgumentException("record not held"));
            ObjectNode patch = Json.object(), next = cur.fields().deepCopy();
            for (String f : c.fields()) {
                if (type.field(f).isEmpty() && !chosen.has(f)) continue;
                JsonNode nv = chosen.has(f) ? chosen.get(f) : cur.fields().get(f);
                ObjectNode ch = patch.putObject(f);
                ch.set("old", Values.get(cur.fields(), f));
                ch.set("new", nv == null ? NullNode.getInstance() : nv);
                Values.put(next, f, nv);
            }
            String now = now();
            RecordRepository.replace(ctx, new StoredRecord(type, cur.id(), cur.vv(), cur.deleted(), cur.conflictId(), cur.conflictFields(),
                    SyncState.PENDING, next, cur.authorId(), cur.serverTime(), now));
            ChangeJournal.append(ctx, type, cur.id(), "resolve", cur.vv(), patch, conflictId, actor, now);
            ctx.execute("DELETE FROM sync_conflict WHERE id = ?", conflictId);
            return null;
        });
    }

    /** Fields merged automatically from other workers' changes, newest first (for the sync log). */
    public List<SyncResult.MergeNote> merges(int limit) {
        return store.read(ctx -> {
            List<SyncResult.MergeNote> out = new ArrayList<>();
            for (Record r : ctx.fetch("SELECT record_type, record_id, fields, author, server_time FROM sync_merge_log ORDER BY id DESC LIMIT ?", limit)) {
                List<String> fs = new ArrayList<>();
                for (JsonNode f : Json.read(r.get(2, String.class))) fs.add(f.asText());
                out.add(new SyncResult.MergeNote(r.get(0, String.class), r.get(1, String.class), fs, r.get(3, String.class), r.get(4, String.class)));
            }
            return out;
        });
    }

    /** Changes refused by the server, with their reasons (the journal keeps them). */
    public List<SyncResult.Rejection> rejections() {
        return store.read(ctx -> {
            List<SyncResult.Rejection> out = new ArrayList<>();
            for (JournalEntry e : ChangeJournal.all(ctx)) {
                if (!"REJECTED".equals(e.status())) continue;
                out.add(new SyncResult.Rejection(e.seq(), e.type().wire(), e.recordId(), e.op(), Json.readObject(e.result()).path("reason").asText("invalid")));
            }
            return out;
        });
    }

    /** Number of local changes not yet pushed. */
    public int pendingCount() {
        return store.read(ChangeJournal::pendingCount);
    }

    private String now() {
        return OffsetDateTime.now(store.clock()).truncatedTo(ChronoUnit.MILLIS).toString();
    }

}
