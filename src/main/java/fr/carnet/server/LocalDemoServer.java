package fr.carnet.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo sync server the desk can start for itself ("try with sample data"): the same server as
 * {@code carnet server --demo}, in-process, on loopback only and a free port, with its own SQLite
 * file (kept between runs, so the demo store's sync state stays valid). The sample data and the
 * demo accounts are loaded once, into a temporary file moved into place when complete.
 */
public final class LocalDemoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDemoServer.class);
    public static final String HOST = "127.0.0.1";
    /** Every demo account's password (SYNC.md "Demo server"); refused by a server started without --demo. */
    public static final String PASSWORD = "demo";
    /** The demo accounts of SYNC.md, in the order the desk lists them. */
    public static final List<String> ACCOUNTS = List.of("as.martin", "as.bernard", "sms.garcia", "cesf.petit", "pue.robert", "chef.leroy", "admin");

    private final ServerDb db;
    private final SyncServer server;
    private final int port;

    private LocalDemoServer(ServerDb db, SyncServer server, int port) {
        this.db = db;
        this.server = server;
        this.port = port;
    }

    /** Starts with the standard settings (password hashing as in production). */
    public static LocalDemoServer start(Path dbFile, Path sampleDir) {
        return start(dbFile, sampleDir, ServerConfig.defaults());
    }

    /**
     * Opens (or first creates, from {@code sampleDir}) the demo database at {@code dbFile} and
     * starts listening on a free loopback port. Blocks for a few seconds the first time.
     */
    public static LocalDemoServer start(Path dbFile, Path sampleDir, ServerConfig config) {
        try {
            Files.createDirectories(dbFile.toAbsolutePath().getParent());
            if (!Files.isRegularFile(dbFile)) create(dbFile, sampleDir, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo server database", e);
        }
        ServerDb db = new ServerDb(ServerDb.sqliteUrl(dbFile));
        try {
            SyncServer server = new SyncServer(new SyncApi(db, config), config);
            int port = server.start(HOST, 0);
            LOG.info("Local demo server listening on port {}", port);
            return new LocalDemoServer(db, server, port);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void create(Path dbFile, Path sampleDir, ServerConfig config) throws IOException {
        Path part = dbFile.resolveSibling(dbFile.getFileName() + ".part");
        deleteWithCompanions(part);
        LOG.info("Creating the local demo server database from the sample data");
        try (ServerDb fresh = new ServerDb(ServerDb.sqliteUrl(part))) {
            DemoData.load(new SyncApi(fresh, config), sampleDir);
        } catch (RuntimeException e) {
            deleteWithCompanions(part);
            throw e;
        }
        // Closed: SQLite has folded its write-ahead log into the file; carry it along if not.
        Files.deleteIfExists(Path.of(part + "-shm"));
        Path wal = Path.of(part + "-wal");
        if (Files.exists(wal)) Files.move(wal, Path.of(dbFile + "-wal"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, dbFile, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteWithCompanions(Path f) throws IOException {
        Files.deleteIfExists(f);
        Files.deleteIfExists(Path.of(f + "-wal"));
        Files.deleteIfExists(Path.of(f + "-shm"));
    }

    public int port() {
        return port;
    }

    /** The address the desk syncs with, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://" + HOST + ":" + port;
    }

    ServerDb db() {
        return db;
    }

    /** Stops listening and closes the database. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            db.close();
        }
        LOG.info("Local demo server stopped");
    }
}
