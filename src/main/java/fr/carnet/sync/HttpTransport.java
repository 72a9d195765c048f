package fr.carnet.sync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** {@link Transport} over java.net.http, gzip both ways. */
public final class HttpTransport implements Transport {
    private static final int GZIP_ABOVE = 1024;
    private final URI base;
    private final HttpClient http;

    /** @param base the server's address, e.g. {@code http://127.0.0.1:8080} */
    public HttpTransport(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public WireResponse exchange(WireRequest r) throws IOException {
        StringBuilder uri = new StringBuilder(base.toString().replaceAll("/$", "")).append(r.path());
        char sep = '?';
        for (var e : r.query().entrySet()) {
            uri.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(120))
                .header("Accept-Encoding", "gzip").header("Accept", "application/json");
        r.headers().forEach(b::header);
        if (r.method().equals("POST")) {
            byte[] body = r.body();
            if (body.length > GZIP_ABOVE) {
                body = gzip(body);
                b.header("Content-Encoding", "gzip");
            }
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else b.GET();
        HttpResponse<byte[]> res;
        try {
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] body = res.body();
        if (res.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip")).orElse(false)) body = gunzip(body);
        Map<String, String> h = new HashMap<>();
        res.headers().map().forEach((k, v) -> {
            if (!v.isEmpty()) h.put(k.toLowerCase(Locale.ROOT), v.get(0));
        });
        return new WireResponse(res.statusCode(), h, body);
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length / 4 + 64);
        // the fastest level: on a good link the time to compress is the cost, and JSON still shrinks about 5×
        try (GZIPOutputStream g = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            g.write(b);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] b) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }
}
