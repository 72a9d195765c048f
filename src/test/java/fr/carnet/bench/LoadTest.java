package fr.carnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many simulated devices against one sync server on (embedded) PostgreSQL, over HTTP on loopback.
 * Each device logs in, then runs a few rounds of: pull to the end, push a few new persons into a
 * household it holds, list its conflicts, pause 50–250 ms. Bounded in rounds and in time. Reports
 * the latency of every request (p50, p95, p99, max) and the errors (anything but 200, or no answer).
 */
final class LoadTest {
    record Result(int devices, int requests, int errors, double p50, double p95, double p99, double max, double seconds,
                  Phase login, Phase catchUp, Phase steady) {}

    /** The latencies of one kind of request: the logins, the first pull of each device, the rounds after it. */
    record Phase(int requests, double p50, double p95, double p99, double max) {
        static Phase of(java.util.Collection<Long> ns) {
            List<Long> l = new ArrayList<>(ns);
            Collections.sort(l);
            return new Phase(l.size(), pct(l, 50), pct(l, 95), pct(l, 99), l.isEmpty() ? 0 : l.get(l.size() - 1) / 1e6);
        }

        @Override
        public String toString() {
            return String.format("%d requests: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (max %.0f ms)", requests, p50, p95, p99, max);
        }
    }

    private static final String[] LOGINS = {"as.martin", "as.bernard", "cesf.petit", "pue.robert", "chef.leroy", "sms.garcia"};

    static Result run(int devices, int rounds, int householdsPerSector, long maxSeconds) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE DATABASE carnet_load");
            }
            SyncApi api = new SyncApi(new ServerDb(pg.getJdbcUrl("postgres", "carnet_load")), SyncFixture.config());
            SyncFixture.load(api, householdsPerSector, 11);
            SyncServer server = new SyncServer(api, SyncFixture.config());
            URI uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            List<ConcurrentLinkedQueue<Long>> phases = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
            AtomicInteger errors = new AtomicInteger();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
            long t0 = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                HttpTransport http = new HttpTransport(uri);
                for (int d = 0; d < devices; d++) {
                    String login = LOGINS[d % LOGINS.length];
                    String device = "load-" + d + "-" + UUID.randomUUID();
                    pool.submit(() -> new Device(http, login, device, latencies, phases, errors, deadline).run(rounds));
                }
                pool.shutdown();
                pool.awaitTermination(maxSeconds + 30, TimeUnit.SECONDS);
            } finally {
                server.close();
                api.db().close();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            List<Long> l = new ArrayList<>(latencies);
            Collections.sort(l);
            return new Result(devices, l.size(), errors.get(), pct(l, 50), pct(l, 95), pct(l, 99), l.isEmpty() ? 0 : l.get(l.size() - 1) / 1e6, secs,
                    Phase.of(phases.get(0)), Phase.of(phases.get(1)), Phase.of(phases.get(2)));
        }
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    /** One simulated laptop speaking the protocol directly (no local store: the server is what is measured). */
    private static final class Device {
        final HttpTransport http;
        final String login, deviceId;
        final ConcurrentLinkedQueue<Long> latencies;
        final List<ConcurrentLinkedQueue<Long>> phases;
        final AtomicInteger errors;
        final long deadline;
        /** 0: login, 1: the first pull to the end (the device's first sync), 2: the rounds after it. */
        int phase;

        Device(HttpTransport http, String login, String deviceId, ConcurrentLinkedQueue<Long> latencies,
               List<ConcurrentLinkedQueue<Long>> phases, AtomicInteger errors, long deadline) {
            this.http = http;
            this.login = login;
            this.deviceId = deviceId;
            this.latencies = latencies;
            this.phases = phases;
            this.errors = errors;
            this.deadline = deadline;
        }

        void run(int rounds) {
            try {
                ObjectNode b = Json.object();
                b.put("login", login);
                b.put("password", new String(SyncFixture.DEMO));
                b.putObject("device").put("id", deviceId).put("name", "load");
                WireResponse s = call("POST", "/api/v1/session", Map.of(), null, b);
                if (s == null || s.status() != 200) return;
                String token = s.jsonBody().path("token").asText(), replica = s.jsonBody().path("replica").asText();
                phase = 1;
                String cursor = null;
                List<String> households = new ArrayList<>();
                long seq = 0;
                for (int round = 0; round < rounds && System.nanoTime() < deadline; round++) {
                    if (round == 1) phase = 2;
                    for (int pages = 0; pages < 100; pages++) {
                        Map<String, String> q = new HashMap<>();
                        q.put("limit", "1000");
                        if (cursor != null) q.put("cursor", cursor);
                        WireResponse p = call("GET", "/api/v1/sync/pull", q, token, null);
                        if (p == null || p.status() != 200) break;
                        JsonNode page = p.jsonBody();
                        for (JsonNode c : page.path("changes"))
                            if (c.path("record").path("type").asText().equals("household")) households.add(c.path("record").path("id").asText());
                        cursor = page.path("cursor").asText();
                        if (!page.path("hasMore").asBoolean()) break;
                    }
                    if (!households.isEmpty()) {
                        ObjectNode push = Json.object();
                        push.put("replica", replica);
                        ArrayNode ms = push.putArray("mutations");
                        for (int i = 0; i < 5; i++) {
                            ObjectNode m = ms.addObject();
                            m.put("seq", ++seq);
                            m.put("type", "person");
                            m.put("id", UUID.randomUUID().toString());
                            m.put("op", "create");
                            m.putObject("ctx");
                            ObjectNode patch = m.putObject("patch");
                            String h = households.get(ThreadLocalRandom.current().nextInt(households.size()));
                            SyncFixture.person(h, "Charge", "D" + i).fields().forEachRemaining(e -> {
                                ObjectNode c = patch.putObject(e.getKey());
                                c.putNull("old");
                                c.set("new", e.getValue());
                            });
                            m.put("deviceTime", "2025-03-04T10:00:00+01:00");
                        }
                        if (round == 0) phase = 2; // the first pull is done: what follows is the device's ordinary traffic
                        call("POST", "/api/v1/sync/push", Map.of(), token, push);
                    }
                    phase = 2;
                    call("GET", "/api/v1/conflicts", Map.of(), token, null);
                    Thread.sleep(50 + ThreadLocalRandom.current().nextInt(200));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
        }

        WireResponse call(String method, String path, Map<String, String> query, String token, JsonNode body) {
            Map<String, String> h = new HashMap<>();
            if (token != null) h.put("authorization", "Bearer " + token);
            byte[] bytes = body == null ? new byte[0] : Json.write(body).getBytes(StandardCharsets.UTF_8);
            long t = System.nanoTime();
            try {
                WireResponse r = http.exchange(new WireRequest(method, path, query, h, bytes, null));
                latencies.add(System.nanoTime() - t);
                phases.get(phase).add(System.nanoTime() - t);
                if (r.status() != 200) errors.incrementAndGet();
                return r;
            } catch (Exception e) {
                latencies.add(System.nanoTime() - t);
                phases.get(phase).add(System.nanoTime() - t);
                errors.incrementAndGet();
                return null;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Result r = run(devices, 5, 50, 120);
        System.out.println(r);
    }
}
