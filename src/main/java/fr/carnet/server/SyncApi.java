package fr.carnet.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync API of SYNC.md, independent of the HTTP stack: {@link #handle} takes a request and
 * returns a response, and never throws. All state is in the database, so any number of instances
 * may serve one PostgreSQL database. {@link SyncServer} puts it behind Javalin.
 */
public final class SyncApi {
    private static final Logger LOG = LoggerFactory.getLogger(SyncApi.class);
    /** Version reported by the health endpoint. */
    public static final String VERSION = "1";

    private final ServerDb db;
    private final ServerConfig config;
    private final byte[] cursorKey;
    private final Push push;
    private final Pull pull;
    private final Revocations revocations;

    public SyncApi(ServerDb db, ServerConfig config) {
        this.db = db;
        this.config = config;
        this.cursorKey = db.tx(SyncApi::cursorKey);
        this.push = new Push(this);
        this.pull = new Pull(this);
        this.revocations = new Revocations(this);
    }

    /** The database this API serves. */
    public ServerDb db() {
        return db;
    }

    ServerConfig config() {
        return config;
    }

    byte[] cursorKeyBytes() {
        return cursorKey;
    }

    String now() {
        return Instant.now(config.clock()).toString();
    }

    private static byte[] cursorKey(DSLContext ctx) {
        Record r = ctx.fetchOne("SELECT value FROM srv_secret WHERE name = 'cursor'");
        if (r == null) {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            ctx.execute("INSERT INTO srv_secret (name, value) VALUES ('cursor', ?)", java.util.HexFormat.of().formatHex(b));
            return b;
        }
        return java.util.HexFormat.of().parseHex(r.get(0, String.class));
    }

    /** Answers one request; never throws, and never answers 5xx to what a client sent. */
    public WireResponse handle(WireRequest req) {
        try {
            if (req.body() != null && req.body().length > config.maxBody())
                throw new ApiException(413, "TOO_LARGE", "request body larger than " + config.maxBody() + " bytes");
            String p = req.path();
            String m = req.method();
            if (p.equals("/api/v1/health") && m.equals("GET")) {
                ObjectNode n = Json.object();
                n.put("status", "ok");
                n.put("version", VERSION);
                return WireResponse.json(200, n);
            }
            if (p.equals("/api/v1/session") && m.equals("POST")) return new Sessions(this).login(req);
            String route = m + " " + p;
            if (route.equals("POST /api/v1/sync/push")) {
                // Pushes are serialised by the sequence row (Push): the token is checked first, on a
                // pooled connection; then they queue, in order, for the few connections kept for them,
                // so that waiting pushes do not take the pool from the pulls, and the next push is
                // already waiting inside the database when the one before commits.
                Auth auth = db.tx(ctx -> authenticateWithRevocation(req));
                return db.serialTx(ctx -> route(req, route, auth));
            }
            // The other sync calls: the token's check and the work in one transaction (one wait for
            // a connection, one commit).
            if (ONE_TRANSACTION.contains(route)) return db.tx(ctx -> route(req, route, authenticateWithRevocation(req)));
            return route(req, route, authenticateWithRevocation(req));
        } catch (ApiException e) {
            return error(e);
        } catch (DataAccessException | IllegalStateException e) {
            // The database is unreachable or failed: not the client's doing. Log the kind only.
            LOG.warn("request failed on the server side: {}", e.getClass().getSimpleName());
            return WireResponse.json(503, new ApiException(503, "UNAVAILABLE", "try again later").body(), Map.of("retry-after", "5"));
        } catch (RuntimeException e) {
            LOG.info("request rejected: {}", e.getClass().getSimpleName());
            return WireResponse.json(400, ApiException.bad("BAD_REQUEST", "the request could not be processed").body());
        }
    }

    /** The requests answered in one transaction with their token's check. */
    private static final Set<String> ONE_TRANSACTION = Set.of("GET /api/v1/sync/pull", "GET /api/v1/conflicts");

    private static WireResponse error(ApiException e) {
        Map<String, String> h = e.status() == 429 ? Map.of("retry-after", e.getMessage().replaceAll("\\D", "")) : Map.of();
        if (e.status() == 429) {
            ObjectNode b = Json.object();
            b.put("error", e.code());
            b.put("message", "too many failed logins; retry later");
            return WireResponse.json(429, b, h);
        }
        return WireResponse.json(e.status(), e.body());
    }

    /** An authenticated request. */
    private WireResponse route(WireRequest req, String route, Auth auth) {
        Session s = auth.session();
        return switch (route) {
            case "POST /api/v1/sync/push" -> auth.finalPush() ? revocations.finalPush(syncer(s), req.body(), push) : push.push(syncer(s), req.body());
            case "GET /api/v1/sync/pull" -> pull.pull(syncer(s), req.query());
            case "GET /api/v1/conflicts" -> pull.conflicts(syncer(s));
            case "POST /api/v1/admin/assignment" -> new Admin(this).assignFromRequest(s, req.body());
            case "POST /api/v1/audit" -> new AuditApi(this).record(syncer(s), req.body());
            case "GET /api/v1/audit" -> new AuditApi(this).list(s, req.query());
            default -> throw new ApiException(404, "NOT_FOUND", "no such endpoint");
        };
    }

    private static Session syncer(Session s) {
        if (!s.role().holdsCaseData()) throw new ApiException(403, "FORBIDDEN", "this account holds no case data");
        return s;
    }

    Session authenticate(WireRequest req) {
        return authenticateWithRevocation(req).session();
    }

    /** A token's session, and whether it is a revoked replica's final push (security-002). */
    private record Auth(Session session, boolean finalPush) {}

    /** Requests a revoked replica may still make while its final push allowance is open. */
    private static final Set<String> FINAL_PUSH_REQUESTS = Set.of("POST /api/v1/sync/push", "POST /api/v1/audit");

    private Auth authenticateWithRevocation(WireRequest req) {
        String h = req.header("authorization");
        if (h == null || !h.startsWith("Bearer ") || h.length() > 200) throw new ApiException(401, "UNAUTHORIZED", "missing or bad token");
        String digest = Passwords.digest(h.substring(7).trim());
        long now = config.clock().millis();
        return db.tx(ctx -> {
            Object[] r = Sql.query(ctx, "SELECT s.worker_id, s.replica, s.expires_at, w.role, w.active, v.final_push_until, v.final_push_at FROM srv_session s "
                    + "JOIN srv_worker w ON w.id = s.worker_id LEFT JOIN srv_revoked_replica v ON v.replica = s.replica WHERE s.token_hash = ?",
                    rs -> {
                        if (!rs.next() || rs.getLong(3) <= now) return null;
                        long until = rs.getLong(6);
                        boolean revoked = !rs.wasNull();
                        rs.getLong(7);
                        boolean closed = !rs.wasNull();
                        return new Object[] {rs.getString(1), rs.getString(2), rs.getString(4), rs.getInt(5) != 0, revoked,
                                revoked && !closed && until > now};
                    }, digest);
            if (r == null) throw new ApiException(401, "UNAUTHORIZED", "missing, expired or unknown token");
            boolean revoked = (Boolean) r[4], allowance = (Boolean) r[5];
            if (revoked && !(allowance && FINAL_PUSH_REQUESTS.contains(req.method() + " " + req.path()))) throw Revocations.refusal(allowance);
            if (!revoked && !(Boolean) r[3]) throw new ApiException(401, "UNAUTHORIZED", "missing, expired or unknown token");
            String workerId = (String) r[0];
            Set<String> sectors = Sql.query(ctx, "SELECT sector_id FROM srv_worker_sector WHERE worker_id = ?", rs -> {
                Set<String> out = new HashSet<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }, workerId);
            return new Auth(new Session(workerId, Role.valueOf((String) r[2]), (String) r[1], sectors), revoked);
        });
    }

    static Set<String> sectorsOf(DSLContext ctx, String workerId) {
        Set<String> out = new HashSet<>();
        for (Record r : ctx.fetch("SELECT sector_id FROM srv_worker_sector WHERE worker_id = ?", workerId)) out.add(r.get(0, String.class));
        return out;
    }

    /** Parses a JSON body; anything else is 400. */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) throw ApiException.bad("INVALID_JSON", "empty body");
        try {
            return Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw ApiException.bad("INVALID_JSON", "body is not valid JSON");
        }
    }

    static long counter(DSLContext ctx, String name) {
        return Sql.query(ctx, "SELECT value FROM srv_counter WHERE name = ?", rs -> {
            if (!rs.next()) throw new IllegalStateException("no counter " + name);
            return rs.getLong(1);
        }, name);
    }

    /** The next value of the server-wide sequence; its row lock serialises writers until commit. */
    static long next(DSLContext ctx, String name) {
        ctx.execute("UPDATE srv_counter SET value = value + 1 WHERE name = ?", name);
        return counter(ctx, name);
    }

    static ArrayNode strings(java.util.Collection<String> xs) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (String x : xs) a.add(x);
        return a;
    }

    static List<String> list(JsonNode arr) {
        List<String> out = new java.util.ArrayList<>();
        if (arr != null && arr.isArray()) for (JsonNode n : arr) if (n.isTextual()) out.add(n.asText());
        return out;
    }
}
