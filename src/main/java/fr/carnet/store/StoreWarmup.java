package fr.carnet.store;

import static fr.carnet.store.generated.Tables.AUDIT_LOG;
import static fr.carnet.store.generated.Tables.STORE_META;
import static fr.carnet.store.generated.Tables.WORKER;

import fr.carnet.util.Json;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * Loads, on a thread of its own, what unlocking and the first screen need in a cold JVM: SQLite's
 * native library, the system's PBKDF2 (NativePbkdf2), jOOQ and the generated schema, Jackson. It
 * runs the store's first queries (the owner's identity, the audit entry of the unlock, a plain-SQL
 * list) for real, on a throw-away SQLite database in memory: no file is touched and no data read.
 * The desk starts it as soon as its unlock screen is up (the worker types meanwhile);
 * {@link Store#open} starts it too, beside the key derivation. Once per JVM; a failure only costs
 * the time it would have saved.
 */
public final class StoreWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWarmup.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private StoreWarmup() {}

    /** Starts the warm-up unless it was started already. */
    public static void start() {
        start(() -> { });
    }

    /** Starts the warm-up, then {@code more} on the same thread (the desk's own classes), unless it was started already. */
    public static void start(Runnable more) {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            run();
            try {
                more.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("warm-up failed", e);
            }
        }, "carnet-store-warmup");
        t.setDaemon(true);
        t.start();
    }

    /** The warm-up itself, on the caller's thread; false if some step failed (logged at debug level). */
    static boolean run() {
        try {
            // the system's PBKDF2: library looked up and the call linked (one iteration, no secret) before the passphrase comes
            NativePbkdf2.derive(new byte[] {'w'}, new byte[16], 1, 32);
            org.sqlite.SQLiteJDBCLoader.initialize();
            SQLiteMCSqlCipherConfig.getV4Defaults().build();
            try (Connection c = new org.sqlite.SQLiteConfig().createConnection("jdbc:sqlite::memory:")) {
                DSLContext ctx = DSL.using(c, SQLDialect.SQLITE, new Settings().withRenderSchema(false).withExecuteLogging(false));
                for (org.jooq.Table<?> t : java.util.List.of(STORE_META, WORKER, AUDIT_LOG)) {
                    var create = ctx.createTable(t).columns(t.fields());
                    if (t.getPrimaryKey() != null) create.constraints(DSL.primaryKey(t.getPrimaryKey().getFieldsArray())).execute();
                    else create.execute();
                }
                StoreMeta.put(ctx, StoreMeta.DEVICE_ID, "warm-up");
                StoreMeta.get(ctx, StoreMeta.OWNER_ID);
                ctx.selectFrom(WORKER).where(WORKER.ID.eq("warm-up")).fetchOne();
                c.setAutoCommit(false);
                AuditLog.record(ctx, OffsetDateTime.now(), "warm-up", AuditLog.Action.UNLOCK, null, null, null);
                c.rollback();
                c.setAutoCommit(true);
                for (org.jooq.Record r : ctx.resultQuery("SELECT 'a' AS id, '{}' AS address, 1 AS persons, NULL AS last_contact WHERE ? = ?", 1, 1).fetch()) {
                    r.get("id", String.class);
                    r.get("persons", Integer.class);
                    r.get("last_contact", String.class);
                    Json.read(r.get("address", String.class));
                }
            }
            RecordRepository.table(fr.carnet.domain.RecordType.HOUSEHOLD);
            Json.write(Json.object().put("warm", "up"));
            Json.read("[\"warm-up\"]");
            fr.carnet.platform.StartupTrace.mark("store warm-up done");
            return true;
        } catch (Exception | LinkageError e) {
            LOG.debug("store warm-up failed", e);
            return false;
        }
    }
}
