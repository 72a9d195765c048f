package fr.carnet.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The laptop's side of the session: logs in with the worker's credentials and this device's id,
 * keeps the bearer token, and logs in again when the server answers 401 (expired token). A
 * {@code 401 REVOKED} is never retried: it throws {@link RevokedException} (security-002).
 */
public final class SyncClient {
    private final Transport transport;
    private final String login;
    private final char[] password;
    private final String deviceName;
    private volatile String token;
    private volatile JsonNode session;
    private volatile String deviceId;

    public SyncClient(Transport transport, String login, char[] password, String deviceName) {
        this.transport = transport;
        this.login = login;
        this.password = password.clone();
        this.deviceName = deviceName;
    }

    /** Logs in for this device; returns the session body ({@code token, worker, replica, serverTime}). */
    public JsonNode login(String deviceId) throws IOException {
        this.deviceId = deviceId;
        ObjectNode b = Json.object();
        b.put("login", login);
        b.put("password", new String(password));
        b.putObject("device").put("id", deviceId).put("name", deviceName);
        WireResponse r = transport.exchange(new WireRequest("POST", "/api/v1/session", Map.of(), Map.of(),
                Json.write(b).getBytes(StandardCharsets.UTF_8), null));
        if (RevokedException.isRevoked(r)) throw RevokedException.from(r);
        if (r.status() == 401) throw new SyncException("sync.error.auth", null);
        if (r.status() == 429) throw new SyncException("sync.error.busy", null, r.header("retry-after"));
        if (r.status() != 200) throw new SyncException("sync.error.protocol", null, r.status());
        JsonNode s = r.jsonBody();
        token = s.path("token").asText();
        session = s;
        return s;
    }

    /** The last session body, or null before the first login. */
    public JsonNode session() {
        return session;
    }

    /** Forgets the token (the next call logs in again). */
    public void forgetToken() {
        token = null;
    }

    /** Sends an authenticated request; on 401 logs in again once and retries. */
    public WireResponse call(String method, String path, Map<String, String> query, JsonNode body) throws IOException {
        return callWritten(method, path, query, body == null ? new byte[0] : Json.bytes(body));
    }

    /** {@link #call(String, String, Map, JsonNode)} with the body already written as JSON (UTF-8). */
    public WireResponse callWritten(String method, String path, Map<String, String> query, byte[] bytes) throws IOException {
        for (int attempt = 0; ; attempt++) {
            if (token == null) login(deviceId);
            Map<String, String> h = new HashMap<>();
            h.put("authorization", "Bearer " + token);
            WireResponse r = transport.exchange(new WireRequest(method, path, query, h, bytes, null));
            if (RevokedException.isRevoked(r)) throw RevokedException.from(r);
            if (r.status() != 401 || attempt > 0) return r;
            token = null;
        }
    }
}
