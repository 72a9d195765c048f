package fr.carnet.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The server's database: SQLite (a file, one connection, one transaction at a time) or
 * PostgreSQL (a small pool), the same SQL on both. Migrated by Flyway from {@code db/server}.
 * The pool is fair: requests waiting for a connection get one in the order they asked, so under
 * a crowd the wait is shared out instead of a few requests waiting for seconds. A {@link #tx}
 * inside a {@link #tx} on the same thread joins the outer transaction (one connection, one
 * commit per request).
 */
public final class ServerDb implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerDb.class);
    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final String url;
    private final SQLDialect dialect;
    private final BlockingQueue<Connection> pool;
    /** PostgreSQL: a few more connections, for the work a database lock serialises anyway ({@link #serialTx}). */
    private final BlockingQueue<Connection> serial;
    private final ReentrantLock sqliteLock = new ReentrantLock(true);
    private final Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false);
    private volatile boolean closed;
    /** SQLite: the WAL is copied into the database file by this thread, not by the commit that fills it. */
    private final Checkpointer checkpointer;
    /** {@code -Dcarnet.server.checkpointer=false}: SQLite's own checkpoints, in the commit (measurements). */
    static final boolean CHECKPOINTER = Boolean.parseBoolean(System.getProperty("carnet.server.checkpointer", "true"));
    /** The transaction this thread is in, if any: a nested {@link #tx} joins it. */
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    /**
     * Connections to PostgreSQL: enough to keep the database busy while others wait on the
     * network or the JVM, few enough that they do not fight over the cores (measured with
     * LoadTest on 2 cores: see docs/decisions/0005). {@code -Dcarnet.server.pool=N} overrides.
     */
    static int postgresPoolSize() {
        return Integer.getInteger("carnet.server.pool", Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** Opens (and migrates) the database at a JDBC URL: {@code jdbc:sqlite:…} or {@code jdbc:postgresql:…}. */
    public ServerDb(String url) {
        this.url = url;
        if (url.startsWith("jdbc:sqlite:")) dialect = SQLDialect.SQLITE;
        else if (url.startsWith("jdbc:postgresql:")) dialect = SQLDialect.POSTGRES;
        else throw new IllegalArgumentException("unsupported database URL (jdbc:sqlite: or jdbc:postgresql:)");
        int size = dialect == SQLDialect.SQLITE ? 1 : postgresPoolSize();
        pool = new ArrayBlockingQueue<>(size, FAIR);
        serial = dialect == SQLDialect.SQLITE ? pool : new ArrayBlockingQueue<>(SERIAL, FAIR);
        try {
            Connection first = connect();
            if (!isCurrent(first)) {
                Flyway.configure().dataSource(url, null, null).locations("classpath:db/server")
                        .loggers("slf4j").load().migrate();
            }
            pool.add(first);
            for (int i = 1; i < size; i++) pool.add(connect());
            if (serial != pool) for (int i = 0; i < SERIAL; i++) serial.add(connect());
            checkpointer = dialect == SQLDialect.SQLITE && CHECKPOINTER ? new Checkpointer(connect()) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the server database", e);
        }
    }

    /** The newest script in db/server; a database already there skips Flyway (fast restarts). */
    static final int LATEST = 5;

    private static boolean isCurrent(Connection c) {
        try (Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = "
                     + (c.getMetaData().getURL().startsWith("jdbc:sqlite:") ? "1" : "true"))) {
            return rs.next() && rs.getInt(1) == LATEST;
        } catch (SQLException e) {
            try {
                if (!c.getAutoCommit()) c.rollback();
            } catch (SQLException ignored) {
                // fresh database
            }
            return false;
        }
    }

    /** A SQLite file URL for a path. */
    public static String sqliteUrl(java.nio.file.Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        if (dialect == SQLDialect.SQLITE) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA busy_timeout=10000");
                // 64 MiB of page cache per connection (SQLite's default is 2 MiB): the record, version
                // and mutation indexes of a server with 100k+ records stay in memory
                st.execute("PRAGMA cache_size=-65536");
                // checkpoints are the Checkpointer's work; this threshold (64 MiB of WAL) only bounds
                // the file if that thread could not keep up
                if (CHECKPOINTER) st.execute("PRAGMA wal_autocheckpoint=16384");
            }
        }
        return c;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in one transaction and returns its result; any exception rolls it back. */
    public <T> T tx(Function<DSLContext, T> work) {
        return tx(work, pool);
    }

    /** Connections kept for {@link #serialTx}: one working, the next ones already waiting in the database for its lock. */
    static final int SERIAL = 3;
    static final boolean FAIR = Boolean.parseBoolean(System.getProperty("carnet.server.fairPool", "true"));

    /**
     * {@link #tx} on one of the connections kept for work that a lock in the database serialises
     * anyway (pushes take the sequence row): it does not wait behind the pool's queue while it holds
     * that lock, and what waits for that lock does not keep the pool's connections from other work.
     * Beyond {@link #SERIAL} at once, callers wait here, in order.
     */
    public <T> T serialTx(Function<DSLContext, T> work) {
        return tx(work, serial);
    }

    private <T> T tx(Function<DSLContext, T> work, BlockingQueue<Connection> pool) {
        if (closed) throw new IllegalStateException("database closed");
        DSLContext outer = current.get();
        if (outer != null) return work.apply(outer); // joins the transaction this thread is in
        boolean sqlite = dialect == SQLDialect.SQLITE;
        if (sqlite) sqliteLock.lock();
        Connection c = null;
        try {
            c = pool.poll(30, TimeUnit.SECONDS);
            if (c == null) throw new IllegalStateException("no database connection available");
            c.setAutoCommit(false);
            DSLContext ctx = DSL.using(c, dialect, settings);
            current.set(ctx);
            try {
                T r = work.apply(ctx);
                c.commit();
                return r;
            } catch (RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database failure", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (c != null) {
                try {
                    if (c.isClosed()) {
                        Sql.forget(c);
                        c = connect();
                    }
                } catch (SQLException e) {
                    c = null;
                }
                if (c != null) pool.add(c);
            }
            if (sqlite) sqliteLock.unlock();
        }
    }

    /**
     * Copies committed WAL frames into the SQLite database file every {@link #EVERY_MS} ms on its
     * own connection (a PASSIVE checkpoint: it never blocks a reader or a writer), so that a push's
     * commit only appends to the WAL. Without it SQLite checkpoints inside the commit that crosses
     * 1,000 pages, which a push of 500 new records did every second batch (measured: about a third
     * of the commit's time). Durability is the WAL's either way.
     */
    static final class Checkpointer implements AutoCloseable {
        static final long EVERY_MS = 250;
        /** One thread for the checkpoints of every SQLite server database of this JVM (tests open many). */
        private static final java.util.concurrent.ScheduledExecutorService TIMER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "carnet-server-checkpoint");
                    t.setDaemon(true);
                    return t;
                });
        private final Connection c;
        private final java.util.concurrent.ScheduledFuture<?> task;
        private boolean closed;

        Checkpointer(Connection c) {
            this.c = c;
            task = TIMER.scheduleWithFixedDelay(this::checkpoint, EVERY_MS, EVERY_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private synchronized void checkpoint() {
            if (closed) return;
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                LOG.debug("WAL checkpoint skipped: {}", e.getClass().getSimpleName());
            }
        }

        /** Stops the checkpoints (waiting for one under way) and closes the connection. */
        @Override
        public synchronized void close() {
            closed = true;
            task.cancel(false);
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        if (checkpointer != null) checkpointer.close();
        Connection c;
        while ((c = pool.poll()) != null || (c = serial.poll()) != null) {
            Sql.forget(c);
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
