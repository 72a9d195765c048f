package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.sync.WireResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit trail over real HTTP: laptops send, supervisors and the administrator read. */
class AuditApiTest {
    @org.junit.jupiter.api.io.TempDir static java.nio.file.Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void shareTempDir() {
        ServerApiTest.dir = dir;
    }

    @org.junit.jupiter.api.AfterAll
    static void stopPostgres() throws Exception {
        ServerApiTest.stopPostgres();
        ServerApiTest.pg = null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void entriesSentOfflineAreStoredOnceWithServerTimeAndReadBySupervisors(String kind) throws Exception {
        try (ServerApiTest.Env env = ServerApiTest.env(kind)) {
            JsonNode martin = env.login("as.martin", UUID.randomUUID().toString());
            String token = martin.get("token").asText();
            String replica = martin.get("replica").asText();
            String record = UUID.randomUUID().toString();
            String body = "{\"replica\":\"" + replica + "\",\"entries\":[{\"seq\":1,\"at\":\"2026-11-26T10:00:00+01:00\",\"action\":\"OPEN_FILE\","
                    + "\"recordType\":\"household\",\"recordId\":\"" + record + "\"},{\"seq\":2,\"at\":\"2026-11-26T10:05:00+01:00\","
                    + "\"action\":\"PRINT\",\"recordType\":\"household\",\"recordId\":\"" + record + "\",\"detail\":\"pdf\"}]}";
            WireResponse sent = env.call("POST", "/api/v1/audit", Map.of(), token, body);
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.jsonBody().get("acceptedThrough").asLong()).isEqualTo(2);
            assertThat(env.call("POST", "/api/v1/audit", Map.of(), token, body).status()).isEqualTo(200); // a retry changes nothing

            String chef = env.login("chef.leroy", UUID.randomUUID().toString()).get("token").asText();
            WireResponse list = env.call("GET", "/api/v1/audit", Map.of("recordId", record), chef, null);
            assertThat(list.status()).isEqualTo(200);
            JsonNode entries = list.jsonBody().get("entries");
            assertThat(entries).hasSize(2);
            assertThat(entries.get(0).get("login").asText()).isEqualTo("as.martin");
            assertThat(entries.get(0).get("serverTime").asText()).isNotBlank();
            assertThat(entries.get(1).get("action").asText()).isEqualTo("PRINT");

            String admin = env.login("admin", UUID.randomUUID().toString()).get("token").asText();
            assertThat(env.call("GET", "/api/v1/audit", Map.of(), admin, null).jsonBody().get("entries")).hasSize(2);
            assertThat(env.call("GET", "/api/v1/audit", Map.of(), token, null).status()).isEqualTo(403);
            assertThat(env.call("GET", "/api/v1/audit", Map.of(), null, null).status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void badAuditBodiesAre4xxAndChangeNothing(String kind) throws Exception {
        try (ServerApiTest.Env env = ServerApiTest.env(kind)) {
            JsonNode martin = env.login("as.martin", UUID.randomUUID().toString());
            String token = martin.get("token").asText();
            String replica = martin.get("replica").asText();
            for (String bad : new String[] {"not json", "{}", "{\"replica\":\"" + replica + "\",\"entries\":[{\"seq\":\"x\",\"action\":\"PRINT\"}]}",
                    "{\"replica\":\"" + replica + "\",\"entries\":[{\"seq\":1,\"action\":\"DROP TABLE\"}]}",
                    "{\"replica\":\"r999\",\"entries\":[]}",
                    "{\"replica\":\"" + replica + "\",\"entries\":[{\"seq\":1,\"action\":\"PRINT\",\"recordId\":\"'; --\"}]}"}) {
                int status = env.call("POST", "/api/v1/audit", Map.of(), token, bad).status();
                assertThat(status).as(bad).isBetween(400, 499);
            }
            String admin = env.login("admin", UUID.randomUUID().toString()).get("token").asText();
            assertThat(env.call("GET", "/api/v1/audit", Map.of(), admin, null).jsonBody().get("entries")).isEmpty();
            assertThat(env.call("GET", "/api/v1/audit", Map.of("limit", "0"), admin, null).status()).isEqualTo(400);
        }
    }
}
