package fr.carnet.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.cli.CarnetCli;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RGPD purge and retention over real HTTP on port 0, on SQLite and on embedded PostgreSQL: every
 * holder's next pull evicts what was purged, no server table keeps its content, a push to a purged
 * id is rejected and changes nothing, retention purges only old closed files.
 */
class PurgeIT {
    @org.junit.jupiter.api.io.TempDir static java.nio.file.Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void shareTempDir() {
        ServerApiTest.dir = dir;
    }

    static Stream<String> databases() {
        return Stream.of("sqlite", "postgres");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        ServerApiTest.stopPostgres();
        ServerApiTest.pg = null;
    }

    /** A server over HTTP on one database; the database URL is kept for the admin command. */
    static final class Env implements AutoCloseable {
        final String url;
        final ServerDb db;
        SyncApi api;
        SyncServer server;
        HttpTransport http;
        SyncFixture data;

        Env(String kind, Clock clock) throws Exception {
            url = ServerApiTest.url(kind);
            db = new ServerDb(url);
            start(clock);
            data = SyncFixture.load(api, 2, 7);
        }

        void start(Clock clock) {
            if (server != null) server.close();
            api = new SyncApi(db, SyncFixture.config().withClock(clock));
            server = new SyncServer(api, SyncFixture.config().withClock(clock));
            http = new HttpTransport(URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0)));
        }

        WireResponse call(String method, String path, Map<String, String> query, String token, String body) throws Exception {
            Map<String, String> h = new HashMap<>();
            if (token != null) h.put("authorization", "Bearer " + token);
            return http.exchange(new WireRequest(method, path, query, h, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), null));
        }

        Device login(String login) throws Exception {
            WireResponse r = call("POST", "/api/v1/session", Map.of(), null,
                    "{\"login\":\"" + login + "\",\"password\":\"demo\",\"device\":{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"L\"}}");
            assertThat(r.status()).isEqualTo(200);
            return new Device(this, r.jsonBody().get("token").asText(), r.jsonBody().get("replica").asText());
        }

        @Override
        public void close() {
            server.close();
            db.close();
        }
    }

    /** One laptop as the wire sees it: its token, replica, cursor and next seq. */
    static final class Device {
        final Env env;
        final String token, replica;
        String cursor;
        long seq = 1;

        Device(Env env, String token, String replica) {
            this.env = env;
            this.token = token;
            this.replica = replica;
        }

        /** Pulls every page from the device's cursor; returns the changes. */
        List<JsonNode> pull() throws Exception {
            List<JsonNode> out = new ArrayList<>();
            while (true) {
                Map<String, String> q = new HashMap<>();
                q.put("limit", "7");
                if (cursor != null) q.put("cursor", cursor);
                WireResponse r = env.call("GET", "/api/v1/sync/pull", q, token, null);
                assertThat(r.status()).isEqualTo(200);
                r.jsonBody().get("changes").forEach(out::add);
                cursor = r.jsonBody().get("cursor").asText();
                if (!r.jsonBody().get("hasMore").asBoolean()) return out;
            }
        }

        JsonNode push(String type, String id, String op, JsonNode ctx, String patch) throws Exception {
            String body = "{\"replica\":\"" + replica + "\",\"mutations\":[{\"seq\":" + seq++ + ",\"type\":\"" + type + "\",\"id\":\"" + id
                    + "\",\"op\":\"" + op + "\",\"ctx\":" + (ctx == null ? "{}" : Json.write(ctx)) + ",\"patch\":" + patch
                    + ",\"deviceTime\":\"2025-03-04T10:00:00+01:00\"}]}";
            WireResponse r = env.call("POST", "/api/v1/sync/push", Map.of(), token, body);
            assertThat(r.status()).isEqualTo(200);
            return r.jsonBody().get("results").get(0);
        }
    }

    static Map<String, JsonNode> upserts(List<JsonNode> changes) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode c : changes) if (c.get("kind").asText().equals("upsert")) out.put(c.get("record").get("id").asText(), c.get("record"));
        return out;
    }

    static Map<String, String> evicts(List<JsonNode> changes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : changes) {
            if (!c.get("kind").asText().equals("evict")) continue;
            assertThat(c.path("purged").asBoolean()).as("an evict of a purge says so").isTrue();
            out.put(c.get("id").asText(), c.get("type").asText());
        }
        return out;
    }

    /** Ids of the records under a household, from what a device holds. */
    static Map<String, String> under(Map<String, JsonNode> held, String household) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>(Set.of(household));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (JsonNode r : held.values()) {
                JsonNode f = r.get("fields");
                String id = r.get("id").asText();
                if (ids.contains(id)) continue;
                for (String p : List.of("householdId", "planId", "personId"))
                    if (f.has(p) && ids.contains(f.get(p).asText())) {
                        ids.add(id);
                        grew = true;
                    }
            }
        }
        for (JsonNode r : held.values()) if (ids.contains(r.get("id").asText())) out.put(r.get("id").asText(), r.get("type").asText());
        return out;
    }

    /** Every row of every srv_ table, as text, with its table name. */
    static List<String> allRows(ServerDb db) {
        return db.tx(ctx -> ctx.connectionResult(c -> {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "srv_%", new String[] {"TABLE"})) {
                while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables).contains("srv_record", "srv_version", "srv_mutation", "srv_conflict", "srv_proposal", "srv_audit", "srv_tombstone");
            List<String> rows = new ArrayList<>();
            for (String t : tables) {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder(t).append(':');
                        for (int i = 1; i <= n; i++) b.append(rs.getString(i)).append('|');
                        rows.add(b.toString());
                    }
                }
            }
            return rows;
        }));
    }

    static int run(String... args) {
        return new CarnetCli().run(List.of(args), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    static String runOut(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new CarnetCli().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(rc).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPurgedHouseholdIsEvictedFromEveryHolderErasedEverywhereAndNeverComesBack(String kind) throws Exception {
        try (Env env = new Env(kind, Clock.systemUTC())) {
            String h = env.data.nordHouseholds.get(0);
            Device martin = env.login("as.martin"), bernard = env.login("as.bernard"), garcia = env.login("sms.garcia");
            Device robert = env.login("pue.robert"), chef = env.login("chef.leroy"), petit = env.login("cesf.petit");
            Map<String, JsonNode> mHeld = upserts(martin.pull());
            bernard.pull();
            Map<String, JsonNode> gHeld = upserts(garcia.pull());
            chef.pull();
            petit.pull();
            // content that only this household has: a new person with a measurement, a conflicting
            // phone edit (the proposal stays with the conflict), and an audit entry with a detail
            String marker = "Zéphyrine" + UUID.randomUUID().toString().substring(0, 8);
            String person = uuid(), measurement = uuid();
            assertThat(martin.push("person", person, "create", null, "{\"householdId\":{\"old\":null,\"new\":\"" + h + "\"},"
                    + "\"lastName\":{\"old\":null,\"new\":\"" + marker + "\"},\"firstName\":{\"old\":null,\"new\":\"Ada\"},"
                    + "\"phone\":{\"old\":null,\"new\":\"0601" + marker.hashCode() + "\"}}").get("status").asText()).isEqualTo("applied");
            assertThat(robert.push("measurement", measurement, "create", null, "{\"personId\":{\"old\":null,\"new\":\"" + person + "\"},"
                    + "\"date\":{\"old\":null,\"new\":\"2025-02-01\"},\"weightKg\":{\"old\":null,\"new\":7.5},"
                    + "\"notes\":{\"old\":null,\"new\":\"note " + marker + "\"}}").get("status").asText()).isEqualTo("applied");
            String seeded = under(mHeld, h).entrySet().stream().filter(e -> e.getValue().equals("person")).findFirst().orElseThrow().getKey();
            JsonNode vv = mHeld.get(seeded).get("vv");
            assertThat(martin.push("person", seeded, "update", vv, "{\"phone\":{\"old\":\"0600000000\",\"new\":\"A" + marker + "\"}}")
                    .get("status").asText()).isEqualTo("applied");
            assertThat(bernard.push("person", seeded, "update", vv, "{\"phone\":{\"old\":\"0600000000\",\"new\":\"B" + marker + "\"}}")
                    .get("status").asText()).isEqualTo("conflict");
            assertThat(env.call("POST", "/api/v1/audit", Map.of(), martin.token, "{\"replica\":\"" + martin.replica + "\",\"entries\":[{\"seq\":1,"
                    + "\"at\":\"2026-01-05T10:00:00+01:00\",\"action\":\"PRINT\",\"recordType\":\"household\",\"recordId\":\"" + h
                    + "\",\"detail\":\"" + marker + "\"}]}").status()).isEqualTo(200);
            assertThat(allRows(env.db)).anyMatch(r -> r.contains(marker)); // the scan sees content while it is there
            martin.pull();
            Map<String, String> gone = under(upserts(new Device(env, martin.token, martin.replica).pull()), h);
            assertThat(gone).containsKeys(h, person, measurement, seeded).hasSizeGreaterThanOrEqualTo(7);

            int rc = run("server-admin", "--db", env.url, "purge", "household", h, "--reason", "demande d’effacement (art. 17)", "--by", "admin");
            assertThat(rc).isZero();

            // every holder's next pull evicts the household and each record under it, and brings none back
            for (Device d : List.of(martin, bernard, robert, chef)) {
                List<JsonNode> changes = d.pull();
                assertThat(evicts(changes)).as(d.replica).isEqualTo(new HashMap<>(gone));
                assertThat(upserts(changes).keySet()).doesNotContainAnyElementsOf(gone.keySet());
            }
            // the secretary: evicts only for what the role holds
            Map<String, String> gEvicts = evicts(garcia.pull());
            assertThat(gEvicts).containsEntry(h, "household").containsEntry(person, "person").doesNotContainKey(measurement);
            assertThat(gEvicts.values()).allMatch(t -> Set.of("household", "person", "contact", "visit").contains(t));
            assertThat(gEvicts.keySet()).containsAll(under(gHeld, h).keySet());
            // a worker of another sector hears nothing of it; a new laptop never receives it
            assertThat(petit.pull()).isEmpty();
            Map<String, JsonNode> fresh = upserts(env.login("as.martin").pull());
            assertThat(fresh.keySet()).doesNotContainAnyElementsOf(gone.keySet()).isNotEmpty();
            // a second purge of the same id is refused, nothing changes
            assertThat(run("server-admin", "--db", env.url, "purge", "household", h, "--reason", "again")).isEqualTo(1);

            // no table keeps any content of it; ids remain only as tombstones, push results, audit and scope events
            List<String> rows = allRows(env.db);
            assertThat(rows).noneMatch(r -> r.contains(marker));
            for (String id : gone.keySet()) {
                assertThat(rows.stream().filter(r -> r.contains(id)).map(r -> r.substring(0, r.indexOf(':'))))
                        .as(id).allMatch(t -> Set.of("srv_tombstone", "srv_mutation", "srv_audit", "srv_scope_event").contains(t));
            }
            assertThat(rows).filteredOn(r -> r.startsWith("srv_tombstone:")).hasSize(gone.size());
            assertThat(rows).filteredOn(r -> r.startsWith("srv_mutation:") && r.contains(seeded))
                    .allMatch(r -> r.contains("rejected") && !r.contains("fields"));
            assertThat(rows).filteredOn(r -> r.startsWith("srv_audit:") && r.contains("PURGE") && r.contains(h)).hasSize(1);

            // a later push to a purged id is rejected, and changes nothing
            List<String> before = allRows(env.db).stream().filter(r -> !r.startsWith("srv_mutation:") && !r.startsWith("srv_replica:")
                    && !r.startsWith("srv_session:")).toList();
            JsonNode upd = martin.push("person", seeded, "update", vv, "{\"phone\":{\"old\":\"0600000000\",\"new\":\"C" + marker + "\"}}");
            assertThat(upd.get("status").asText()).isEqualTo("rejected");
            assertThat(upd.get("reason").asText()).isEqualTo("forbidden");
            JsonNode again = martin.push("household", h, "create", null, "{\"sectorId\":{\"old\":null,\"new\":\"" + SyncFixture.NORD + "\"},"
                    + "\"label\":{\"old\":null,\"new\":\"" + marker + "\"}}");
            assertThat(again.get("status").asText()).isEqualTo("rejected");
            assertThat(again.get("reason").asText()).isEqualTo("forbidden");
            assertThat(martin.push("person", person, "undelete", null, "{}").get("reason").asText()).isEqualTo("forbidden");
            List<String> after = allRows(env.db).stream().filter(r -> !r.startsWith("srv_mutation:") && !r.startsWith("srv_replica:")
                    && !r.startsWith("srv_session:")).toList();
            assertThat(after).containsExactlyInAnyOrderElementsOf(before);
            assertThat(allRows(env.db)).noneMatch(r -> r.contains(marker));
            assertThat(martin.pull()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aPurgedPersonLeavesTheirHouseholdAndTheListsThatNamedThem(String kind) throws Exception {
        try (Env env = new Env(kind, Clock.systemUTC())) {
            String h = env.data.nordHouseholds.get(1);
            Device martin = env.login("as.martin"), robert = env.login("pue.robert");
            Map<String, JsonNode> held = upserts(martin.pull());
            robert.pull();
            Map<String, String> inH = under(held, h);
            List<String> persons = inH.entrySet().stream().filter(e -> e.getValue().equals("person")).map(Map.Entry::getKey).toList();
            String child = persons.get(0), sibling = persons.get(1);
            String contact = inH.entrySet().stream().filter(e -> e.getValue().equals("contact")).findFirst().orElseThrow().getKey();
            String marker = "Purge" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode linked = martin.push("contact", contact, "update", held.get(contact).get("vv"),
                    "{\"personIds\":{\"old\":null,\"new\":[\"" + child + "\",\"" + sibling + "\"]}}");
            assertThat(linked.get("status").asText()).isEqualTo("applied");
            String m = uuid(), sc = uuid();
            robert.push("measurement", m, "create", null, "{\"personId\":{\"old\":null,\"new\":\"" + child + "\"},"
                    + "\"date\":{\"old\":null,\"new\":\"2025-02-01\"},\"headCm\":{\"old\":null,\"new\":41.5},\"notes\":{\"old\":null,\"new\":\"" + marker + "\"}}");
            robert.push("screening", sc, "create", null, "{\"personId\":{\"old\":null,\"new\":\"" + child + "\"},"
                    + "\"date\":{\"old\":null,\"new\":\"2025-02-01\"},\"area\":{\"old\":null,\"new\":\"VISION\"},\"notes\":{\"old\":null,\"new\":\"" + marker + "\"}}");
            martin.pull();
            robert.pull();

            Purge.Result r = new Purge(env.api).person(child, "demande de la personne", SyncFixture.ADMIN);
            assertThat(r.records()).isEqualTo(3);

            JsonNode contactNow = null;
            for (Device d : List.of(martin, robert)) {
                List<JsonNode> changes = d.pull();
                assertThat(evicts(changes)).isEqualTo(Map.of(child, "person", m, "measurement", sc, "screening"));
                JsonNode c = upserts(changes).get(contact);
                assertThat(c).as("the contact, updated without the person").isNotNull();
                assertThat(SyncApi.list(c.get("fields").get("personIds"))).containsExactly(sibling);
                assertThat(upserts(changes)).doesNotContainKeys(child, m, sc, h);
                contactNow = c;
            }
            List<String> rows = allRows(env.db);
            assertThat(rows).noneMatch(x -> x.contains(marker));
            assertThat(rows).filteredOn(x -> x.startsWith("srv_record:") || x.startsWith("srv_version:") || x.startsWith("srv_conflict:"))
                    .noneMatch(x -> x.startsWith("srv_record:") && (x.contains(m) || x.contains(sc)) )
                    .noneMatch(x -> x.startsWith("srv_record:" + child));
            assertThat(rows).anyMatch(x -> x.startsWith("srv_record:" + h)); // the household stays
            // the person cannot be put back in a list, nor edited, nor re-created
            JsonNode relink = martin.push("contact", contact, "update", contactNow.get("vv"),
                    "{\"personIds\":{\"old\":[\"" + sibling + "\"],\"new\":[\"" + sibling + "\",\"" + child + "\"]}}");
            assertThat(relink.get("status").asText()).isEqualTo("rejected");
            assertThat(martin.push("person", child, "create", null, "{\"householdId\":{\"old\":null,\"new\":\"" + h + "\"},"
                    + "\"lastName\":{\"old\":null,\"new\":\"X\"},\"firstName\":{\"old\":null,\"new\":\"Y\"}}").get("reason").asText()).isEqualTo("forbidden");
            assertThat(martin.pull()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void retentionDryRunListsAndTheRealRunPurgesOnlyOldClosedFiles(String kind) throws Exception {
        Clock old = Clock.fixed(Instant.parse("2018-03-01T09:00:00Z"), ZoneOffset.UTC);
        try (Env env = new Env(kind, old)) {
            String oldClosed = env.data.nordHouseholds.get(0), oldOpen = env.data.nordHouseholds.get(1);
            String recentClosed = env.data.sudHouseholds.get(0), oldNoPlanStatus = env.data.sudHouseholds.get(1);
            Device martin = env.login("as.martin"), petit = env.login("cesf.petit");
            Map<String, JsonNode> nord = upserts(martin.pull()), sud = upserts(petit.pull());
            for (var e : List.of(Map.entry(martin, nord), Map.entry(petit, sud))) {
                for (JsonNode rec : e.getValue().values()) {
                    String hh = rec.get("fields").path("householdId").asText();
                    if (!rec.get("type").asText().equals("plan") || !(hh.equals(oldClosed) || hh.equals(recentClosed))) continue;
                    assertThat(e.getKey().push("plan", rec.get("id").asText(), "update", rec.get("vv"),
                            "{\"status\":{\"old\":null,\"new\":\"CLOSED\"},\"closedOn\":{\"old\":null,\"new\":\"2025-06-30\"},"
                                    + "\"closureReason\":{\"old\":null,\"new\":\"objectifs atteints\"}}")
                            .get("status").asText()).isEqualTo("applied");
                }
            }
            // years later, the Sud file closed back then has new activity
            env.start(Clock.systemUTC());
            Device petitNow = env.login("cesf.petit");
            Map<String, JsonNode> sudNow = upserts(petitNow.pull());
            assertThat(petitNow.push("household", recentClosed, "update", sudNow.get(recentClosed).get("vv"),
                    "{\"housing\":{\"old\":null,\"new\":\"logement social\"}}").get("status").asText()).isIn("applied", "merged");

            String dry = runOut("server-admin", "--db", env.url, "retention", "--dry-run");
            assertThat(dry).contains(oldClosed).doesNotContain(oldOpen).doesNotContain(recentClosed).doesNotContain(oldNoPlanStatus)
                    .contains("1 household files older than 5 years");
            assertThat(allRows(env.db)).noneMatch(r -> r.startsWith("srv_tombstone:"));
            // a longer setting keeps it; the default setting purges it
            assertThat(run("server-admin", "--db", env.url, "retention-years", "10")).isZero();
            assertThat(runOut("server-admin", "--db", env.url, "retention", "--dry-run")).doesNotContain(oldClosed);
            assertThat(run("server-admin", "--db", env.url, "retention-years", "0")).isNotZero();
            String real = runOut("server-admin", "--db", env.url, "retention", "--years", "5");
            assertThat(real).contains(oldClosed).contains("1 household files purged");

            Device martinNow = env.login("as.martin");
            Map<String, JsonNode> nordNow = upserts(martinNow.pull());
            assertThat(nordNow).doesNotContainKey(oldClosed).containsKey(oldOpen);
            Device martinLater = env.login("as.martin");
            martinLater.cursor = martin.cursor;
            assertThat(evicts(martinLater.pull())).containsEntry(oldClosed, "household").hasSize(under(nord, oldClosed).size());
            List<String> rows = allRows(env.db);
            assertThat(rows).filteredOn(r -> r.startsWith("srv_tombstone:")).hasSize(under(nord, oldClosed).size())
                    .allMatch(r -> r.contains(oldClosed));
            assertThat(rows).anyMatch(r -> r.startsWith("srv_record:" + recentClosed)).anyMatch(r -> r.startsWith("srv_record:" + oldNoPlanStatus));
            assertThat(rows).filteredOn(r -> r.startsWith("srv_audit:") && r.contains("PURGE")).hasSize(1);
        }
    }
}
