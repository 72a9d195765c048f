package fr.carnet.server;

import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The sync API over HTTP (Javalin 7 / Jetty): gzip both ways, bodies capped at the configured
 * limit (413), everything else answered by {@link SyncApi}.
 */
public final class SyncServer implements AutoCloseable {
    private final SyncApi api;
    private final ServerConfig config;
    private final Javalin app;

    public SyncServer(SyncApi api, ServerConfig config) {
        this.api = api;
        this.config = config;
        this.app = Javalin.create(cfg -> {
            cfg.http.maxRequestSize = config.maxBody() + 1;
            // level 1: most of gzip's gain on JSON for a fraction of its CPU
            cfg.http.compressionStrategy = new CompressionStrategy(null, new Gzip(1));
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(this::secure);
            cfg.routes.get("/*", this::serve);
            cfg.routes.post("/*", this::serve);
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                ctx.status(400).contentType("application/json").result("{\"error\":\"BAD_REQUEST\",\"message\":\"the request could not be processed\"}");
            });
        });
    }

    /** Starts listening; port 0 picks a free port. Returns the port taken. */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    public int port() {
        return app.port();
    }

    public SyncApi api() {
        return api;
    }

    /** Security headers on every response (an API: nothing to frame, embed, cache or sniff). */
    private void secure(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'none'");
        if (config.hsts() || "https".equalsIgnoreCase(ctx.scheme()))
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    private void serve(Context ctx) {
        WireResponse res;
        try {
            byte[] body = readBody(ctx);
            Map<String, String> headers = new HashMap<>();
            for (var e : ctx.headerMap().entrySet()) headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
            Map<String, String> query = new HashMap<>();
            for (var e : ctx.queryParamMap().entrySet()) if (!e.getValue().isEmpty()) query.put(e.getKey(), e.getValue().get(0));
            res = api.handle(new WireRequest(ctx.method().name(), ctx.path(), query, headers, body, ctx.ip()));
        } catch (TooLarge e) {
            res = WireResponse.json(413, new ApiException(413, "TOO_LARGE", "request body larger than " + config.maxBody() + " bytes").body());
        } catch (IOException e) {
            res = WireResponse.json(400, ApiException.bad("INVALID_BODY", "body could not be read").body());
        }
        ctx.status(res.status());
        res.headers().forEach((k, v) -> {
            if (!k.equals("content-type")) ctx.header(k, v);
        });
        ctx.contentType("application/json");
        ctx.result(res.body());
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    private byte[] readBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > config.maxBody()) throw new TooLarge();
        byte[] raw = readCapped(ctx.req().getInputStream(), config.maxBody());
        String enc = ctx.header("Content-Encoding");
        if (enc != null && enc.equalsIgnoreCase("gzip") && raw.length > 0) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                return readCapped(in, config.maxBody());
            }
        }
        return raw;
    }

    private static byte[] readCapped(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        long total = 0;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > max) throw new TooLarge();
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        app.stop();
    }
}
