package fr.carnet.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.store.AuditLog;
import fr.carnet.store.Store;
import fr.carnet.util.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Sends the laptop's audit trail (recorded offline) to the server after a sync, in batches, and
 * marks what the server accepted. Entries are kept until the server has them.
 */
public final class AuditUploader {
    static final int BATCH = 1000; // the server's limit per request

    private AuditUploader() {}

    /** Sends every unsent entry; returns how many the server accepted. */
    public static int upload(Store store, SyncClient client) throws IOException {
        int sent = 0;
        while (true) {
            List<AuditLog.Entry> batch = store.read(ctx -> fr.carnet.store.Jdbc.exists(ctx, "SELECT 1 FROM audit_log WHERE sent = 0 LIMIT 1")
                    ? AuditLog.unsent(ctx, BATCH) : List.of());
            if (batch.isEmpty()) return sent;
            if (client.session() == null) client.call("GET", "/api/v1/health", Map.of(), null);
            ObjectNode body = Json.object();
            body.put("replica", client.session().path("replica").asText());
            ArrayNode entries = body.putArray("entries");
            for (AuditLog.Entry e : batch) {
                ObjectNode n = entries.addObject();
                n.put("seq", e.seq());
                n.put("at", e.at());
                n.put("action", e.action().name());
                if (e.recordType() != null) n.put("recordType", e.recordType());
                if (e.recordId() != null) n.put("recordId", e.recordId());
                if (e.detail() != null) n.put("detail", e.detail().length() > 400 ? e.detail().substring(0, 400) : e.detail());
            }
            WireResponse r = client.call("POST", "/api/v1/audit", Map.of(), body);
            if (r.status() != 200) throw new SyncException("sync.error.protocol", null, r.status());
            long through = r.jsonBody().path("acceptedThrough").asLong();
            // the server keeps one entry per (replica, seq): if a power cut undoes this mark, the
            // entries are sent again and recorded once
            store.writeReplayable(ctx -> {
                AuditLog.markSent(ctx, through);
                return null;
            });
            sent += batch.size();
            if (batch.size() < BATCH) return sent;
        }
    }
}
