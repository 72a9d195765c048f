package fr.carnet.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.server.Admin;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.WireRequest;
import fr.carnet.sync.WireResponse;
import fr.carnet.util.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.concurrent.locks.LockSupport;

/**
 * Many simulated devices against one sync server on (embedded) PostgreSQL, over HTTP on loopback.
 * The server (Javalin + PostgreSQL driver) runs in this JVM, the devices in a second JVM (its own
 * GC and JIT, so the generator's allocations do not pause the server and a profile of this
 * process shows the server only; both still share the machine's cores). Two organisations:
 * {@code sectors} (one laptop per worker, 10 workers per sector: the faithful one) and {@code demo}
 * (the 6 demo accounts shared by all devices: every change goes to ~170 devices). Two models:
 * <ul>
 * <li><b>contract</b> (open loop): the devices log in spread evenly over a window (laptops
 * opened in the morning), each first pulls its whole scope, then syncs on a fixed schedule —
 * pull to the end, push 5 new persons, list its conflicts — every {@link #PERIOD_MS} ms, which
 * keeps each device at or under SYNC.md's ceiling of 100 sync calls per minute. Latency is taken
 * from the time a sync was <i>scheduled</i>, not from when it could be sent: a slow server cannot
 * hide the queue it causes (no coordinated omission). The later calls of a sync depend on the
 * previous answer and are timed from it; the whole sync is timed from its schedule too.</li>
 * <li><b>stress</b> (closed loop, the original test): every device logs in at once, then runs
 * 5 rounds of pull, push 5, conflicts with a 50–250 ms pause: about 10× the contract's rate per
 * device when the server keeps up. Latency from the send.</li>
 * </ul>
 * Errors are anything but 200, or no answer.
 */
final class LoadTest {
    /** The period of a device's sync in the contract model: 3 calls (one pull page) every 2 s = 90 calls/min. */
    static final long PERIOD_MS = 2000;
    static final int LOGIN_WINDOW_S = 20, STEADY_S = 40;
    private static final String[] LOGINS = {"as.martin", "as.bernard", "cesf.petit", "pue.robert", "chef.leroy", "sms.garcia"};
    /** The "sectors" organisation: one laptop per worker, 10 workers per sector, each sector with 25 households. */
    static final int WORKERS_PER_SECTOR = 10, HOUSEHOLDS_PER_SECTOR = 25;
    private static final Role[] SECTOR_ROLES = {Role.AS, Role.AS, Role.AS, Role.AS, Role.CESF, Role.CESF, Role.EDUCATEUR, Role.PUERICULTRICE,
            Role.SMS, Role.SUPERVISOR};

    /**
     * Who the devices are. {@code demo}: the fixture's 6 demo accounts in 2 sectors, the devices
     * taking them in turn (about 33 laptops per account, every change pulled by ~170 devices).
     * {@code sectors}: one laptop per worker, as in an organisation of that size: devices / 10
     * sectors of 10 workers (4 AS, 2 CESF, an educator, a puéricultrice, an SMS, a supervisor).
     */
    static String login(String org, int device) {
        return org.equals("sectors") ? String.format("w%03d", device) : LOGINS[device % LOGINS.length];
    }

