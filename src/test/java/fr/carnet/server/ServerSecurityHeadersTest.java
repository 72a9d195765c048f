package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.sync.SyncFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every response carries the security headers, whatever its status; HSTS only when asked for (or over TLS). */
class ServerSecurityHeadersTest {
    @TempDir Path dir;

    static final Map<String, String> EXPECTED = Map.of(
            "x-content-type-options", "nosniff",
            "referrer-policy", "no-referrer",
            "cache-control", "no-store",
            "x-frame-options", "DENY",
            "content-security-policy", "default-src 'none'");

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoHstsOnPlainHttp() throws Exception {
        check(SyncFixture.config(), false);
    }

    @Test
    void theHstsFlagAddsStrictTransportSecurityBehindATlsProxy() throws Exception {
        check(SyncFixture.config().withHsts(true), true);
    }

    static byte[] gzip(String s) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(out)) {
            g.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private void check(ServerConfig config, boolean hsts) throws Exception {
        SyncApi api = new SyncApi(new ServerDb(ServerDb.sqliteUrl(dir.resolve("s" + hsts + ".db"))), config);
        SyncFixture.load(api, 1, 1);
        SyncServer server = new SyncServer(api, config);
        try {
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            List<HttpRequest> requests = List.of(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),                          // 200
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/sync/pull")).build(),                       // 401
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/nothing")).header("Authorization", "Bearer x").build(), // 401/404
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).POST(HttpRequest.BodyPublishers.ofString("{not json")).build(), // 400
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), // 404/405
                    // 413: too large once decompressed (small on the wire, so the server reads it all before answering)
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/sync/push")).header("Content-Encoding", "gzip")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(gzip("x".repeat(5 * 1024 * 1024)))).build(),
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"login\":\"as.martin\",\"password\":\"demo\",\"device\":{\"id\":\"d1\",\"name\":\"L\"}}")).build()); // 200
            java.util.Set<Integer> statuses = new java.util.TreeSet<>();
            for (HttpRequest r : requests) {
                HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
                statuses.add(res.statusCode());
                for (var e : EXPECTED.entrySet())
                    assertThat(res.headers().firstValue(e.getKey())).as(r.method() + " " + r.uri() + " " + e.getKey()).contains(e.getValue());
                if (hsts) assertThat(res.headers().firstValue("strict-transport-security").orElse("")).startsWith("max-age=");
                else assertThat(res.headers().firstValue("strict-transport-security")).isEmpty();
            }
            assertThat(statuses).contains(200, 400, 401, 413);
        } finally {
            server.close();
            api.db().close();
        }
    }
}
