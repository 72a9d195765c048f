package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.util.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's own demo server, over real HTTP: it answers the health check on loopback, the demo
 * accounts log in with the demo password, its file is kept and reused, and it stops when closed.
 */
class LocalDemoServerTest {
    @TempDir Path dir;
    static final Path SAMPLE = Path.of(System.getProperty("carnet.sampleData", "sample-data"));
    static final ServerConfig FAST = ServerConfig.defaults().withPasswordIterations(1000);
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> health(String base) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String base, String login, String password) throws Exception {
        ObjectNode body = Json.object().put("login", login).put("password", password);
        body.putObject("device").put("id", UUID.randomUUID().toString()).put("name", "Portable d’essai");
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersOnLoopbackAndTheDemoAccountsLogInWithTheDemoPassword() throws Exception {
        Path file = dir.resolve("demo").resolve("carnet-demo-server.db");
        String firstUrl;
        try (LocalDemoServer server = LocalDemoServer.start(file, SAMPLE, FAST)) {
            firstUrl = server.url();
            assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
            assertThat(server.port()).isPositive();
            HttpResponse<String> h = health(server.url());
            assertThat(h.statusCode()).isEqualTo(200);
            assertThat(Json.readObject(h.body()).path("status").asText()).isEqualTo("ok");

            HttpResponse<String> ok = login(server.url(), "as.martin", LocalDemoServer.PASSWORD);
            assertThat(ok.statusCode()).isEqualTo(200);
            ObjectNode session = Json.readObject(ok.body());
            assertThat(session.path("token").asText()).isNotBlank();
            assertThat(session.path("worker").path("login").asText()).isEqualTo("as.martin");
            assertThat(login(server.url(), "chef.leroy", LocalDemoServer.PASSWORD).statusCode()).isEqualTo(200);
            assertThat(login(server.url(), "as.martin", "pas-le-bon").statusCode()).isEqualTo(401);
        }
        // Its own file, complete, with nothing half-written beside it.
        assertThat(file).isRegularFile();
        try (var s = Files.list(file.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".part"));
        }
        // Stopped: nobody answers any more.
        assertThatThrownBy(() -> health(firstUrl)).isInstanceOf(java.io.IOException.class);

        // The next start reuses the file (no second load: same accounts, still one of each).
        try (LocalDemoServer again = LocalDemoServer.start(file, SAMPLE, FAST)) {
            assertThat(health(again.url()).statusCode()).isEqualTo(200);
            assertThat(login(again.url(), "as.bernard", LocalDemoServer.PASSWORD).statusCode()).isEqualTo(200);
            int workers = again.db().tx(ctx -> ctx.fetchOne("SELECT COUNT(*) FROM srv_worker WHERE login = 'as.martin'").get(0, Integer.class));
            assertThat(workers).isEqualTo(1);
        }
    }

    @Test
    void theListedAccountsAreTheDemoAccounts() {
        assertThat(LocalDemoServer.ACCOUNTS).containsExactlyInAnyOrderElementsOf(DemoData.ACCOUNTS);
    }

    @Test
    void withoutSampleDataItFailsAndLeavesNoFileBehind() throws Exception {
        Path file = dir.resolve("carnet-demo-server.db");
        assertThatThrownBy(() -> LocalDemoServer.start(file, dir.resolve("absent"), FAST)).isInstanceOf(RuntimeException.class);
        try (var s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }
}
