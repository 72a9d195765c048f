package fr.carnet.ui.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.sync.LocalConflict;
import fr.carnet.sync.SyncProgress;
import fr.carnet.sync.SyncResult;
import java.util.List;

/**
 * What the desk asks of the laptop's sync: the engine behind one server and one signed-in worker.
 * Every method may block (HTTP or the store): callers run them off the FX thread.
 */
public interface SyncGateway {
    SyncResult sync(SyncProgress progress);

    /** A cheap probe ({@code GET /api/v1/health}): whether the server answers at all. */
    boolean reachable();

    List<LocalConflict> conflicts();

    void keepMine(String conflictId);

    void keepTheirs(String conflictId);

    void resolve(String conflictId, ObjectNode chosen);

    List<SyncResult.MergeNote> merges(int limit);

    /** Opens the gateway for a server, a login and a password (kept in memory only, by the client). */
    @FunctionalInterface
    interface Connector {
        SyncGateway connect(String serverUrl, String login, char[] password);
    }
}
