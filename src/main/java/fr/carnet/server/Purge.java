package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.sync.VersionVector;
import fr.carnet.util.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * RGPD erasure on the server: the purge of a household (and everything under it) or of one person
 * (and their measurements and screenings), and retention (closed household files inactive for N
 * years are purged).
 * <p>
 * A purged record keeps only its type and id in {@code srv_tombstone} (with the household it was
 * under and the purge's position in the server sequence). Its row, every stored version, its
 * conflicts and their proposals are deleted; stored push results that held it are replaced by a
 * content-free {@code rejected}/{@code forbidden}; its audit entries keep who, when and what id but
 * lose their detail. A person is taken out of {@code personIds} lists by a server-authored,
 * versioned update of those records, so laptops receive it like any change.
 * <p>
 * Every worker who holds or may hold the household (its sector's workers, its referents, whoever
 * had it granted or evicted, whoever pushed to it) gets a {@code purge} event at the purge's
 * position: their next pull carries an {@code evict} for each purged record. A later push to a
 * purged id is {@code rejected} with {@code forbidden}; a purged record never comes back.
 */
public final class Purge {
    /** Audit trail entries written by the server itself use this replica name. */
    static final String SERVER_REPLICA = "server";
    private static final Set<String> LIST_FIELDS = Set.of("personIds");

    private final SyncApi api;

    public Purge(SyncApi api) {
        this.api = api;
    }

    /** What one purge erased. */
    public record Result(String type, String id, int records, long pos) {}

    /** A household file that retention would purge, with its last activity on the server. */
    public record Candidate(String householdId, String lastActivity) {}

    /** A purge asked for an id the server does not hold as that type. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String what) {
            super(what);
        }
    }

    /** Whether an id was purged. */
    static boolean purged(DSLContext ctx, String id) {
        return Sql.exists(ctx, "SELECT 1 FROM srv_tombstone WHERE id = ?", id);
    }

    /** Purges a household and every record under it. {@code by} is the worker id written to the audit trail. */
    public Result household(String householdId, String reason, String by) {
        return api.db().tx(ctx -> household(ctx, householdId, reason, by));
    }

    /** Purges a person, their measurements and screenings, and takes them out of contacts' and plans' person lists. */
    public Result person(String personId, String reason, String by) {
        return api.db().tx(ctx -> {
            lockSequence(ctx);
            ServerRecord p = ServerRecord.load(ctx, personId);
            if (p == null || p.type() != RecordType.PERSON) throw new NotFound(purged(ctx, personId) ? "already purged" : "no such person");
            String hid = p.householdId();
            String now = api.now();
            // first the versioned updates that drop the person from lists, then the purge
            for (Record r : ctx.fetch("SELECT " + ServerRecord.COLUMNS + " FROM srv_record WHERE household_id = ? AND type IN ('contact', 'plan')", hid)) {
                ServerRecord rec = ServerRecord.of(r);
                ObjectNode fields = rec.fields().deepCopy();
                boolean changed = false;
                for (String f : LIST_FIELDS) {
                    JsonNode list = fields.get(f);
                    if (list == null || !list.isArray()) continue;
                    ArrayNode kept = Json.MAPPER.createArrayNode();
                    for (JsonNode n : list) if (!n.asText().equals(personId)) kept.add(n);
                    if (kept.size() != list.size()) {
                        fields.set(f, kept);
                        changed = true;
                    }
                }
                if (!changed) continue;
                long sv = SyncApi.next(ctx, "seq");
                rec.with(sv, VersionVector.empty().with(VersionVector.SERVER, sv), rec.deleted(), rec.conflictId(), rec.conflictFields(),
                        fields, by, null, now).save(ctx, false, 0);
            }
            List<String[]> gone = new ArrayList<>();
            gone.add(new String[] {personId, RecordType.PERSON.wire()});
            collectChildren(ctx, personId, gone);
            Set<String> holders = holders(ctx, hid, true);
            long pos = SyncApi.next(ctx, "seq");
            erase(ctx, gone, hid, pos, now);
            for (String w : holders) event(ctx, w, hid, pos);
            audit(ctx, by, pos, now, RecordType.PERSON, personId, reason);
            return new Result(RecordType.PERSON.wire(), personId, gone.size(), pos);
        });
    }

    private Result household(DSLContext ctx, String householdId, String reason, String by) {
        lockSequence(ctx);
        ServerRecord h = ServerRecord.load(ctx, householdId);
        if (h == null || h.type() != RecordType.HOUSEHOLD) throw new NotFound(purged(ctx, householdId) ? "already purged" : "no such household");
        String now = api.now();
        List<String[]> gone = new ArrayList<>();
        for (Record r : ctx.fetch("SELECT id, type FROM srv_record WHERE household_id = ?", householdId))
            gone.add(new String[] {r.get(0, String.class), r.get(1, String.class)});
        Set<String> holders = holders(ctx, householdId, true);
        long pos = SyncApi.next(ctx, "seq");
        erase(ctx, gone, householdId, pos, now);
        ctx.execute("DELETE FROM srv_referent WHERE household_id = ?", householdId);
        ctx.execute("DELETE FROM srv_household WHERE id = ?", householdId);
        // earlier grants and evicts would now send nothing: every worker they named gets the purge instead
        ctx.execute("DELETE FROM srv_scope_event WHERE household_id = ?", householdId);
        for (String w : holders) event(ctx, w, householdId, pos);
        audit(ctx, by, pos, now, RecordType.HOUSEHOLD, householdId, reason);
        return new Result(RecordType.HOUSEHOLD.wire(), householdId, gone.size(), pos);
    }

    /** Takes the sequence row first, as a push does: commit order stays sequence order. */
    private static void lockSequence(DSLContext ctx) {
        ctx.execute("UPDATE srv_counter SET value = value WHERE name = 'seq'");
    }

    private static void collectChildren(DSLContext ctx, String parentId, List<String[]> into) {
        for (Record r : ctx.fetch("SELECT id, type FROM srv_record WHERE parent_id = ?", parentId)) {
            String id = r.get(0, String.class);
            into.add(new String[] {id, r.get(1, String.class)});
            collectChildren(ctx, id, into);
        }
    }

    /**
     * Everyone who holds or may hold the household on a laptop: the workers of its sector, its
     * referents, every worker it was granted to or evicted from, and every worker who pushed to it.
     */
    private static Set<String> holders(DSLContext ctx, String householdId, boolean withPushers) {
        Set<String> out = new LinkedHashSet<>();
        for (Record r : ctx.fetch("SELECT ws.worker_id FROM srv_worker_sector ws JOIN srv_household h ON h.sector_id = ws.sector_id WHERE h.id = ?"
                + " UNION SELECT worker_id FROM srv_referent WHERE household_id = ?"
                + " UNION SELECT worker_id FROM srv_scope_event WHERE household_id = ?", householdId, householdId, householdId))
            out.add(r.get(0, String.class));
        if (withPushers) {
            for (Record r : ctx.fetch("SELECT DISTINCT rp.worker_id FROM srv_record rec JOIN srv_mutation m ON m.record_id = rec.id "
                    + "JOIN srv_replica rp ON rp.replica = m.replica WHERE rec.household_id = ?", householdId))
                out.add(r.get(0, String.class));
        }
        return out;
    }

    /** Erases the records' content everywhere on the server and leaves their tombstones. */
    private static void erase(DSLContext ctx, List<String[]> records, String householdId, long pos, String now) {
        String forgotten = "{\"status\":\"rejected\",\"reason\":\"forbidden\"}";
        for (String[] r : records) {
            String id = r[0];
            ctx.execute("INSERT INTO srv_tombstone (id, type, household_id, pos, purged_at) VALUES (?,?,?,?,?)", id, r[1], householdId, pos, now);
            for (Record c : ctx.fetch("SELECT id FROM srv_conflict WHERE household_id = ? AND record_id = ?", householdId, id)) {
                ctx.execute("DELETE FROM srv_proposal WHERE conflict_id = ?", c.get(0, String.class));
                ctx.execute("DELETE FROM srv_conflict WHERE id = ?", c.get(0, String.class));
            }
            ctx.execute("DELETE FROM srv_version WHERE record_id = ?", id);
            ctx.execute("UPDATE srv_mutation SET status = 'rejected', result = ? WHERE record_id = ?", forgotten, id);
            ctx.execute("UPDATE srv_audit SET detail = NULL WHERE record_id = ?", id);
            ctx.execute("DELETE FROM srv_record WHERE id = ?", id);
        }
    }

    private static void event(DSLContext ctx, String worker, String householdId, long pos) {
        ctx.execute("INSERT INTO srv_scope_event (worker_id, household_id, pos, kind) VALUES (?,?,?,'purge')", worker, householdId, pos);
    }

    /** The purge in the server's audit trail: who, when, which record; the reason is the administrator's, never case content. */
    private static void audit(DSLContext ctx, String by, long pos, String now, RecordType type, String id, String reason) {
        String detail = reason == null ? null : reason.length() > 200 ? reason.substring(0, 200) : reason;
        ctx.execute("INSERT INTO srv_audit (replica, local_seq, worker_id, device_time, server_time, action, record_type, record_id, detail) "
                + "VALUES (?,?,?,?,?,'PURGE',?,?,?)", SERVER_REPLICA, pos, by == null ? "server-admin" : by, now, now, type.wire(), id, detail);
    }

    /** The evicts a {@code purge} event at {@code pos} sends: the household's tombstones of that purge, children first. */
    static List<String[]> evicted(DSLContext ctx, String householdId, long pos, boolean smsOnly) {
        List<String[]> out = new ArrayList<>();
        for (Record r : ctx.fetch("SELECT type, id FROM srv_tombstone WHERE household_id = ? AND pos = ?", householdId, pos)) {
            String type = r.get(0, String.class);
            if (smsOnly && !Set.of("household", "person", "contact", "visit").contains(type)) continue;
            out.add(new String[] {type, r.get(1, String.class)});
        }
        List<RecordType> order = RecordType.parentFirst();
        out.sort(Comparator.comparingInt((String[] t) -> -order.indexOf(RecordType.fromWire(t[0]).orElseThrow())).thenComparing(t -> t[1]));
        return out;
    }

    // ---- retention ----

    /** The retention setting in years (5 unless changed). */
    public int retentionYears() {
        return api.db().tx(ctx -> (int) SyncApi.counter(ctx, "retention_years"));
    }

    public void retentionYears(int years) {
        if (years < 1 || years > 100) throw new IllegalArgumentException("retention is 1..100 years");
        api.db().tx(ctx -> ctx.execute("UPDATE srv_counter SET value = ? WHERE name = 'retention_years'", years));
    }

    /**
     * Household files that retention purges: no plan (PIA) still open (every plan not deleted is
     * CLOSED, or there is none) and no change on the server for {@code years} years.
     */
    public List<Candidate> retentionCandidates(int years) {
        Instant cutoff = api.config().clock().instant().atZone(ZoneOffset.UTC).minusYears(years).toInstant();
        return api.db().tx(ctx -> {
            Map<String, String> last = new HashMap<>();
            for (Record r : ctx.fetch("SELECT household_id, MAX(server_time) FROM srv_record GROUP BY household_id"))
                last.put(r.get(0, String.class), r.get(1, String.class));
            Set<String> open = new java.util.HashSet<>();
            for (Record r : ctx.fetch("SELECT household_id, fields FROM srv_record WHERE type = 'plan' AND deleted = 0")) {
                String status = Json.read(r.get(1, String.class)).path("status").asText("");
                if (!status.equals("CLOSED")) open.add(r.get(0, String.class));
            }
            List<Candidate> out = new ArrayList<>();
            for (Record r : ctx.fetch("SELECT id FROM srv_record WHERE type = 'household' ORDER BY id")) {
                String h = r.get(0, String.class);
                if (open.contains(h)) continue;
                String at = last.get(h);
                Instant when;
                try {
                    when = Instant.parse(at);
                } catch (DateTimeParseException | NullPointerException e) {
                    continue; // an unreadable time: never purged by retention
                }
                if (when.isBefore(cutoff)) out.add(new Candidate(h, at));
            }
            return out;
        });
    }

    /** Purges every retention candidate, each in its own transaction. */
    public List<Result> retention(int years, String by) {
        List<Result> out = new ArrayList<>();
        for (Candidate c : retentionCandidates(years)) {
            try {
                out.add(household(c.householdId(), "retention " + years + " years", by));
            } catch (NotFound e) {
                // purged meanwhile
            }
        }
        return out;
    }
}
