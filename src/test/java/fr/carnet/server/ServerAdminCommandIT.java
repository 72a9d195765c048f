package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.cli.CarnetCli;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.WireRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerAdminCommandIT {
    @TempDir Path dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        err.reset();
        return new CarnetCli().run(List.of(args), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    int login(HttpTransport http, String login, String password) throws Exception {
        String body = "{\"login\":\"" + login + "\",\"password\":\"" + password + "\",\"device\":{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"L\"}}";
        return http.exchange(new WireRequest("POST", "/api/v1/session", Map.of(), new HashMap<>(), body.getBytes(StandardCharsets.UTF_8), null)).status();
    }

    @Test
    void anAdministratorCreatesAccountsSetsAPasswordAndRevokesIt() throws Exception {
        String db = ServerDb.sqliteUrl(dir.resolve("server.db"));
        Path sample = Path.of(System.getProperty("carnet.sampleData", "sample-data"));
        assertThat(run("server-admin", "--db", db, "organisation", sample.toString())).as(err.toString()).isZero();
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "court\n");
        assertThat(run("server-admin", "--db", db, "password", "as.martin", "--password-file", pw.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("au moins 10");
        Files.writeString(pw, "une phrase assez longue pour Claire\n");
        assertThat(run("server-admin", "--db", db, "password", "as.martin", "--password-file", pw.toString())).isZero();

        try (ServerDb sdb = new ServerDb(db)) {
            SyncApi api = new SyncApi(sdb, ServerConfig.defaults());
            SyncServer server = new SyncServer(api, ServerConfig.defaults());
            HttpTransport http = new HttpTransport(URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0)));
            try {
                assertThat(login(http, "as.martin", "une phrase assez longue pour Claire")).isEqualTo(200);
                assertThat(login(http, "as.bernard", "demo")).isEqualTo(401);
                assertThat(run("server-admin", "--db", db, "revoke", "as.martin")).isZero();
                assertThat(login(http, "as.martin", "une phrase assez longue pour Claire")).isEqualTo(401);
            } finally {
                server.close();
            }
        }
        assertThat(run("server-admin", "--db", db, "revoke", "nobody")).isEqualTo(1);
    }
}
