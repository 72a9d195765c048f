package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.cli.CarnetCli;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.ui.MutableClock;
import fr.carnet.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revoking a worker or a device, over real HTTP on a free port (security-002): the laptop's token
 * gets 401 REVOKED, the final push is taken once and then refused, and nothing else changes.
 */
class RevocationIT {
    @TempDir Path dir;
    SyncServer server;
    HttpTransport http;
    String dbUrl;
    final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    void start(Clock clock) {
        dbUrl = ServerDb.sqliteUrl(dir.resolve("server.db"));
        ServerConfig cfg = SyncFixture.config().withClock(clock);
        SyncApi api = new SyncApi(new ServerDb(dbUrl), cfg);
        SyncFixture.load(api, 2, 5);
        server = new SyncServer(api, cfg);
        http = new HttpTransport(URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            server.api().db().close();
        }
    }

    /** The administrator's command line, on the same database file as the running server. */
    int admin(String... args) {
        out.reset();
        err.reset();
        List<String> all = new java.util.ArrayList<>(List.of("server-admin", "--db", dbUrl));
        all.addAll(List.of(args));
        return new CarnetCli().run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    WireResponse call(String method, String path, String token, String body) throws Exception {
        Map<String, String> h = new HashMap<>();
        if (token != null) h.put("authorization", "Bearer " + token);
        return http.exchange(new WireRequest(method, path, Map.of(), h, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), null));
    }

    WireResponse login(String login, String password, String device) throws Exception {
        return call("POST", "/api/v1/session", null,
                "{\"login\":\"" + login + "\",\"password\":\"" + password + "\",\"device\":{\"id\":\"" + device + "\",\"name\":\"Portable 12\"}}");
    }

    JsonNode session(String login, String device) throws Exception {
        WireResponse r = login(login, "demo", device);
        assertThat(r.status()).isEqualTo(200);
        return r.jsonBody();
    }