    /** Loads the organisation {@code org} for {@code devices} devices. */
    static void organise(SyncApi api, String org, int devices) {
        SyncFixture.load(api, org.equals("sectors") ? 0 : 50, 11);
        if (!org.equals("sectors")) return;
        Admin a = new Admin(api);
        java.util.Random rnd = new java.util.Random(11);
        List<Admin.Seed> seeds = new ArrayList<>();
        for (int k = 0; k * WORKERS_PER_SECTOR < devices; k++) {
            String sector = new UUID(0x5EC7, k).toString();
            a.sector(sector, "Secteur " + k, null);
            for (int i = 0; i < WORKERS_PER_SECTOR && k * WORKERS_PER_SECTOR + i < devices; i++) {
                int d = k * WORKERS_PER_SECTOR + i;
                a.worker(new UUID(0xB0B, d).toString(), login("sectors", d), "Agent " + d, SECTOR_ROLES[i], java.util.Set.of(sector), SyncFixture.DEMO);
            }
            for (int h = 0; h < HOUSEHOLDS_PER_SECTOR; h++) {
                String hid = new UUID(rnd.nextLong(), rnd.nextLong()).toString();
                seeds.add(new Admin.Seed(RecordType.HOUSEHOLD, hid, SyncFixture.household(sector, "Famille " + k + "-" + h)));
                for (int p = 0; p < 2; p++)
                    seeds.add(new Admin.Seed(RecordType.PERSON, UUID.randomUUID().toString(), SyncFixture.person(hid, "Nom" + h, "Prénom" + p)));
                ObjectNode c = Json.object();
                c.put("householdId", hid);
                c.put("date", "2025-03-04T10:00:00+01:00");
                c.put("mode", "RECEPTION");
                c.put("summary", "Entretien confidentiel " + h);
                seeds.add(new Admin.Seed(RecordType.CONTACT, UUID.randomUUID().toString(), c));
                ObjectNode plan = Json.object();
                plan.put("householdId", hid);
                plan.put("startDate", "2025-01-01");
                plan.put("plannedEndDate", "2025-12-31");
                seeds.add(new Admin.Seed(RecordType.PLAN, UUID.randomUUID().toString(), plan));
            }
        }
        a.load(seeds, SyncFixture.ADMIN);
    }
    private static final String[] PHASES = {"login", "first pull", "ordinary traffic", "whole sync (from its schedule)"};

    /** The latencies of one kind of request. */
    record Phase(int requests, double p50, double p95, double p99, double max) {
        static Phase of(java.util.Collection<Long> ns) {
            List<Long> l = new ArrayList<>(ns);
            Collections.sort(l);
            return new Phase(l.size(), pct(l, 50), pct(l, 95), pct(l, 99), l.isEmpty() ? 0 : l.get(l.size() - 1) / 1e6);
        }

        @Override
        public String toString() {
            return String.format("%d: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (max %.0f ms)", requests, p50, p95, p99, max);
        }
    }

