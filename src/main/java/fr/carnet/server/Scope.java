package fr.carnet.server;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Who holds what (SYNC.md "Scope"): a worker holds the households of their (or their supervised)
 * sectors and those where they are a referent. Changing a household's sector or referents writes
 * grant and evict events at the change's position in the server sequence.
 */
final class Scope {
    private Scope() {}

    /** SQL condition on a household id column: in scope of worker {@code ?} (two binds: worker, worker). */
    static String inScope(String column) {
        return "(" + column + " IN (SELECT h.id FROM srv_household h JOIN srv_worker_sector ws ON ws.sector_id = h.sector_id WHERE ws.worker_id = ?)"
                + " OR " + column + " IN (SELECT rf.household_id FROM srv_referent rf WHERE rf.worker_id = ?))";
    }

    /**
     * The same condition as {@link #inScope}, as correlated lookups on a row's household id (two
     * binds: worker, worker): each row costs two primary-key probes, so a scan in server order
     * ({@code ORDER BY sv LIMIT n}) stays on the sequence index instead of visiting every household
     * of the worker's scope and sorting.
     */
    static String inScopeRow(String column) {
        return "(EXISTS (SELECT 1 FROM srv_household h JOIN srv_worker_sector ws ON ws.sector_id = h.sector_id WHERE h.id = " + column
                + " AND ws.worker_id = ?) OR EXISTS (SELECT 1 FROM srv_referent rf WHERE rf.household_id = " + column + " AND rf.worker_id = ?))";
    }

    static boolean holds(DSLContext ctx, Session s, String householdId) {
        String sector = Sql.query(ctx, "SELECT sector_id FROM srv_household WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null, householdId);
        if (sector == null) return false;
        if (s.sectors().contains(sector)) return true;
        return Sql.exists(ctx, "SELECT 1 FROM srv_referent WHERE household_id = ? AND worker_id = ?", householdId, s.workerId());
    }

    /** Updates a household's scope keys and writes the grant/evict events its change causes. */
    static void rescope(DSLContext ctx, ServerRecord now, ServerRecord before, long pos) {
        String sector = now.fields().path("sectorId").asText();
        Set<String> refs = new HashSet<>(SyncApi.list(now.fields().get("referentIds")));
        if (before == null) {
            ctx.execute("INSERT INTO srv_household (id, sector_id) VALUES (?, ?)", now.id(), sector);
            for (String w : refs) ctx.execute("INSERT INTO srv_referent (household_id, worker_id) VALUES (?, ?)", now.id(), w);
            return;
        }
        String oldSector = before.fields().path("sectorId").asText();
        Set<String> oldRefs = new HashSet<>(SyncApi.list(before.fields().get("referentIds")));
        if (oldSector.equals(sector) && oldRefs.equals(refs)) return;
        Set<String> was = holders(ctx, oldSector, oldRefs), is = holders(ctx, sector, refs);
        ctx.execute("UPDATE srv_household SET sector_id = ? WHERE id = ?", sector, now.id());
        ctx.execute("DELETE FROM srv_referent WHERE household_id = ?", now.id());
        for (String w : refs) ctx.execute("INSERT INTO srv_referent (household_id, worker_id) VALUES (?, ?)", now.id(), w);
        for (String w : was) if (!is.contains(w)) event(ctx, w, now.id(), pos, "evict");
        for (String w : is) if (!was.contains(w)) event(ctx, w, now.id(), pos, "grant");
    }

    private static void event(DSLContext ctx, String worker, String household, long pos, String kind) {
        ctx.execute("INSERT INTO srv_scope_event (worker_id, household_id, pos, kind) VALUES (?,?,?,?)", worker, household, pos, kind);
    }

    private static Set<String> holders(DSLContext ctx, String sector, Set<String> refs) {
        Set<String> out = new HashSet<>(refs);
        for (Record r : ctx.fetch("SELECT worker_id FROM srv_worker_sector WHERE sector_id = ?", sector)) out.add(r.get(0, String.class));
        return out;
    }

}
