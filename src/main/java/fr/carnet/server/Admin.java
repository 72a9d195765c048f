package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.RecordValidator;
import fr.carnet.sync.VersionVector;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Administration: the organisation (sectors, workers and passwords), loading records, and
 * assigning a household's sector and referents ({@code POST /api/v1/admin/assignment} with an
 * ADMIN or SUPERVISOR token, body {@code {"householdId", "sectorId", "referentIds"}}), which emits
 * evict and upsert changes to the workers concerned.
 */
public final class Admin {
    private final SyncApi api;

    public Admin(SyncApi api) {
        this.api = api;
    }

    /** Adds or replaces a sector. */
    public void sector(String id, String name, String territoryId) {
        api.db().tx(ctx -> {
            ctx.execute("DELETE FROM srv_sector WHERE id = ?", id);
            ctx.execute("INSERT INTO srv_sector (id, name, territory_id) VALUES (?,?,?)", id, name, territoryId);
            return null;
        });
    }

    /** Adds or replaces a worker with their sectors; a null password leaves them unable to log in. */
    public void worker(String id, String login, String displayName, Role role, Collection<String> sectors, char[] password) {
        Passwords.Hash h = password == null ? null : Passwords.hash(password, api.config().passwordIterations());
        api.db().tx(ctx -> {
            ctx.execute("DELETE FROM srv_worker WHERE id = ?", id);
            ctx.execute("DELETE FROM srv_worker_sector WHERE worker_id = ?", id);
            ctx.execute("INSERT INTO srv_worker (id, login, display_name, role, pw_hash, pw_salt, pw_iterations, active) VALUES (?,?,?,?,?,?,?,1)",
                    id, login, displayName, role.name(), h == null ? null : h.hash(), h == null ? null : h.salt(), h == null ? null : h.iterations());
            for (String s : sectors) ctx.execute("INSERT INTO srv_worker_sector (worker_id, sector_id) VALUES (?,?)", id, s);
            return null;
        });
    }

    /** One record to load, parent first. */
    public record Seed(RecordType type, String id, ObjectNode fields) {}

    /**
     * Loads records as server-authored versions (no replica), parents first, in transactions of
     * {@code batch}; records already held are skipped. Returns how many were loaded.
     */
    public int load(List<Seed> seeds, String authorId) {
        int n = 0;
        for (int i = 0; i < seeds.size(); i += 2000) {
            List<Seed> part = seeds.subList(i, Math.min(seeds.size(), i + 2000));
            n += api.db().tx(ctx -> {
                int k = 0;
                String now = api.now();
                for (Seed s : part) {
                    if (ServerRecord.load(ctx, s.id()) != null) continue;
                    String hid, pid = null;
                    if (s.type() == RecordType.HOUSEHOLD) hid = s.id();
                    else {
                        pid = s.fields().path(s.type().parentField()).asText(null);
                        ServerRecord p = pid == null ? null : ServerRecord.load(ctx, pid);
                        if (p == null) throw new IllegalArgumentException("record " + s.id() + " comes before its parent");
                        hid = p.householdId();
                    }
                    long sv = SyncApi.next(ctx, "seq");
                    ServerRecord rec = new ServerRecord(s.id(), s.type(), hid, pid, sv, VersionVector.empty().with(VersionVector.SERVER, sv),
                            false, null, List.of(), s.fields(), authorId, null, now);
                    rec.save(ctx, true, 0);
                    if (s.type() == RecordType.HOUSEHOLD) Scope.rescope(ctx, rec, null, sv);
                    k++;
                }
                return k;
            });
        }
        return n;
    }

    /** Moves a household to a sector and sets its referents, as a server-authored change. */
    public ObjectNode assign(String householdId, String sectorId, List<String> referentIds, String authorId) {
        return api.db().tx(ctx -> assign(ctx, householdId, sectorId, referentIds, authorId));
    }

    private ObjectNode assign(DSLContext ctx, String householdId, String sectorId, List<String> referentIds, String authorId) {
        ctx.execute("UPDATE srv_counter SET value = value WHERE name = 'seq'");
        ServerRecord cur = ServerRecord.load(ctx, householdId);
        if (cur == null || cur.type() != RecordType.HOUSEHOLD) throw new ApiException(404, "NOT_FOUND", "no such household");
        if (!ctx.fetchExists(ctx.selectOne().from("srv_sector").where("id = ?", sectorId)))
            throw ApiException.bad("INVALID_SECTOR", "no such sector");
        ObjectNode fields = cur.fields().deepCopy();
        fields.put("sectorId", sectorId);
        ArrayNode refs = fields.putArray("referentIds");
        for (String r : referentIds) refs.add(r);
        long sv = SyncApi.next(ctx, "seq");
        ServerRecord rec = cur.with(sv, VersionVector.empty().with(VersionVector.SERVER, sv), cur.deleted(), cur.conflictId(),
                cur.conflictFields(), fields, authorId, null, api.now());
        rec.save(ctx, false, 0);
        Scope.rescope(ctx, rec, cur, sv);
        return rec.toWire(Role.AS);
    }

    WireResponse assignFromRequest(Session s, byte[] body) {
        if (s.role() != Role.ADMIN && s.role() != Role.SUPERVISOR) throw new ApiException(403, "FORBIDDEN", "administrators only");
        JsonNode root = SyncApi.parse(body);
        if (!root.isObject() || !RecordValidator.isUuid(root.get("householdId")) || !root.path("sectorId").isTextual()
                || (root.has("referentIds") && !root.get("referentIds").isArray()))
            throw ApiException.bad("INVALID_ASSIGNMENT", "householdId, sectorId and referentIds are required");
        List<String> refs = SyncApi.list(root.get("referentIds"));
        for (String r : refs) if (!RecordValidator.isUuid(Json.MAPPER.getNodeFactory().textNode(r))) throw ApiException.bad("INVALID_ASSIGNMENT", "bad referent id");
        return api.db().tx(ctx -> {
            if (s.role() == Role.SUPERVISOR) {
                ServerRecord cur = ServerRecord.load(ctx, root.get("householdId").asText());
                if (cur == null || !s.sectors().contains(cur.fields().path("sectorId").asText()) || !s.sectors().contains(root.get("sectorId").asText()))
                    throw new ApiException(403, "FORBIDDEN", "a supervisor of both sectors only");
            }
            ObjectNode rec = assign(ctx, root.get("householdId").asText(), root.get("sectorId").asText(), refs, s.workerId());
            ObjectNode out = Json.object();
            out.set("record", rec);
            return WireResponse.json(200, out);
        });
    }

    /** Moves the retention horizon: pulls with an older cursor get 410. */
    public void horizon(long pos) {
        api.db().tx(ctx -> ctx.execute("UPDATE srv_counter SET value = ? WHERE name = 'horizon'", pos));
    }
}
