package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import org.jooq.Record;

/** {@code POST /api/v1/session}: password check, failed-login limits, replica ids, tokens. */
final class Sessions {
    private static final long WINDOW_MILLIS = 15 * 60 * 1000L;
    private final SyncApi api;

    Sessions(SyncApi api) {
        this.api = api;
    }

    WireResponse login(WireRequest req) {
        JsonNode root = SyncApi.parse(req.body());
        JsonNode login = root.get("login"), password = root.get("password"), device = root.get("device");
        if (login == null || !login.isTextual() || password == null || !password.isTextual() || device == null
                || !device.isObject() || !device.path("id").isTextual())
            throw ApiException.bad("INVALID_SESSION", "login, password and device.id are required");
        String deviceId = device.get("id").asText();
        if (deviceId.isEmpty() || deviceId.length() > 64) throw ApiException.bad("INVALID_SESSION", "device.id must be 1 to 64 characters");
        String deviceName = device.path("name").isTextual() ? device.get("name").asText() : "";
        if (deviceName.length() > 200) deviceName = deviceName.substring(0, 200);
        String loginName = login.asText();
        String loginKey = "l:" + (loginName.length() > 64 ? loginName.substring(0, 64) : loginName);
        String addrKey = "a:" + (req.remoteAddress() == null ? "?" : req.remoteAddress());
        long now = api.config().clock().millis();
        ServerConfig cfg = api.config();

        // Limits first: a refused attempt costs no hashing. The account is read in the same
        // transaction; the slow hash runs outside any, holding no connection.
        Record w = api.db().tx(ctx -> {
            ctx.execute("DELETE FROM srv_login_failure WHERE at < ?", now - WINDOW_MILLIS);
            long retry = retryAfter(ctx, loginKey, cfg.loginFailuresPerLogin(), now);
            retry = Math.max(retry, retryAfter(ctx, addrKey, cfg.loginFailuresPerAddress(), now));
            if (retry > 0) throw new ApiException(429, "TOO_MANY_REQUESTS", String.valueOf(retry));
            return ctx.fetchOne("SELECT id, login, display_name, role, pw_hash, pw_salt, pw_iterations, active FROM srv_worker WHERE login = ?", loginName);
        });
        // The password is checked for a revoked account too: who proves it learns of the revocation (REVOKED).
        boolean ok = w != null && Passwords.verify(password.asText().toCharArray(),
                w.get("pw_salt", String.class), w.get("pw_hash", String.class), w.get("pw_iterations", Integer.class) == null ? 0 : w.get("pw_iterations", Integer.class));
        if (!ok) {
            api.db().tx(ctx -> {
                ctx.execute("INSERT INTO srv_login_failure (k, at) VALUES (?, ?)", loginKey, now);
                ctx.execute("INSERT INTO srv_login_failure (k, at) VALUES (?, ?)", addrKey, now);
                return null;
            });
            throw new ApiException(401, "BAD_CREDENTIALS", "login or password incorrect");
        }
        String workerId = w.get("id", String.class);
        String token = Passwords.newToken();
        String name = deviceName;
        return api.db().tx(ctx -> {
            Record r = ctx.fetchOne("SELECT replica FROM srv_replica WHERE device_id = ? AND worker_id = ?", deviceId, workerId);
            // A revoked account or device gets no token, but a revoked replica in its final push does (security-002).
            Revocations.State rev = r == null ? null : Revocations.state(ctx, r.get(0, String.class));
            boolean active = w.get("active", Integer.class) != 0;
            if (rev != null || !active || Revocations.deviceRevoked(ctx, deviceId)) {
                if (rev == null || !rev.allowanceOpen(now)) throw Revocations.refusal(false);
            }
            String replica;
            if (r != null) replica = r.get(0, String.class);
            else {
                replica = "r" + SyncApi.next(ctx, "replica");
                ctx.execute("INSERT INTO srv_replica (replica, device_id, worker_id, device_name, last_seq) VALUES (?,?,?,?,0)",
                        replica, deviceId, workerId, name);
            }
            ctx.execute("DELETE FROM srv_session WHERE expires_at < ?", now);
            ctx.execute("INSERT INTO srv_session (token_hash, worker_id, replica, expires_at) VALUES (?,?,?,?)",
                    Passwords.digest(token), workerId, replica, now + cfg.tokenLifetime().toMillis());
            ObjectNode out = Json.object();
            out.put("token", token);
            ObjectNode wk = out.putObject("worker");
            wk.put("id", workerId);
            wk.put("login", w.get("login", String.class));
            wk.put("displayName", w.get("display_name", String.class));
            wk.put("role", w.get("role", String.class));
            wk.set("sectors", SyncApi.strings(new java.util.TreeSet<>(SyncApi.sectorsOf(ctx, workerId))));
            out.put("replica", replica);
            out.put("serverTime", api.now());
            return WireResponse.json(200, out);
        });
    }

    /** Seconds to wait when {@code key} has reached {@code limit} failures in the window, else 0. */
    private static long retryAfter(org.jooq.DSLContext ctx, String key, int limit, long now) {
        var rows = ctx.fetch("SELECT at FROM srv_login_failure WHERE k = ? AND at >= ? ORDER BY at DESC", key, now - WINDOW_MILLIS);
        if (rows.size() < limit) return 0;
        long oldestCounted = rows.get(limit - 1).get(0, Long.class);
        return Math.max(1, (oldestCounted + WINDOW_MILLIS - now + 999) / 1000);
    }
}
