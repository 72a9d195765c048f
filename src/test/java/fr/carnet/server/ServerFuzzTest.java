package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Hostile requests to the API: malformed, oversized, wrong tokens, other workers' records → 4xx or per-mutation refusals, state unchanged. */
class ServerFuzzTest {
    static SyncApi api;
    static SyncFixture data;
    static String token, replica, sudPerson;

    @BeforeContainer
    static void start() throws Exception {
        api = new SyncApi(new ServerDb(ServerDb.sqliteUrl(Files.createTempDirectory("fuzz").resolve("s.db"))), SyncFixture.config());
        data = SyncFixture.load(api, 1, 5);
        WireResponse s = api.handle(new WireRequest("POST", "/api/v1/session", Map.of(), Map.of(),
                "{\"login\":\"as.martin\",\"password\":\"demo\",\"device\":{\"id\":\"fuzz\"}}".getBytes(StandardCharsets.UTF_8), "1.2.3.4"));
        token = s.jsonBody().path("token").asText();
        replica = s.jsonBody().path("replica").asText();
        sudPerson = data.persons.get(data.persons.size() - 1);
    }

    @AfterContainer
    static void stop() {
        api.db().close();
    }

    long seq() {
        return api.db().tx(ctx -> ctx.fetchOne("SELECT value FROM srv_counter WHERE name = 'seq'").get(0, Long.class));
    }

    @Provide
    Arbitrary<String> bodies() {
        String id = sudPerson;
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("{}[]\":,0123456789abcnulltrue ").ofMaxLength(200),
                Arbitraries.of("{\"replica\":\"REP\",\"mutations\":[{\"seq\":\"x\"}]}", "{\"replica\":1,\"mutations\":[]}",
                        "{\"replica\":\"REP\",\"mutations\":{}}", "[]", "null", "{\"replica\":\"REP\",\"mutations\":[{\"seq\":1},{\"seq\":3}]}"),
                Arbitraries.strings().withChars("abc\"{}:, ").ofMaxLength(40).map(junk ->
                        "{\"replica\":\"REP\",\"mutations\":[{\"seq\":1,\"type\":\"person\",\"id\":\"" + id + "\",\"op\":\"update\",\"ctx\":{},\"patch\":{\"phone\":{\"old\":null,\"new\":\"" + junk.replace("\"", "") + "\"}}}]}"),
                Arbitraries.of("delete", "update", "undelete", "create").map(op ->
                        "{\"replica\":\"REP\",\"mutations\":[{\"seq\":1,\"type\":\"person\",\"id\":\"" + id + "\",\"op\":\"" + op + "\",\"ctx\":{\"s\":999999},\"patch\":{\"lastName\":{\"old\":null,\"new\":\"X\"}}}]}"))
                .map(s -> s.replace("REP", replica));
    }

    @Property(tries = 300)
    void hostileRequestsGetA4xxOrARefusalAndChangeNothingOutsideScope(@ForAll("bodies") String body, @ForAll boolean withToken,
                                                                       @ForAll("paths") String path) {
        long before = seq();
        Map<String, String> h = withToken ? Map.of("authorization", "Bearer " + token) : Map.of("authorization", "Bearer nope");
        WireResponse r = api.handle(new WireRequest(path.startsWith("GET") ? "GET" : "POST", path.substring(path.indexOf(' ') + 1),
                Map.of("cursor", body.length() > 50 ? body.substring(0, 50) : body), h, body.getBytes(StandardCharsets.UTF_8), "9.9.9.9"));
        assertThat(r.status()).isBetween(200, 499);
        if (r.status() == 200 && path.contains("push")) {
            for (var res : r.jsonBody().path("results")) assertThat(res.path("status").asText()).isIn("rejected", "duplicate");
        }
        // the other sector's person is never changed
        assertThat(seq()).isEqualTo(before);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("POST /api/v1/sync/push", "GET /api/v1/sync/pull", "POST /api/v1/session", "GET /api/v1/conflicts", "POST /api/v1/admin/assignment", "GET /api/v1/../etc");
    }
}
