package fr.carnet.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.server.Admin;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.store.Editor;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.store.Store;
import fr.carnet.sync.HttpTransport;
import fr.carnet.sync.SyncClient;
import fr.carnet.sync.SyncEngine;
import fr.carnet.sync.SyncFixture;
import fr.carnet.sync.SyncProgress;
import fr.carnet.sync.SyncResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * Sync benchmark over real HTTP on loopback, SQLite server, real encrypted laptop store. Prints a
 * Markdown table. Run: {@code ./mvnw -q test-compile exec:exec@bench -Dbench.args=…} with main class
 * fr.carnet.bench.SyncBench, or from the IDE.
 */
public final class SyncBench {
    /** Rows per second inserting these records, as synced records, into a fresh encrypted store: 500 per transaction. */
    static double rawInsertRate(Path file, List<Admin.Seed> seeds) {
        try (Store raw = Store.create(file, "bench passphrase".toCharArray())) {
            long t = System.nanoTime();
            for (int i = 0; i < seeds.size(); i += 500) {
                List<Admin.Seed> part = seeds.subList(i, Math.min(seeds.size(), i + 500));
                int base = i;
                raw.write(ctx -> {
                    java.util.Map<RecordType, List<StoredRecord>> byType = new java.util.EnumMap<>(RecordType.class);
                    for (int k = 0; k < part.size(); k++) {
                        Admin.Seed sd = part.get(k);
                        ObjectNode vv = fr.carnet.util.Json.object().put("s", base + k + 1);
                        byType.computeIfAbsent(sd.type(), x -> new ArrayList<>()).add(new StoredRecord(sd.type(), sd.id(), vv, false, null, List.of(),
                                SyncState.SYNCED, sd.fields(), SyncFixture.ADMIN, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
                    }
                    for (RecordType rt : RecordType.parentFirst()) RecordRepository.insertAll(ctx, rt, byType.getOrDefault(rt, List.of()));
                    return null;
                });
            }
            return seeds.size() / ((System.nanoTime() - t) / 1e9);
        }
    }

    /** The server in its own JVM (see {@link SyncBenchServer}), driven over its stdin/stdout. */
    static final class ServerProcess implements AutoCloseable {
        final Process process;
        final java.io.BufferedReader out;
        final java.io.PrintWriter in;
        final URI uri;

        ServerProcess(Path dir) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx2g"));
            // e.g. a profiler agent for the server's JVM
            String extra = System.getenv("BENCH_SERVER_OPTS");
            if (extra != null && !extra.isBlank()) cmd.addAll(List.of(extra.trim().split("\\s+")));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SyncBenchServer.class.getName(), dir.toString()));
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new java.io.PrintWriter(new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            uri = URI.create("http://127.0.0.1:" + expect("port")[1]);
        }

        String[] expect(String word) throws IOException {
            for (String l; (l = out.readLine()) != null; ) if (l.startsWith(word + " ")) return l.split(" ");
            throw new IOException("the benchmark server stopped");
        }

        /** Seeds n records of a sector in the server's own process; returns the seconds it took. */
        double seed(String sector, int n) throws IOException {
            in.println("seed " + sector + " " + n);
            return Double.parseDouble(expect("seeded")[2]);
        }

        @Override
        public void close() throws InterruptedException {
            in.println("quit");
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        }
    }

    /** The instants at which a sync entered each phase (nanoTime), from its progress callbacks. */
    static final class Phases implements SyncProgress {
        final Map<String, Long> first = new HashMap<>();

        @Override
        public void progress(String phase, int sent, int received) {
            first.putIfAbsent(phase, System.nanoTime());
        }

