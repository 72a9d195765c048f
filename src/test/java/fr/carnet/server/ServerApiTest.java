package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTTP API of SYNC.md over real HTTP on port 0, on SQLite and on embedded PostgreSQL. */
class ServerApiTest {
    static EmbeddedPostgres pg;
    static int pgDbs;
    @TempDir static Path dir;

    static Stream<String> databases() throws Exception {
        return Stream.of("sqlite", "postgres");
    }

    record Env(SyncServer server, HttpTransport http, SyncFixture data) implements AutoCloseable {
        WireResponse call(String method, String path, Map<String, String> query, String token, String body) throws Exception {
            Map<String, String> h = new HashMap<>();
            if (token != null) h.put("authorization", "Bearer " + token);
            return http.exchange(new WireRequest(method, path, query, h, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), null));
        }

        JsonNode login(String login, String device) throws Exception {
            WireResponse r = call("POST", "/api/v1/session", Map.of(), null,
                    "{\"login\":\"" + login + "\",\"password\":\"demo\",\"device\":{\"id\":\"" + device + "\",\"name\":\"L\"}}");
            assertThat(r.status()).isEqualTo(200);
            return r.jsonBody();
        }

        @Override
        public void close() {
            server.close();
            server.api().db().close();
        }
    }

    static synchronized String url(String kind) throws Exception {
        if (kind.equals("sqlite")) return ServerDb.sqliteUrl(dir.resolve(UUID.randomUUID() + ".db"));
        if (pg == null) pg = EmbeddedPostgres.builder().start();
        String name = "carnet" + (++pgDbs);
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    static Env env(String kind) throws Exception {
        SyncApi api = new SyncApi(new ServerDb(url(kind)), SyncFixture.config());
        SyncFixture data = SyncFixture.load(api, 2, 3);
        SyncServer s = new SyncServer(api, SyncFixture.config());
        int port = s.start("127.0.0.1", 0);
        return new Env(s, new HttpTransport(URI.create("http://127.0.0.1:" + port)), data);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) pg.close();
    }

    static String push(String replica, long seq, String op, String id, String ctx, String patch) {
        return "{\"replica\":\"" + replica + "\",\"mutations\":[{\"seq\":" + seq + ",\"type\":\"person\",\"id\":\"" + id + "\",\"op\":\"" + op
                + "\",\"ctx\":" + ctx + ",\"patch\":" + patch + ",\"deviceTime\":\"2025-03-04T10:00:00+01:00\"}]}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void healthAnswersWithoutAuthAndEverythingElseNeedsAToken(String db) throws Exception {
        try (Env e = env(db)) {
            assertThat(e.call("GET", "/api/v1/health", Map.of(), null, null).jsonBody().path("status").asText()).isEqualTo("ok");
            assertThat(e.call("GET", "/api/v1/sync/pull", Map.of(), null, null).status()).isEqualTo(401);
            assertThat(e.call("GET", "/api/v1/sync/pull", Map.of(), "forged", null).status()).isEqualTo(401);
            JsonNode s = e.login("admin", "d-admin");
            assertThat(e.call("GET", "/api/v1/sync/pull", Map.of(), s.path("token").asText(), null).status()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReplicaIsStableForItsDeviceAndBadPasswordsEndIn429(String db) throws Exception {
        try (Env e = env(db)) {
            JsonNode a = e.login("as.martin", "dev-1");
            assertThat(a.path("worker").path("role").asText()).isEqualTo("AS");
            assertThat(e.login("as.martin", "dev-1").path("replica").asText()).isEqualTo(a.path("replica").asText());
            assertThat(e.login("as.martin", "dev-2").path("replica").asText()).isNotEqualTo(a.path("replica").asText());
            String bad = "{\"login\":\"as.bernard\",\"password\":\"nope\",\"device\":{\"id\":\"x\"}}";
            for (int i = 0; i < 10; i++) assertThat(e.call("POST", "/api/v1/session", Map.of(), null, bad).status()).isEqualTo(401);
            WireResponse r = e.call("POST", "/api/v1/session", Map.of(), null, bad);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("retry-after")).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pushIsExactlyOnceInOrderAndDetectsConcurrentEdits(String db) throws Exception {
        try (Env e = env(db)) {
            JsonNode a = e.login("as.martin", "dev-a"), b = e.login("as.bernard", "dev-b");
            String ta = a.path("token").asText(), tb = b.path("token").asText();
            String ra = a.path("replica").asText(), rb = b.path("replica").asText();
            JsonNode pulled = e.call("GET", "/api/v1/sync/pull", Map.of("limit", "1000"), ta, null).jsonBody();
            JsonNode person = null;
            for (JsonNode c : pulled.path("changes")) if (c.path("record").path("type").asText().equals("person")) person = c.path("record");
            String id = person.path("id").asText();
            String ctx = Json.write(person.path("vv"));
            String body = push(ra, 1, "update", id, ctx, "{\"phone\":{\"old\":\"0600000000\",\"new\":\"0611111111\"}}");
            JsonNode r1 = e.call("POST", "/api/v1/sync/push", Map.of(), ta, body).jsonBody();
            assertThat(r1.path("results").get(0).path("status").asText()).isEqualTo("applied");
            JsonNode r2 = e.call("POST", "/api/v1/sync/push", Map.of(), ta, body).jsonBody();
            assertThat(r2.path("results").get(0).path("status").asText()).isEqualTo("duplicate");
            assertThat(r2.path("results").get(0).path("originalStatus").asText()).isEqualTo("applied");
            assertThat(r2.path("results").get(0).path("record")).isEqualTo(r1.path("results").get(0).path("record"));
            WireResponse gap = e.call("POST", "/api/v1/sync/push", Map.of(), ta, push(ra, 5, "update", id, ctx, "{}"));
            assertThat(gap.status()).isEqualTo(409);
            assertThat(gap.jsonBody().path("error").asText()).isEqualTo("OUT_OF_ORDER");
            assertThat(gap.jsonBody().path("expected").asLong()).isEqualTo(2);
            // the other worker edits the same field on the old state: a conflict
            JsonNode c = e.call("POST", "/api/v1/sync/push", Map.of(), tb,
                    push(rb, 1, "update", id, ctx, "{\"phone\":{\"old\":\"0600000000\",\"new\":\"0622222222\"}}")).jsonBody();
            assertThat(c.path("results").get(0).path("status").asText()).isEqualTo("conflict");
            assertThat(c.path("results").get(0).path("record").path("fields").path("phone").asText()).isEqualTo("0611111111");
            // and a third, on another field, merges
            JsonNode m = e.call("POST", "/api/v1/sync/push", Map.of(), tb,
                    push(rb, 2, "update", id, ctx, "{\"email\":{\"old\":null,\"new\":\"a@b.fr\"}}")).jsonBody();
            assertThat(m.path("results").get(0).path("status").asText()).isEqualTo("merged");
            JsonNode conflicts = e.call("GET", "/api/v1/conflicts", Map.of(), ta, null).jsonBody().path("conflicts");
            assertThat(conflicts).hasSize(1);
            assertThat(conflicts.get(0).path("proposals").get(0).path("values").path("phone").asText()).isEqualTo("0622222222");
            // a replica that is not the token's is 403; a malformed push is 400; an unknown type is a per-mutation invalid
            assertThat(e.call("POST", "/api/v1/sync/push", Map.of(), ta, push(rb, 3, "update", id, ctx, "{}")).status()).isEqualTo(403);
            assertThat(e.call("POST", "/api/v1/sync/push", Map.of(), ta, "{\"replica\":\"" + ra + "\"}").status()).isEqualTo(400);
            JsonNode inv = e.call("POST", "/api/v1/sync/push", Map.of(), ta, push(ra, 2, "update", id, ctx, "{\"phone\":{\"old\":1}}").replace("\"person\"", "\"alien\"")).jsonBody();
            assertThat(inv.path("results").get(0).path("reason").asText()).isEqualTo("invalid");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pullPagesNeverGoBackAndRejectForeignCursors(String db) throws Exception {
        try (Env e = env(db)) {
            String t = e.login("chef.leroy", "dev-c").path("token").asText();
            int total = 0;
            String cursor = null;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (true) {
                Map<String, String> q = new HashMap<>();
                q.put("limit", "3");
                if (cursor != null) q.put("cursor", cursor);
                JsonNode p = e.call("GET", "/api/v1/sync/pull", q, t, null).jsonBody();
                for (JsonNode c : p.path("changes")) {
                    JsonNode r = c.path("record");
                    String parent = r.path("fields").path("householdId").asText(null);
                    if (parent != null) assertThat(seen).as("parent before child").contains(parent);
                    seen.add(r.path("id").asText());
                    total++;
                }
                cursor = p.path("cursor").asText();
                if (!p.path("hasMore").asBoolean()) break;
            }
            assertThat(total).isEqualTo(20);
            assertThat(e.call("GET", "/api/v1/sync/pull", Map.of("cursor", "1.5.0000"), t, null).status()).isEqualTo(400);
            assertThat(e.call("GET", "/api/v1/sync/pull", Map.of("limit", "0"), t, null).status()).isEqualTo(400);
            new Admin(e.server().api()).horizon(1_000_000);
            assertThat(e.call("GET", "/api/v1/sync/pull", Map.of("cursor", cursor), t, null).status()).isEqualTo(410);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oversizedBodiesAre413(String db) throws Exception {
        try (Env e = env(db)) {
            String t = e.login("as.martin", "dev-x").path("token").asText();
            String big = "{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
            assertThat(e.call("POST", "/api/v1/sync/push", Map.of(), t, big).status()).isEqualTo(413);
        }
    }

}
