package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Withdrawing a worker or a device from service (docs/decisions/security-002). Revocation works
 * on replicas — one per (device, worker) — so a laptop learns it from its own token:
 * <ul>
 * <li>every request of a revoked replica gets {@code 401 {"error": "REVOKED", "finalPush": bool}},
 * and a login with the right password on a revoked device or account gets the same answer;</li>
 * <li>unless it was revoked without it, the replica keeps a <b>final push</b> allowance for a
 * window (7 days by default): its pushes and audit uploads are still accepted, so that nothing
 * typed on the laptop is lost, until a push marked {@code "final": true} closes it. Everything
 * else (pull, conflicts) is refused at once;</li>
 * <li>the revocation and each push of the final push are written to the server's audit trail.</li>
 * </ul>
 */
final class Revocations {
    /** How long a revoked replica may still send its pending changes, unless told otherwise. */
    static final Duration DEFAULT_FINAL_PUSH = Duration.ofDays(7);
    static final String CODE = "REVOKED";

    private final SyncApi api;

    Revocations(SyncApi api) {
        this.api = api;
    }

    /** A replica's revocation as authentication reads it. */
    record State(String reason, long finalPushUntil, Long finalPushAt) {
        boolean allowanceOpen(long now) {
            return finalPushAt == null && finalPushUntil > now;
        }
    }

    /** The answer to a revoked replica, device or account: 401, and whether pushes are still taken. */
    static ApiException refusal(boolean finalPush) {
        ObjectNode extra = Json.object();
        extra.put("finalPush", finalPush);
        return new ApiException(401, CODE, finalPush
                ? "this device or account was withdrawn from service; send the pending changes, then stop"
                : "this device or account was withdrawn from service", extra);
    }

    static State state(DSLContext ctx, String replica) {
        Record r = ctx.fetchOne("SELECT reason, final_push_until, final_push_at FROM srv_revoked_replica WHERE replica = ?", replica);
        return r == null ? null : new State(r.get(0, String.class), r.get(1, Long.class), r.get(2, Long.class));
    }

    static boolean deviceRevoked(DSLContext ctx, String deviceId) {
        return ctx.fetchExists(ctx.selectOne().from("srv_revoked_device").where("device_id = ?", deviceId));
    }

    /**
     * Revokes an account: it can no longer log in, and each of its replicas is revoked (with the
     * final push allowance when {@code finalPush} is not zero). Returns how many replicas, or -1
     * when there is no such account.
     */
    int revokeWorker(String login, Duration finalPush) {
        long now = api.config().clock().millis();
        return api.db().tx(ctx -> {
            Record w = ctx.fetchOne("SELECT id FROM srv_worker WHERE login = ?", login);
            if (w == null) return -1;
            String workerId = w.get(0, String.class);
            ctx.execute("UPDATE srv_worker SET active = 0 WHERE id = ?", workerId);
            List<String> replicas = ctx.fetch("SELECT replica FROM srv_replica WHERE worker_id = ? ORDER BY replica", workerId)
                    .getValues(0, String.class);
            for (String r : replicas) revokeReplica(ctx, r, workerId, "WORKER", now, finalPush);
            if (replicas.isEmpty()) audit(ctx, workerId, "REVOKE", "reason=WORKER replicas=0");
            return replicas.size();
        });
    }

    /**
     * Revokes a device id (as laptops send it at login): each replica on it is revoked, and the
     * device gets no new one, whoever logs in. The accounts stay valid elsewhere. Returns how many
     * replicas the device had.
     */
    int revokeDevice(String deviceId, Duration finalPush) {
        long now = api.config().clock().millis();
        return api.db().tx(ctx -> {
            if (!deviceRevoked(ctx, deviceId)) ctx.execute("INSERT INTO srv_revoked_device (device_id, revoked_at) VALUES (?, ?)", deviceId, now);
            List<Record> replicas = new ArrayList<>(ctx.fetch("SELECT replica, worker_id FROM srv_replica WHERE device_id = ? ORDER BY replica", deviceId));
            for (Record r : replicas) revokeReplica(ctx, r.get(0, String.class), r.get(1, String.class), "DEVICE", now, finalPush);
            return replicas.size();
        });
    }

    private void revokeReplica(DSLContext ctx, String replica, String workerId, String reason, long now, Duration finalPush) {
        if (state(ctx, replica) != null) return; // the first revocation stands
        long until = finalPush == null || finalPush.isZero() || finalPush.isNegative() ? 0 : now + finalPush.toMillis();
        ctx.execute("INSERT INTO srv_revoked_replica (replica, reason, revoked_at, final_push_until) VALUES (?, ?, ?, ?)",
                replica, reason, now, until);
        audit(ctx, workerId, "REVOKE", "replica=" + replica + " reason=" + reason
                + " finalPushUntil=" + (until == 0 ? "none" : Instant.ofEpochMilli(until).toString()));
    }

    /**
     * A push during the final push allowance: applied as any push; then audited, and the
     * allowance closed if the body says {@code "final": true} (an addition to SYNC.md's push body).
     */
    WireResponse finalPush(Session s, byte[] body, Push push) {
        WireResponse res = push.push(s, body);
        if (res.status() != 200) return res;
        JsonNode root = SyncApi.parse(body);
        boolean last = root.path("final").asBoolean(false);
        int n = root.path("mutations").size();
        long now = api.config().clock().millis();
        api.db().tx(ctx -> {
            if (last) ctx.execute("UPDATE srv_revoked_replica SET final_push_at = ? WHERE replica = ? AND final_push_at IS NULL", now, s.replica());
            audit(ctx, s.workerId(), "FINAL_PUSH", "replica=" + s.replica() + " mutations=" + n + (last ? " closed" : ""));
            return null;
        });
        return res;
    }

    /** An entry of the server's own in the audit trail (no case data: replica ids and counts). */
    private void audit(DSLContext ctx, String workerId, String action, String detail) {
        long seq = SyncApi.next(ctx, "server_audit");
        ctx.execute("INSERT INTO srv_audit (replica, local_seq, worker_id, device_time, server_time, action, record_type, record_id, detail) "
                + "VALUES ('server', ?, ?, NULL, ?, ?, NULL, NULL, ?)", seq, workerId, api.now(), action, detail);
    }

    /** One device an account logged in from, for {@code server-admin devices LOGIN}. */
    record Device(String deviceId, String name, String replica, String revoked) {}

    /** The devices of an account, with their revocation if any; null when there is no such account. */
    List<Device> devices(String login) {
        return api.db().tx(ctx -> {
            Record w = ctx.fetchOne("SELECT id FROM srv_worker WHERE login = ?", login);
            if (w == null) return null;
            List<Device> out = new ArrayList<>();
            for (Record r : ctx.fetch("SELECT p.device_id, p.device_name, p.replica, v.reason, v.final_push_at FROM srv_replica p "
                    + "LEFT JOIN srv_revoked_replica v ON v.replica = p.replica WHERE p.worker_id = ? ORDER BY p.replica", w.get(0, String.class))) {
                String reason = r.get(3, String.class);
                String rev = reason == null ? "" : "revoked (" + reason.toLowerCase(java.util.Locale.ROOT)
                        + (r.get(4) != null ? ", final push received" : "") + ")";
                out.add(new Device(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), rev));
            }
            return out;
        });
    }
}
