package fr.carnet.store;

import org.jooq.DSLContext;

/**
 * The search indexes (person_fts, household_fts) during large pulls. Row-by-row indexing is the
 * largest cost of writing a pulled record; for a first sync of a whole caseload the indexes are
 * instead rebuilt once from their tables at the end (see V006__deferred_search_index.sql). While
 * deferred, a search may miss records that arrived in the pull; nothing typed is affected.
 */
public final class SearchIndex {
    static final String DEFERRED = "search.deferred";

    private SearchIndex() {}

    /** Suspends row-by-row indexing, in the caller's transaction (with the rows it covers). */
    public static void defer(DSLContext ctx) {
        StoreMeta.put(ctx, DEFERRED, "1");
    }

    public static boolean isDeferred(DSLContext ctx) {
        return StoreMeta.get(ctx, DEFERRED).isPresent();
    }

    /** Rebuilds both indexes from their tables and resumes row-by-row indexing, if it was suspended. */
    public static void finishDeferred(DSLContext ctx) {
        if (!isDeferred(ctx)) return;
        ctx.execute("INSERT INTO person_fts(person_fts) VALUES ('rebuild')");
        ctx.execute("INSERT INTO household_fts(household_fts) VALUES ('delete-all')");
        ctx.execute("INSERT INTO household_fts(rowid, label, city, postcode) "
                + "SELECT rid, label, json_extract(address, '$.city'), json_extract(address, '$.postcode') FROM household");
        StoreMeta.remove(ctx, DEFERRED);
    }
}