    static void assertRevoked(WireResponse r, boolean finalPush) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.jsonBody().path("error").asText()).isEqualTo("REVOKED");
        assertThat(r.jsonBody().path("finalPush").asBoolean()).isEqualTo(finalPush);
    }

    /** A phone update of the first person this token pulls, with the given seq. */
    String phoneUpdate(String token, String replica, long seq, String phone, boolean last) throws Exception {
        JsonNode person = firstPerson(token);
        String m = "{\"seq\":" + seq + ",\"type\":\"person\",\"id\":\"" + person.path("id").asText() + "\",\"op\":\"update\",\"ctx\":"
                + Json.write(person.path("vv")) + ",\"patch\":{\"phone\":{\"old\":" + Json.write(person.path("fields").path("phone"))
                + ",\"new\":\"" + phone + "\"}},\"deviceTime\":\"2026-11-26T10:00:00+01:00\"}";
        return "{\"replica\":\"" + replica + "\",\"mutations\":[" + m + "]" + (last ? ",\"final\":true" : "") + "}";
    }

    JsonNode firstPerson(String token) throws Exception {
        WireResponse r = call("GET", "/api/v1/sync/pull", token, null);
        assertThat(r.status()).isEqualTo(200);
        for (JsonNode c : r.jsonBody().path("changes")) if (c.path("record").path("type").asText().equals("person")) return c.path("record");
        throw new AssertionError("no person pulled");
    }

    /** Every record's id, server version and fields, and the server sequence: what a refused request must not change. */
    String snapshot() {
        return server.api().db().tx(ctx -> ctx.fetch("SELECT id, sv, fields, deleted FROM srv_record ORDER BY id").formatCSV()
                + ctx.fetch("SELECT name, value FROM srv_counter WHERE name IN ('seq', 'replica') ORDER BY name").formatCSV()
                + ctx.fetch("SELECT replica, last_seq FROM srv_replica ORDER BY replica").formatCSV());
    }

    List<String> serverAudit() {
        return server.api().db().tx(ctx -> ctx.fetch("SELECT action, detail FROM srv_audit WHERE replica = 'server' ORDER BY local_seq")
                .map(r -> r.get(0, String.class) + " " + r.get(1, String.class)));
    }

    @Test
    void aWorkerRevokedWithoutFinalPushGetsRevokedOnEveryRequestAndAtLogin() throws Exception {
        start(Clock.systemUTC());
        JsonNode martin = session("as.martin", "device-martin");
        String token = martin.path("token").asText(), replica = martin.path("replica").asText();
        String bernard = session("as.bernard", "device-bernard").path("token").asText();
        String update = phoneUpdate(token, replica, 1, "0611111111", false);

        assertThat(admin("revoke", "as.martin", "--no-final-push")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("account revoked").contains("no final push");
        String before = snapshot();
        assertRevoked(call("GET", "/api/v1/sync/pull", token, null), false);
        assertRevoked(call("POST", "/api/v1/sync/push", token, update), false);
        assertRevoked(call("GET", "/api/v1/conflicts", token, null), false);
        assertRevoked(call("POST", "/api/v1/audit", token, "{\"replica\":\"" + replica + "\",\"entries\":[]}"), false);
        // The right password learns of the revocation, on this laptop or another; a wrong one learns nothing.
        assertRevoked(login("as.martin", "demo", "device-martin"), false);
        assertRevoked(login("as.martin", "demo", "another-device"), false);
        WireResponse wrong = login("as.martin", "not the password", "device-martin");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.jsonBody().path("error").asText()).isEqualTo("BAD_CREDENTIALS");
        assertThat(wrong.body().length).isLessThan(200);
        assertThat(snapshot()).isEqualTo(before);
        // Colleagues are not affected.
        assertThat(call("GET", "/api/v1/sync/pull", bernard, null).status()).isEqualTo(200);
        assertThat(serverAudit()).singleElement().asString().startsWith("REVOKE replica=" + replica + " reason=WORKER finalPushUntil=none");
        assertThat(admin("revoke", "nobody")).isEqualTo(1);
    }

    @Test
    void aRevokedWorkersLaptopPushesOnceThenIsRefused() throws Exception {
        start(Clock.systemUTC());
        JsonNode martin = session("as.martin", "device-martin");
        String token = martin.path("token").asText(), replica = martin.path("replica").asText();
        String first = phoneUpdate(token, replica, 1, "0611111111", false);
        String personId = Json.read(first).path("mutations").get(0).path("id").asText();

        assertThat(admin("revoke", "as.martin")).as(err.toString()).isZero();
        // Pull and conflicts are refused at once; the answer says the final push is open.
        assertRevoked(call("GET", "/api/v1/sync/pull", token, null), true);
        assertRevoked(call("GET", "/api/v1/conflicts", token, null), true);
        // A new login (an expired token) is still given a token for the final push.
        String again = login("as.martin", "demo", "device-martin").jsonBody().path("token").asText();
        assertThat(again).isNotBlank();
        assertRevoked(call("GET", "/api/v1/sync/pull", again, null), true);

        WireResponse pushed = call("POST", "/api/v1/sync/push", token, first);
        assertThat(pushed.status()).isEqualTo(200);
        assertThat(pushed.jsonBody().path("results").get(0).path("status").asText()).isEqualTo("applied");
        assertThat(call("POST", "/api/v1/audit", token, "{\"replica\":\"" + replica + "\",\"entries\":[{\"seq\":1,\"action\":\"OPEN_FILE\"}]}")
                .status()).isEqualTo(200);
        WireResponse closing = call("POST", "/api/v1/sync/push", token, "{\"replica\":\"" + replica + "\",\"mutations\":[],\"final\":true}");
        assertThat(closing.status()).isEqualTo(200);

        // Once closed: everything is refused, nothing changes.
        String before = snapshot();
        String second = first.replace("\"seq\":1", "\"seq\":2").replace("0611111111", "0622222222");
        assertRevoked(call("POST", "/api/v1/sync/push", token, second), false);
        assertRevoked(call("POST", "/api/v1/sync/push", again, second), false);
        assertRevoked(login("as.martin", "demo", "device-martin"), false);
        assertThat(snapshot()).isEqualTo(before);

        // The change of the final push is on the server, for the colleagues of the sector.
        String bernard = session("as.bernard", "device-bernard").path("token").asText();
        JsonNode seen = null;
        for (JsonNode c : call("GET", "/api/v1/sync/pull", bernard, null).jsonBody().path("changes"))
            if (c.path("record").path("id").asText().equals(personId)) seen = c.path("record");
        assertThat(seen.path("fields").path("phone").asText()).isEqualTo("0611111111");
        assertThat(seen.path("meta").path("author").asText()).isEqualTo(SyncFixture.MARTIN);
        // The server's audit trail: the revocation, then each push of the final push.
        List<String> audit = serverAudit();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0)).startsWith("REVOKE replica=" + replica + " reason=WORKER finalPushUntil=20");
        assertThat(audit.get(1)).isEqualTo("FINAL_PUSH replica=" + replica + " mutations=1");
        assertThat(audit.get(2)).isEqualTo("FINAL_PUSH replica=" + replica + " mutations=0 closed");
        String chef = session("chef.leroy", "device-chef").path("token").asText();
        JsonNode listed = call("GET", "/api/v1/audit", chef, null).jsonBody().path("entries");
        assertThat(listed.findValuesAsText("action")).contains("REVOKE", "FINAL_PUSH", "OPEN_FILE");
        admin("devices", "as.martin");
        assertThat(out.toString()).contains("device-martin\t" + replica + "\tPortable 12\trevoked (worker, final push received)");
    }

    @Test
    void aRevokedDeviceOfAValidWorkerPushesOnceThenOnlyThatDeviceIsRefused() throws Exception {
        start(Clock.systemUTC());
        JsonNode laptop = session("as.martin", "device-lost");
        JsonNode other = session("as.martin", "device-office");
        String token = laptop.path("token").asText(), replica = laptop.path("replica").asText();
        String update = phoneUpdate(token, replica, 1, "0633333333", true);

        assertThat(admin("revoke-device", "device-lost")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("device revoked (1 account(s)");
        assertRevoked(call("GET", "/api/v1/sync/pull", token, null), true);
        // The final push here is one request: changes and the closing mark together.
        assertThat(call("POST", "/api/v1/sync/push", token, update).status()).isEqualTo(200);
        assertRevoked(call("POST", "/api/v1/sync/push", token, update), false);
        assertRevoked(login("as.martin", "demo", "device-lost"), false);
        // Nobody else gets a token on that device; the worker still works on another one.
        assertRevoked(login("as.bernard", "demo", "device-lost"), false);
        assertThat(call("GET", "/api/v1/sync/pull", other.path("token").asText(), null).status()).isEqualTo(200);
        assertThat(login("as.martin", "demo", "device-new").status()).isEqualTo(200);
        List<String> audit = serverAudit();
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).startsWith("REVOKE replica=" + replica + " reason=DEVICE");
        assertThat(audit.get(1)).isEqualTo("FINAL_PUSH replica=" + replica + " mutations=1 closed");
    }

    @Test
    void theFinalPushEndsWithItsWindowEvenIfNeverClosed() throws Exception {
        MutableClock clock = MutableClock.paris();
        start(clock);
        JsonNode martin = session("as.martin", "device-martin");
        String token = martin.path("token").asText(), replica = martin.path("replica").asText();
        String update = phoneUpdate(token, replica, 1, "0644444444", false);
        assertThat(new Revocations(server.api()).revokeWorker("as.martin", Duration.ofHours(6))).isEqualTo(1);
        assertRevoked(call("GET", "/api/v1/sync/pull", token, null), true);

        clock.advance(Duration.ofHours(7));
        String before = snapshot();
        assertRevoked(call("POST", "/api/v1/sync/push", token, update), false);
        assertRevoked(login("as.martin", "demo", "device-martin"), false);
        assertThat(snapshot()).isEqualTo(before);
        // A bad value for the window is a usage error, and revokes nothing.
        assertThat(admin("revoke", "as.bernard", "--final-push-days", "-3")).isEqualTo(2);
        assertThat(login("as.bernard", "demo", "device-bernard").status()).isEqualTo(200);
    }
}