        long at(String phase) {
            return first.get(phase);
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** "median (min–max)" as the anchor prints it, in ms or s. */
    static String spread(List<Double> ms) {
        double lo = Collections.min(ms), hi = Collections.max(ms), med = median(ms);
        return med >= 1000 ? String.format("%.1f s (%.1f–%.1f)", med / 1000, lo / 1000, hi / 1000) : String.format("%.1f ms (%.1f–%.1f)", med, lo, hi);
    }

    /** Loads async-profiler's agent with a command into the server's JVM and this one (jcmd JVMTI.agent_load). */
    private static void profile(String lib, String command, long serverPid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (long pid : new long[] {serverPid, ProcessHandle.current().pid()}) {
            String c = command.replace("%s", pid == serverPid ? "server" : "laptop");
            if (c.contains("file=")) c = c.replace("file=", "file=" + Path.of("").toAbsolutePath() + "/");
            // one quoted string: jcmd would otherwise take the agent's "key=value" options as its own
            new ProcessBuilder(jcmd, Long.toString(pid), "JVMTI.agent_load " + lib + " \"" + c + "\"").inheritIO().start().waitFor();
        }
    }

    private static void print(List<String[]> rows) {
        System.out.println("| measure | Carnet | PouchDB anchor | note |");
        System.out.println("|---|---|---|---|");
        for (String[] row : rows) System.out.println("| " + String.join(" | ", row) + " |");
    }

    public static void main(String[] args) throws Exception {
        // numbers among the arguments: records, devices (run.sh also passes the anchors folder first)
        List<Integer> nums = new ArrayList<>();
        for (String a : args) if (a.matches("\\d+")) nums.add(Integer.parseInt(a));
        int big = nums.size() > 0 ? nums.get(0) : 100_000;
        int devices = nums.size() > 1 ? nums.get(1) : 200;
        // as the anchor: the median of RUNS runs (3 in its RESULTS.md), idle syncs the median of IDLE_RUNS
        int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "3"));
        int idleRuns = Integer.parseInt(System.getenv().getOrDefault("IDLE_RUNS", "10"));
        // PUSH_ONLY=1: one first sync, then only the push runs (for working on the push)
        boolean pushOnly = "1".equals(System.getenv("PUSH_ONLY"));
        Path dir = Files.createTempDirectory("carnet-bench");
        List<String[]> rows = new ArrayList<>();
        try (ServerProcess server = new ServerProcess(dir)) {
            double loadS = server.seed("nord", big);
            List<String> households = Files.readAllLines(dir.resolve("households-nord.txt"));
            List<Double> firstMs = new ArrayList<>(), loginMs = new ArrayList<>(), applyRates = new ArrayList<>();
            int received = 0;
            Store laptop = null;
            SyncEngine e = null;
            for (int run = 0; run < (pushOnly ? 1 : runs); run++) {
                if (laptop != null) laptop.close();
                // each run: a new laptop (new device, new replica) with an empty store
                laptop = Store.create(dir.resolve("laptop-" + run + ".db"), "bench passphrase".toCharArray());
                e = new SyncEngine(laptop, new SyncClient(new HttpTransport(server.uri), "as.martin", SyncFixture.DEMO, "bench-" + run));
                long[] applyNs = {0, 0};
                e.setFaultHook(p -> {
                    if (p.equals("pull.afterResponse")) applyNs[1] = System.nanoTime();
                    else if (p.equals("pull.afterCommit")) applyNs[0] += System.nanoTime() - applyNs[1];
                });
                Phases ph = new Phases();
                long t = System.nanoTime();
                SyncResult r = e.sync(ph);
                long end = System.nanoTime();
                e.setFaultHook(null);
                received = r.received();
                loginMs.add((ph.at("sync.phase.push") - t) / 1e6);
                firstMs.add((end - ph.at("sync.phase.push")) / 1e6);
                applyRates.add(r.received() / (applyNs[0] / 1e9));
            }
            double rawRate = rawInsertRate(dir.resolve("raw.db"), SyncBenchServer.seeds(true, big, new ArrayList<>()));
            rows.add(new String[] {"first sync, " + received + " records to an empty laptop (after its login)", spread(firstMs), "31 s",
                    String.format("%.0f records/s end to end; median of %d runs, each a new laptop", received / (median(firstMs) / 1000), runs)});
            rows.add(new String[] {"… the login before it (session, device registered)", spread(loginMs), "", "done once, when the worker signs in"});
            rows.add(new String[] {"apply on the laptop during the first sync", String.format("%.0f records/s", median(applyRates)), "",
                    String.format("%.0f %% of the raw encrypted insert of the same rows (%.0f rows/s, 500 per transaction); goal ≥ 50 %%", 100 * median(applyRates) / rawRate, rawRate)});
            List<Double> idle = new ArrayList<>();
            for (int i = 0; i < 3; i++) e.sync(SyncProgress.NONE);
            for (int i = 0; i < (pushOnly ? 0 : idleRuns); i++) {
                long t = System.nanoTime();
                e.sync(SyncProgress.NONE);
                idle.add((System.nanoTime() - t) / 1e6);
            }
            if (!idle.isEmpty()) rows.add(new String[] {"idle sync at " + received + " records", spread(idle), "8.7 ms", "push + pull + conflicts, nothing to do; median of " + idleRuns});
            // push: as the anchor's replicate.to, 10k new records sent and acknowledged; then the rest of that sync
            Editor ed = new Editor(laptop, SyncFixture.MARTIN, Role.AS);
            List<Double> pushMs = new ArrayList<>(), wholeMs = new ArrayList<>();
            int sent = 0;
            // PUSH_PROFILE=<libasyncProfiler.so>: profiles both JVMs (wall clock, per thread) over the push runs, into target/
            // One push before the measured ones, not counted: the anchor's server has taken the pushes of its
            // "first sync after pull" before its push is measured; this server had taken none (a server in
            // service has, and its JIT has compiled the push path). Its time is printed beside the row.
            for (int i = 0; i < 10_000; i++) ed.create(RecordType.PERSON, SyncFixture.person(households.get(i % households.size()), "Chaud", "C" + i));
            long w0 = System.nanoTime();
            e.sync(SyncProgress.NONE);
            double warmS = (System.nanoTime() - w0) / 1e9;
            String profiler = System.getenv("PUSH_PROFILE");
            if (profiler != null) profile(profiler, "start,event=wall,interval=1ms,threads", server.process.pid());
            for (int run = 0; run < runs; run++) {
                for (int i = 0; i < 10_000; i++) ed.create(RecordType.PERSON, SyncFixture.person(households.get(i % households.size()), "Neuf" + run, "N" + i));
                Phases ph = new Phases();
                long t = System.nanoTime();
                SyncResult p = e.sync(ph);
                long end = System.nanoTime();
                sent = p.sent();
                pushMs.add((ph.at("sync.phase.pull") - ph.at("sync.phase.push")) / 1e6);
                wholeMs.add((end - t) / 1e6);
            }
            if (profiler != null) profile(profiler, "stop,file=target/push-%s.collapsed", server.process.pid());
            rows.add(new String[] {"push of " + sent + " new records (sent and acknowledged, as the anchor's replicate.to)", spread(pushMs), "3.5 s",
                    String.format("batches of 500; median of %d, after one unmeasured push, this server's first (its whole sync: %.1f s)", runs, warmS)});
            rows.add(new String[] {"… the whole sync around it (push, then the pull that brings the 10k back with their server version)", spread(wholeMs), "", ""});
            laptop.close();
            if (pushOnly) {
                print(rows);
                return;
            }
            // idle sync at 1k: a worker of sector Sud with ~1k records
            server.seed("sud", 1000);
            try (Store small = Store.create(dir.resolve("laptop-sud.db"), "bench passphrase".toCharArray())) {
                SyncEngine s = new SyncEngine(small, new SyncClient(new HttpTransport(server.uri), "cesf.petit", SyncFixture.DEMO, "bench-sud"));
                SyncResult r = s.sync(SyncProgress.NONE);
                for (int i = 0; i < 3; i++) s.sync(SyncProgress.NONE);
                List<Double> idleSmall = new ArrayList<>();
                for (int i = 0; i < idleRuns * 5; i++) {
                    long t = System.nanoTime();
                    s.sync(SyncProgress.NONE);
                    idleSmall.add((System.nanoTime() - t) / 1e6);
                }
                rows.add(new String[] {"idle sync at " + r.received() + " records", spread(idleSmall), "8.7 ms", "median of " + idleRuns * 5});
            }
            rows.add(new String[] {"(server: its own JVM, SQLite file; in-process load of " + big + " records)", String.format("%.1f s", loadS), "", ""});
        }
        if (devices > 0) {
            // many devices against one server on PostgreSQL (embedded), loopback only: the contract's rate, open loop, and the old stress run
            rows.addAll(LoadTest.rows(devices));
        }
        print(rows);
        System.out.printf("%n(2 shared cores; the server in its own JVM on a SQLite file, as the anchor's server runs in its own process; encrypted laptop store: FULL for what is typed, NORMAL for what can be fetched again)%n");
    }
}
