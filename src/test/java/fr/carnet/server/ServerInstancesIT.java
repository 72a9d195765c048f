package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server instances over one PostgreSQL database (the stateless deployment), over HTTP: an
 * edit made through one is pulled through the other at once and never in an older state; what
 * pull writes from the stored JSON text is the record as {@link ServerRecord#toWire} gives it,
 * for every role; concurrent pushes through both instances are applied exactly once each.
 */
class ServerInstancesIT {
    static EmbeddedPostgres pg;
    static int dbs;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    /** Two instances (each its own SyncApi, pool and HTTP server) over one fresh database. */
    record Pair(SyncServer one, SyncServer two, HttpTransport h1, HttpTransport h2) implements AutoCloseable {
        static Pair start() throws Exception {
            String name = "carnet_inst" + (++dbs);
            try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            String url = pg.getJdbcUrl("postgres", name);
            SyncApi a = new SyncApi(new ServerDb(url), SyncFixture.config());
            SyncFixture.load(a, 3, 5);
            SyncApi b = new SyncApi(new ServerDb(url), SyncFixture.config());
            SyncServer s1 = new SyncServer(a, SyncFixture.config()), s2 = new SyncServer(b, SyncFixture.config());
            HttpTransport h1 = new HttpTransport(URI.create("http://127.0.0.1:" + s1.start("127.0.0.1", 0)));
            HttpTransport h2 = new HttpTransport(URI.create("http://127.0.0.1:" + s2.start("127.0.0.1", 0)));
            return new Pair(s1, s2, h1, h2);
        }

        @Override
        public void close() {
            for (SyncServer s : List.of(one, two)) {
                s.close();
                s.api().db().close();
            }
        }
    }

    static WireResponse call(HttpTransport h, String method, String path, Map<String, String> query, String token, String body) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (token != null) headers.put("authorization", "Bearer " + token);
        return h.exchange(new WireRequest(method, path, query, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), null));
    }

    static JsonNode login(HttpTransport h, String login, String device) throws Exception {
        WireResponse r = call(h, "POST", "/api/v1/session", Map.of(), null,
                "{\"login\":\"" + login + "\",\"password\":\"demo\",\"device\":{\"id\":\"" + device + "\",\"name\":\"L\"}}");
        assertThat(r.status()).isEqualTo(200);
        return r.jsonBody();
    }

    /** A device's view: its cursor and the records it holds by id. */
    static final class View {
        String cursor;
        final Map<String, JsonNode> records = new HashMap<>();

        /** Pulls to the end; returns the records received. */
        List<JsonNode> pull(HttpTransport h, String token) throws Exception {
            List<JsonNode> got = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Map<String, String> q = new HashMap<>(Map.of("limit", "7"));
                if (cursor != null) q.put("cursor", cursor);
                WireResponse r = call(h, "GET", "/api/v1/sync/pull", q, token, null);
                assertThat(r.status()).isEqualTo(200);
                JsonNode page = r.jsonBody();
                for (JsonNode c : page.path("changes")) {
                    if (!c.path("kind").asText().equals("upsert")) continue;
                    records.put(c.path("record").path("id").asText(), c.path("record"));
                    got.add(c.path("record"));
                }
                cursor = page.path("cursor").asText();
                if (!page.path("hasMore").asBoolean()) return got;
            }
            throw new AssertionError("pull did not end");
        }
    }

    static String update(String replica, long seq, JsonNode record, String field, String old, String value) {
        return "{\"replica\":\"" + replica + "\",\"mutations\":[{\"seq\":" + seq + ",\"type\":\"person\",\"id\":\"" + record.path("id").asText()
                + "\",\"op\":\"update\",\"ctx\":" + Json.write(record.path("vv")) + ",\"patch\":{\"" + field + "\":{\"old\":" + (old == null ? "null" : "\"" + old + "\"")
                + ",\"new\":\"" + value + "\"}},\"deviceTime\":\"2025-03-04T10:00:00+01:00\"}]}";
    }

    static JsonNode firstPerson(View v) {
        return v.records.values().stream().filter(r -> r.path("type").asText().equals("person"))
                .min(java.util.Comparator.comparing(r -> r.path("id").asText())).orElseThrow();
    }

    @Test
    void anEditThroughOneInstanceIsPulledThroughTheOtherInItsNewestState() throws Exception {
        try (Pair p = Pair.start()) {
            JsonNode a = login(p.h1(), "as.martin", "dev-a"), b = login(p.h2(), "as.bernard", "dev-b");
            String ta = a.path("token").asText(), tb = b.path("token").asText();
            View va = new View(), vb = new View();
            va.pull(p.h1(), ta);
            vb.pull(p.h2(), tb);
            JsonNode person = firstPerson(va);
            String id = person.path("id").asText();
            long s0 = person.path("vv").path("s").asLong();
            // edited through instance one, pulled through instance two
            JsonNode r1 = call(p.h1(), "POST", "/api/v1/sync/push", Map.of(), ta, update(a.path("replica").asText(), 1, person, "phone", "0600000000", "0611111111")).jsonBody();
            assertThat(r1.path("results").get(0).path("status").asText()).isEqualTo("applied");
            List<JsonNode> got = vb.pull(p.h2(), tb);
            assertThat(got).extracting(r -> r.path("id").asText()).containsExactly(id);
            assertThat(got.get(0).path("fields").path("phone").asText()).isEqualTo("0611111111");
            long s1 = got.get(0).path("vv").path("s").asLong();
            assertThat(s1).isGreaterThan(s0);
            // edited again through instance two, on what it pulled: instance one serves the newest state, not the one it wrote
            JsonNode r2 = call(p.h2(), "POST", "/api/v1/sync/push", Map.of(), tb, update(b.path("replica").asText(), 1, got.get(0), "phone", "0611111111", "0622222222")).jsonBody();
            assertThat(r2.path("results").get(0).path("status").asText()).isEqualTo("applied");
            got = va.pull(p.h1(), ta);
            assertThat(got).extracting(r -> r.path("id").asText()).containsExactly(id);
            assertThat(got.get(0).path("fields").path("phone").asText()).isEqualTo("0622222222");
            assertThat(got.get(0).path("vv").path("s").asLong()).isGreaterThan(s1);
            // a fresh device on either instance gets the newest state only
            for (HttpTransport h : List.of(p.h1(), p.h2())) {
                View fresh = new View();
                fresh.pull(h, login(h, "as.martin", "dev-fresh-" + UUID.randomUUID()).path("token").asText());
                assertThat(fresh.records.get(id).path("fields").path("phone").asText()).isEqualTo("0622222222");
                assertThat(fresh.records.get(id).path("vv").path("s").asLong()).isEqualTo(got.get(0).path("vv").path("s").asLong());
            }
        }
    }

    @Test
    void pulledRecordsAreTheStoredRecordsOnTheWireForEveryRole() throws Exception {
        try (Pair p = Pair.start()) {
            // an open conflict (its fields on the wire too) and a confidential field
            JsonNode a = login(p.h1(), "as.martin", "dev-a"), b = login(p.h2(), "as.bernard", "dev-b");
            View va = new View();
            va.pull(p.h1(), a.path("token").asText());
            JsonNode person = firstPerson(va);
            call(p.h1(), "POST", "/api/v1/sync/push", Map.of(), a.path("token").asText(), update(a.path("replica").asText(), 1, person, "phone", "0600000000", "0611111111"));
            JsonNode c = call(p.h2(), "POST", "/api/v1/sync/push", Map.of(), b.path("token").asText(),
                    update(b.path("replica").asText(), 1, person, "phone", "0600000000", "0633333333")).jsonBody();
            assertThat(c.path("results").get(0).path("status").asText()).isEqualTo("conflict");
            int conflicted = 0;
            for (String login : List.of("as.martin", "sms.garcia", "chef.leroy", "cesf.petit", "pue.robert")) {
                HttpTransport h = login.length() % 2 == 0 ? p.h1() : p.h2();
                JsonNode s = login(h, login, "dev-" + login);
                Role role = Role.valueOf(s.path("worker").path("role").asText());
                View v = new View();
                v.pull(h, s.path("token").asText());
                assertThat(v.records).isNotEmpty();
                for (JsonNode wire : v.records.values()) {
                    ObjectNode stored = p.one().api().db().tx(ctx -> ServerRecord.load(ctx, wire.path("id").asText())).toWire(role);
                    assertThat(Json.write(wire)).isEqualTo(Json.write(stored)); // the same JSON, byte for byte
                    if (!wire.path("conflict").isNull()) conflicted++;
                    if (role == Role.SMS) assertThat(wire.path("fields").has("summary")).isFalse();
                }
            }
            assertThat(conflicted).isGreaterThan(0);
        }
    }

    @Test
    void concurrentPushesThroughBothInstancesAreAppliedOnceEach() throws Exception {
        try (Pair p = Pair.start()) {
            View first = new View();
            first.pull(p.h1(), login(p.h1(), "as.martin", "dev-h").path("token").asText());
            String household = first.records.values().stream().filter(r -> r.path("type").asText().equals("household")).findFirst().orElseThrow().path("id").asText();
            ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>(), failures = new ConcurrentLinkedQueue<>();
            int devices = 16, batches = 3, perBatch = 5;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int d = 0; d < devices; d++) {
                    HttpTransport h = d % 2 == 0 ? p.h1() : p.h2();
                    String device = "dev-" + d;
                    pool.submit(() -> {
                        try {
                            JsonNode s = login(h, d(device), device);
                            String token = s.path("token").asText(), replica = s.path("replica").asText();
                            long seq = 0;
                            for (int k = 0; k < batches; k++) {
                                StringBuilder body = new StringBuilder("{\"replica\":\"" + replica + "\",\"mutations\":[");
                                List<String> ids = new ArrayList<>();
                                for (int i = 0; i < perBatch; i++) {
                                    String id = UUID.randomUUID().toString();
                                    ids.add(id);
                                    if (i > 0) body.append(',');
                                    body.append("{\"seq\":").append(++seq).append(",\"type\":\"person\",\"id\":\"").append(id).append("\",\"op\":\"create\",\"ctx\":{},\"patch\":{")
                                            .append("\"householdId\":{\"old\":null,\"new\":\"").append(household).append("\"},")
                                            .append("\"lastName\":{\"old\":null,\"new\":\"Charge\"},\"firstName\":{\"old\":null,\"new\":\"P").append(i).append("\"}},")
                                            .append("\"deviceTime\":\"2025-03-04T10:00:00+01:00\"}");
                                }
                                body.append("]}");
                                WireResponse r = call(h, "POST", "/api/v1/sync/push", Map.of(), token, body.toString());
                                if (r.status() != 200) failures.add("status " + r.status());
                                for (JsonNode res : r.jsonBody().path("results"))
                                    if (!res.path("status").asText().equals("applied")) failures.add(res.toString());
                                // the same batch again: replayed, nothing new
                                WireResponse again = call(h, "POST", "/api/v1/sync/push", Map.of(), token, body.toString());
                                for (JsonNode res : again.jsonBody().path("results"))
                                    if (!res.path("status").asText().equals("duplicate")) failures.add("replay " + res.path("status").asText());
                                created.addAll(ids);
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                        return null;
                    });
                }
                pool.shutdown();
                assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(failures).isEmpty();
            assertThat(created).hasSize(devices * batches * perBatch);
            // every create is there once, with its own server version, on both instances
            for (HttpTransport h : List.of(p.h1(), p.h2())) {
                View v = new View();
                v.pull(h, login(h, "chef.leroy", "dev-check-" + UUID.randomUUID()).path("token").asText());
                assertThat(v.records.keySet()).containsAll(created);
                Set<Long> versions = new HashSet<>();
                for (String id : created) versions.add(v.records.get(id).path("vv").path("s").asLong());
                assertThat(versions).hasSize(created.size());
            }
        }
    }

    /** Devices of both workers of sector Nord. */
    private static String d(String device) {
        return device.hashCode() % 2 == 0 ? "as.martin" : "as.bernard";
    }
}
