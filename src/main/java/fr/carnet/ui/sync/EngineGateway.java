package fr.carnet.ui.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.store.Store;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.LocalConflict;
import fr.carnet.sync.SyncClient;
import fr.carnet.sync.SyncEngine;
import fr.carnet.sync.SyncProgress;
import fr.carnet.sync.SyncResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The real {@link SyncGateway}: a {@link SyncEngine} over HTTP for this laptop's store. */
public final class EngineGateway implements SyncGateway {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private final SyncEngine engine;
    private final URI server;
    // made on the first reachability probe: the store-only gateway (conflicts) never needs one, and
    // an HttpClient (its selector thread) costs the desk's cold start a fifth of a second
    private HttpClient probe;

    public EngineGateway(Store store, URI server, String login, char[] password, String deviceName) {
        this.server = server;
        this.engine = new SyncEngine(store, new SyncClient(new HttpTransport(server), login, password, deviceName));
    }

    private EngineGateway(Store store) {
        this.server = null;
        this.engine = new SyncEngine(store, null);
    }

    /**
     * The store's side only: conflicts, resolutions and merge notes read and write the laptop's
     * store and need no server, so they work offline and before signing in.
     */
    public static SyncGateway local(Store store) {
        return new EngineGateway(store);
    }

    /** The connector the desk uses: the URL as typed, this computer's name as the device name. */
    public static SyncGateway.Connector connector(Store store) {
        return (url, login, password) -> new EngineGateway(store, URI.create(url.strip()), login.strip(), password, deviceName());
    }

    static String deviceName() {
        String n = System.getenv("COMPUTERNAME");
        if (n == null || n.isBlank()) n = System.getenv("HOSTNAME");
        return n == null || n.isBlank() ? "Carnet" : n;
    }

    @Override
    public SyncResult sync(SyncProgress progress) {
        if (server == null) throw new IllegalStateException("no server");
        return engine.sync(progress);
    }

    @Override
    public boolean reachable() {
        if (server == null) return false;
        String base = server.toString().replaceAll("/$", "");
        try {
            HttpResponse<Void> r = probe().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized HttpClient probe() {
        if (probe == null) probe = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
        return probe;
    }

    @Override
    public List<LocalConflict> conflicts() {
        return engine.conflicts();
    }

    @Override
    public void keepMine(String conflictId) {
        engine.keepMine(conflictId);
    }

    @Override
    public void keepTheirs(String conflictId) {
        engine.keepTheirs(conflictId);
    }

    @Override
    public void resolve(String conflictId, ObjectNode chosen) {
        engine.resolve(conflictId, chosen);
    }

    @Override
    public List<SyncResult.MergeNote> merges(int limit) {
        return engine.merges(limit);
    }
}