    /** One run: per phase latencies, errors, throughput, and the calls each device made per minute. */
    record Result(String model, int devices, int requests, int errors, double seconds, double throughput, double callsPerDeviceMinute,
                  Phase login, Phase catchUp, Phase steady, Phase sync, Phase all, String failure) {
        /** The Markdown rows of this run for a result table (measure | Carnet | anchor | note). */
        List<String[]> rows(String label, String note) {
            List<String[]> out = new ArrayList<>();
            out.add(new String[] {label + ": " + devices + " devices, PostgreSQL, " + requests + " requests in " + String.format("%.0f s", seconds),
                    requests == 0 || failure != null || errors >= requests
                            ? String.format("**FAILED**: %d requests, %d errors (first: %s)", requests, errors, failure)
                            : String.format("%.0f requests/s, %d errors", throughput, errors), "", note});
            out.add(new String[] {"… logins", login.toString(), "", "PBKDF2 at the test fixture’s 1,000 iterations"});
            out.add(new String[] {"… first pull of each device’s whole scope", catchUp.toString(), "", ""});
            out.add(new String[] {"… ordinary traffic (pull, push 5, conflicts)", steady.toString(), "",
                    String.format("goal p99 ≤ 200 ms, no error; %.0f calls/min per device", callsPerDeviceMinute)});
            if (sync.requests() > 0) out.add(new String[] {"… whole sync, from its scheduled start", sync.toString(), "", "open loop"});
            out.add(new String[] {"… every request of the run (logins, first pulls, ordinary traffic)", all.toString(), "", ""});
            return out;
        }

        String toLine() {
            ObjectNode n = Json.MAPPER.valueToTree(this);
            return Json.write(n);
        }
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    /**
     * Starts an embedded PostgreSQL and a server on it with the fixture's organisation, runs the
     * devices of {@code model} ("contract" or "stress") in a second JVM against it, and returns
     * what they measured.
     */
    static Result run(String model, String org, int devices) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            return run(pg, model, org, devices);
        }
    }

    /** The three runs of the table, each on a fresh database of one embedded PostgreSQL. */
    static List<Result> all(int devices) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            return List.of(run(pg, "contract", "sectors", devices), run(pg, "contract", "demo", devices), run(pg, "stress", "demo", devices));
        }
    }

    private static Result run(EmbeddedPostgres pg, String model, String org, int devices) throws Exception {
        String dbName = "carnet_load_" + model + "_" + org;
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + dbName);
        }
        SyncApi api = new SyncApi(new ServerDb(pg.getJdbcUrl("postgres", dbName)), SyncFixture.config());
        organise(api, org, devices);
        SyncServer server = new SyncServer(api, SyncFixture.config());
        URI uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    LoadTest.class.getName(), "generate", model, uri.toString(), String.valueOf(devices), org));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String result = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) if (line.startsWith("RESULT ")) result = line.substring(7);
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) p.destroyForcibly();
            if (result == null) throw new IllegalStateException("the load generator gave no result (exit " + p.exitValue() + ")");
            return Json.MAPPER.readValue(result, Result.class);
        } finally {
            server.close();
            api.db().close();
        }
    }

    /** What the devices record: latencies per phase, and errors. */
    private static final class Recorder {
        final List<ConcurrentLinkedQueue<Long>> phases = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(),
                new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        final AtomicInteger errors = new AtomicInteger(), requests = new AtomicInteger();
        /** The first failure that ended a device (its class only), or null. */
        final java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        final HttpTransport http;

        Recorder(URI uri) {
            this.http = new HttpTransport(uri);
        }

        /** One call; its latency from {@code since} (a nanoTime: the send, or the time it was scheduled). */
        WireResponse call(int phase, long since, String method, String path, Map<String, String> query, String token, JsonNode body) {
            Map<String, String> h = new HashMap<>();
            if (token != null) h.put("authorization", "Bearer " + token);
            byte[] bytes = body == null ? new byte[0] : Json.write(body).getBytes(StandardCharsets.UTF_8);
            if (since == 0) since = System.nanoTime();
            requests.incrementAndGet();
            try {
                WireResponse r = http.exchange(new WireRequest(method, path, query, h, bytes, null));
                phases.get(phase).add(System.nanoTime() - since);
                if (r.status() != 200) errors.incrementAndGet();
                return r;
            } catch (Exception e) {
                phases.get(phase).add(System.nanoTime() - since);
                errors.incrementAndGet();
                return null;
            }
        }

        Result result(String model, int devices, double seconds, double deviceMinutes) {
            return new Result(model, devices, requests.get(), errors.get(), seconds, requests.get() / seconds, requests.get() / deviceMinutes,
                    Phase.of(phases.get(0)), Phase.of(phases.get(1)), Phase.of(phases.get(2)), Phase.of(phases.get(3)),
                    Phase.of(java.util.stream.Stream.of(phases.get(0), phases.get(1), phases.get(2)).flatMap(java.util.Collection::stream).toList()),
                    failure.get());
        }

        /** A device ended by a failure (an Error too: a task that dies silently must not read as "0 errors"). */
        void failed(Throwable e) {
            errors.incrementAndGet();
            failure.compareAndSet(null, e.getClass().getName());
        }
    }

    /** The protocol as one simulated laptop speaks it (no local store: the server is what is measured). */
    private static final class Device {
        final Recorder rec;
        final String login, deviceId;
        String token, replica, cursor;
        final List<String> households = new ArrayList<>();
        long seq;

        Device(Recorder rec, String login, String deviceId) {
            this.rec = rec;
            this.login = login;
            this.deviceId = deviceId;
        }

        boolean login(long since) {
            ObjectNode b = Json.object();
            b.put("login", login);
            b.put("password", new String(SyncFixture.DEMO));
            b.putObject("device").put("id", deviceId).put("name", "load");
            WireResponse s = rec.call(0, since, "POST", "/api/v1/session", Map.of(), null, b);
            if (s == null || s.status() != 200) return false;
            token = s.jsonBody().path("token").asText();
            replica = s.jsonBody().path("replica").asText();
            return true;
        }

        /** Pulls to the end; the first call timed from {@code since}. The first pull keeps the household ids. */
        boolean pullToEnd(int phase, long since) throws java.io.IOException {
            for (int pages = 0; pages < 100; pages++) {
                Map<String, String> q = new HashMap<>();
                q.put("limit", "1000");
                if (cursor != null) q.put("cursor", cursor);
                WireResponse p = rec.call(phase, pages == 0 ? since : 0, "GET", "/api/v1/sync/pull", q, token, null);
                if (p == null || p.status() != 200) return false;
                if (!readPage(p.body(), households.isEmpty())) return true;
            }
            return true;
        }

        /** Reads the cursor and hasMore of a page (and the household ids if asked), skipping the rest unparsed. */
        private boolean readPage(byte[] body, boolean keepHouseholds) throws java.io.IOException {
            if (keepHouseholds) {
                JsonNode page = Json.MAPPER.readTree(body);
                for (JsonNode c : page.path("changes"))
                    if (c.path("record").path("type").asText().equals("household")) households.add(c.path("record").path("id").asText());
                cursor = page.path("cursor").asText();
                return page.path("hasMore").asBoolean();
            }
            boolean more = false;
            try (JsonParser jp = Json.MAPPER.getFactory().createParser(body)) {
                jp.nextToken();
                while (jp.nextToken() == JsonToken.FIELD_NAME) {
                    String name = jp.currentName();
                    JsonToken t = jp.nextToken();
                    if (name.equals("cursor")) cursor = jp.getText();
                    else if (name.equals("hasMore")) more = t == JsonToken.VALUE_TRUE;
                    else jp.skipChildren();
                }
            }
            return more;
        }

        void push(int phase, long since) {
            if (households.isEmpty()) return;
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
                SyncFixture.person(h, "Charge", "D" + i).properties().forEach(e -> {
                    ObjectNode c = patch.putObject(e.getKey());
                    c.putNull("old");
                    c.set("new", e.getValue());
                });
                m.put("deviceTime", "2025-03-04T10:00:00+01:00");
            }
            rec.call(phase, since, "POST", "/api/v1/sync/push", Map.of(), token, push);
        }

        void conflicts(int phase, long since) {
            rec.call(phase, since, "GET", "/api/v1/conflicts", Map.of(), token, null);
        }
    }

    /**
     * Contract model, open loop: device {@code d} logs in at {@code d × window / devices}, pulls
     * its scope, then syncs at login + k × period until the end of the steady window.
     */
    static Result contract(URI uri, int devices, String org) throws Exception {
        Recorder rec = new Recorder(uri);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long window = TimeUnit.SECONDS.toNanos(LOGIN_WINDOW_S), period = TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
        long end = t0 + window + TimeUnit.SECONDS.toNanos(STEADY_S);
        AtomicInteger unfinished = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int d = 0; d < devices; d++) {
                Device dev = new Device(rec, login(org, d), "load-" + d + "-" + UUID.randomUUID());
                long at = t0 + window * d / devices;
                pool.submit(() -> {
                    try {
                        sleepUntil(at);
                        if (!dev.login(at)) return;
                        if (!dev.pullToEnd(1, 0)) return;
                        for (long k = 1; at + k * period < end; k++) {
                            long scheduled = at + k * period;
                            sleepUntil(scheduled); // when late, starts at once: its latency counts from the schedule
                            if (dev.pullToEnd(2, scheduled)) {
                                dev.push(2, 0);
                                dev.conflicts(2, 0);
                            }
                            rec.phases.get(3).add(System.nanoTime() - scheduled);
                        }
                    } catch (Throwable e) {
                        rec.failed(e);
                    }
                    return;
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(LOGIN_WINDOW_S + STEADY_S + 120, TimeUnit.SECONDS)) unfinished.set(1);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        // device-minutes online: each device from its login to the end
        double deviceMinutes = 0;
        for (int d = 0; d < devices; d++) deviceMinutes += (end - (t0 + window * d / devices)) / 60e9;
        return rec.result("contract", devices, secs, deviceMinutes);
    }

    /** The original closed loop: all log in at once, then 5 × (pull, push 5, conflicts, pause 50–250 ms), within 120 s. */
    static Result stress(URI uri, int devices, String org) throws Exception {
        Recorder rec = new Recorder(uri);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int d = 0; d < devices; d++) {
                Device dev = new Device(rec, login(org, d), "load-" + d + "-" + UUID.randomUUID());
                pool.submit(() -> {
                    try {
                        if (!dev.login(0)) return;
                        for (int round = 0; round < 5 && System.nanoTime() < deadline; round++) {
                            if (!dev.pullToEnd(round == 0 ? 1 : 2, 0)) continue;
                            dev.push(2, 0);
                            dev.conflicts(2, 0);
                            Thread.sleep(50 + ThreadLocalRandom.current().nextInt(200));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Throwable e) {
                        rec.failed(e);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(150, TimeUnit.SECONDS);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return rec.result("stress", devices, secs, devices * secs / 60);
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
    }

    /** The result table's rows for both models. */
    static List<String[]> rows(int devices) throws Exception {
        List<Result> rs = all(devices);
        String schedule = "logins spread over " + LOGIN_WINDOW_S + " s, then each device syncs every " + PERIOD_MS / 1000.0
                + " s (pull to the end, push 5, conflicts) for " + STEADY_S + " s; latency from the schedule";
        List<String[]> out = new ArrayList<>();
        out.addAll(rs.get(0).rows("contract: open loop at the contract’s ceiling, one laptop per worker, " + devices / WORKERS_PER_SECTOR + " sectors of "
                + WORKERS_PER_SECTOR, schedule));
        out.addAll(rs.get(1).rows("contract, the 6 demo accounts shared by all devices (each change pulled by ~170 devices)", schedule));
        out.addAll(rs.get(2).rows("stress: 10× the contract’s per-device rate, the 6 demo accounts",
                "closed loop, the original test: all log in at once, 5 × (pull, push 5, conflicts, pause 50–250 ms); latency from the send"));
        return out;
    }

    /**
     * {@code LoadTest [devices] [all | contract [sectors|demo] | stress [demo|sectors]]}: server here, devices in a second JVM.
     * {@code LoadTest generate <model> <uri> <devices> <org>}: the devices (what the second JVM runs).
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("generate")) {
            URI uri = URI.create(args[2]);
            int devices = Integer.parseInt(args[3]);
            String org = args.length > 4 ? args[4] : "demo";
            Result r = args[1].equals("stress") ? stress(uri, devices, org) : contract(uri, devices, org);
            System.out.println("RESULT " + r.toLine());
            System.exit(0);
        }
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String what = args.length > 1 ? args[1] : "all";
        String org = args.length > 2 ? args[2] : what.equals("contract") ? "sectors" : "demo";
        List<String[]> rows;
        if (what.equals("all")) rows = rows(devices);
        else rows = run(what, org, devices).rows(what + ", " + org, "");
        System.out.println("| measure | Carnet | PouchDB anchor | note |");
        System.out.println("|---|---|---|---|");
        for (String[] row : rows) System.out.println("| " + String.join(" | ", row) + " |");
    }
}
