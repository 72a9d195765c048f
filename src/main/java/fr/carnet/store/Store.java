package fr.carnet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.mc.SQLiteMCSqlCipherConfig;

/**
 * The laptop's local store: one SQLite file encrypted with SQLCipher v4 (SQLite3MultipleCiphers),
 * in WAL mode, migrated by Flyway. All writes go through one writer thread, each in one
 * transaction; reads run on pooled connections beside it.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    /** The shortest passphrase a worker may choose. */
    public static final int MIN_PASSPHRASE = 10;
    private static final int MAX_IDLE_READERS = 4;

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path file;
    private final byte[] key;
    private final Clock clock;
    private final ExecutorService writer;
    private volatile Thread writerThread;
    private final Connection writeConnection;
    private final Queue<Connection> idleReaders = new ConcurrentLinkedQueue<>();
    private final Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false);
    private volatile boolean closed;

    private Store(Path file, byte[] key, Clock clock) throws SQLException {
        this.file = file;
        this.key = key;
        this.clock = clock;
        this.writeConnection = connect();
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "carnet-store-writer");
            t.setDaemon(true);
            writerThread = t;
            return t;
        });
    }

    /** Creates a new store protected by this passphrase; fails if one exists at {@code file}. */
    public static Store create(Path file, char[] passphrase) {
        return create(file, passphrase, Clock.systemDefaultZone());
    }

    public static Store create(Path file, char[] passphrase, Clock clock) {
        if (passphrase.length < MIN_PASSPHRASE) throw new StoreException("store.error.passphraseTooShort", MIN_PASSPHRASE);
        if (Files.exists(file)) throw new StoreException("store.error.exists");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            KeyParams params = KeyParams.tuned();
            params.write(KeyParams.fileFor(file));
            Store s = new Store(file, params.derive(passphrase), clock);
            s.migrate();
            LOG.info("Created store ({})", params);
            return s;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not create the store", e);
        }
    }

    /**
     * Tests only (the sync simulation creates thousands of stores): creates a store with fixed,
     * cheap key parameters instead of tuned ones. Package-private; reached through the test
     * helper fr.carnet.store.TestStores. Never used by the application.
     */
    static Store createWithParams(Path file, char[] passphrase, KeyParams params, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            params.write(KeyParams.fileFor(file));
            Store s = new Store(file, params.derive(passphrase), clock);
            s.migrate();
            return s;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not create the store", e);
        }
    }

    /** Opens an existing store; a wrong passphrase or a foreign file fails cleanly, leaving the file untouched. */
    public static Store open(Path file, char[] passphrase) {
        return open(file, passphrase, Clock.systemDefaultZone());
    }

    public static Store open(Path file, char[] passphrase, Clock clock) {
        fr.carnet.platform.StartupTrace.mark("Store.open");
        if (!Files.isRegularFile(file)) throw new StoreException("store.error.missing");
        Path keyFile = KeyParams.fileFor(file);
        if (!Files.isRegularFile(keyFile)) throw new StoreException("store.error.notAStore");
        KeyParams params = KeyParams.read(keyFile);
        // The derivation keeps one core busy for a while (by design); the other loads what opening
        // and the first reads need meanwhile, which a cold JVM would otherwise do after it.
        // (the desk started it already when it showed the unlock screen)
        StoreWarmup.start();
        fr.carnet.platform.StartupTrace.mark("key derivation");
        byte[] key = params.derive(passphrase);
        fr.carnet.platform.StartupTrace.mark("key derived");
        // Check the key on a read-only connection first: nothing is written to a file we cannot read.
        if (!keyOpens(file, key)) throw new StoreException("store.error.wrongPassphrase");
        try {
            Store s = new Store(file, key, clock);
            s.migrate();
            // a pull cut short while the search indexes were suspended: rebuild them now (if that
            // fails, the mark stays and the next pull tries again; the store still opens)
            try {
                if (s.searchDeferred()) s.write(ctx -> {
                    SearchIndex.finishDeferred(ctx);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Search index rebuild postponed ({})", e.getClass().getSimpleName());
            }
            fr.carnet.platform.StartupTrace.mark("store open");
            return s;
        } catch (SQLException e) {
            throw new StoreException("store.error.wrongPassphrase", e);
        }
    }

    /** Whether a store file exists at this path. */
    public static boolean exists(Path file) {
        return Files.isRegularFile(file) && Files.isRegularFile(KeyParams.fileFor(file));
    }

    private static boolean keyOpens(Path file, byte[] key) {
        org.sqlite.mc.SQLiteMCConfig cfg = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(key).build();
        cfg.setReadOnly(true);
        try (Connection c = cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.executeQuery("SELECT count(*) FROM sqlite_master").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection connect() throws SQLException {
        Connection c = SQLiteMCSqlCipherConfig.getV4Defaults().withRawUnsaltedKey(key).build()
                .createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            // FULL: a save that returned is on disk, even through a power cut.
            st.execute("PRAGMA synchronous=FULL");
            st.execute("PRAGMA busy_timeout=10000");
            st.execute("PRAGMA foreign_keys=OFF");
            st.execute("PRAGMA cache_size=-32768");
        }
        return c;
    }

    /** Whether a pull left the search indexes suspended (plain JDBC: opening must not wait for jOOQ to load). */
    private boolean searchDeferred() {
        try (Statement st = writeConnection.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT 1 FROM store_meta WHERE k = '" + SearchIndex.DEFERRED + "'")) {
            return rs.next();
        } catch (SQLException e) {
            return true; // let the rebuild say what is wrong
        }
    }

    private void migrate() throws SQLException {
        if (SchemaVersion.isCurrent(writeConnection)) return;
        DataSource ds = new SingleConnectionDataSource(this::connect);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").loggers("slf4j").load().migrate();
    }

    public Path file() {
        return file;
    }

    public Clock clock() {
        return clock;
    }

    /** Runs {@code work} in one transaction on the writer thread and returns its result. */
    public <T> T write(Function<DSLContext, T> work) {
        if (closed) throw new IllegalStateException("store closed");
        if (Thread.currentThread() == writerThread) return inTransaction(work);
        Future<T> f = writer.submit(() -> inTransaction(work));
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Like {@link #write}, for work that can be fetched again if lost: a page pulled from the server
     * with its cursor. It commits with {@code synchronous=NORMAL} (no fsync of the WAL at this
     * commit): a power cut may undo it, never corrupt the file, and the next FULL commit (any
     * worker's save) makes it durable with itself, since the WAL is written in order. Never use it
     * for anything typed on this laptop.
     */
    public <T> T writeReplayable(Function<DSLContext, T> work) {
        if (closed) throw new IllegalStateException("store closed");
        if (Thread.currentThread() == writerThread) return inTransaction(work);
        return submitRelaxed(work);
    }

    private <T> T submitRelaxed(Function<DSLContext, T> work) {
        Future<T> f = writer.submit(() -> {
            setSynchronous("NORMAL");
            try {
                return inTransaction(work);
            } finally {
                // if FULL cannot be restored, later saves must not run relaxed: the store closes
                try {
                    setSynchronous("FULL");
                } catch (RuntimeException e) {
                    LOG.error("Could not restore synchronous=FULL; closing the store");
                    closed = true;
                    throw e;
                }
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    private void setSynchronous(String level) {
        try (Statement st = writeConnection.createStatement()) {
            st.execute("PRAGMA synchronous=" + level);
        } catch (SQLException e) {
            throw new IllegalStateException("store write failed", e);
        }
    }

    private <T> T inTransaction(Function<DSLContext, T> work) {
        try {
            writeConnection.setAutoCommit(false);
            try {
                T result = work.apply(DSL.using(writeConnection, SQLDialect.SQLITE, settings));
                writeConnection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                writeConnection.rollback();
                throw e;
            } finally {
                writeConnection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("store write failed", e);
        }
    }

    /** Runs {@code work} on a reading connection (readers see the last committed state). */
    public <T> T read(Function<DSLContext, T> work) {
        if (closed) throw new IllegalStateException("store closed");
        if (Thread.currentThread() == writerThread) return work.apply(DSL.using(writeConnection, SQLDialect.SQLITE, settings));
        Connection c = idleReaders.poll();
        try {
            if (c == null) c = connect();
            return work.apply(DSL.using(c, SQLDialect.SQLITE, settings));
        } catch (SQLException e) {
            throw new IllegalStateException("store read failed", e);
        } finally {
            if (c != null) {
                if (!closed && idleReaders.size() < MAX_IDLE_READERS) idleReaders.add(c);
                else closeQuietly(c);
            }
        }
    }

    /**
     * Re-encrypts the store under a new passphrase (new salt); the data is untouched. The new key
     * parameters are written beside the old ones first, so a crash mid-way leaves a store that one
     * of the two passphrases opens.
     */
    public void changePassphrase(char[] newPassphrase) {
        if (newPassphrase.length < MIN_PASSPHRASE) throw new StoreException("store.error.passphraseTooShort", MIN_PASSPHRASE);
        KeyParams params = KeyParams.tuned();
        byte[] newKey = params.derive(newPassphrase);
        Connection c;
        while ((c = idleReaders.poll()) != null) closeQuietly(c);
        Future<Void> f = writer.submit(() -> {
            Path keyFile = KeyParams.fileFor(file);
            Path pending = keyFile.resolveSibling(keyFile.getFileName() + ".new");
            params.write(pending);
            try (Statement st = writeConnection.createStatement()) {
                // SQLite3MultipleCiphers cannot re-key a database in WAL mode.
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                st.execute("PRAGMA journal_mode=DELETE");
                st.execute("PRAGMA rekey = \"x'" + hex(newKey) + "'\"");
                st.execute("PRAGMA journal_mode=WAL");
            }
            java.nio.file.Files.move(pending, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.arraycopy(newKey, 0, key, 0, key.length);
            return null;
        });
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-keying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-key failed", e.getCause());
        }
    }

    /**
     * Whether this passphrase is the one the store is open with (unlocking a locked desk): derives
     * the key with the store's parameters and compares it, in constant time, with the held key.
     * Nothing is written. Slow on purpose (the key derivation): never on the FX thread.
     */
    public boolean verifyPassphrase(char[] passphrase) {
        if (closed) throw new IllegalStateException("store closed");
        byte[] candidate = KeyParams.read(KeyParams.fileFor(file)).derive(passphrase);
        try {
            return java.security.MessageDigest.isEqual(candidate, key);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) s.append(String.format("%02x", x));
        return s.toString();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        writer.shutdown();
        try {
            writer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c;
        while ((c = idleReaders.poll()) != null) closeQuietly(c);
        try (Statement st = writeConnection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.debug("checkpoint on close failed", e);
        }
        closeQuietly(writeConnection);
        Arrays.fill(key, (byte) 0);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("close failed", e);
        }
    }
}
