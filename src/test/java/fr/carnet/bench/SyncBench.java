package fr.carnet.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.server.Admin;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    public static void main(String[] args) throws Exception {
        // numbers among the arguments: records, devices (run.sh also passes the anchors folder first)
        List<Integer> nums = new ArrayList<>();
        for (String a : args) if (a.matches("\\d+")) nums.add(Integer.parseInt(a));
        int big = nums.size() > 0 ? nums.get(0) : 100_000;
        int devices = nums.size() > 1 ? nums.get(1) : 200;
        Path dir = Files.createTempDirectory("carnet-bench");
        List<String[]> rows = new ArrayList<>();
        SyncApi api = new SyncApi(new ServerDb(ServerDb.sqliteUrl(dir.resolve("server.db"))), SyncFixture.config());
        SyncFixture.load(api, 0, 1);
        // big: households of 1 + 4 persons in sector Nord
        List<Admin.Seed> seeds = new ArrayList<>();
        List<String> households = new ArrayList<>();
        for (int i = 0; seeds.size() < big; i++) {
            String h = UUID.randomUUID().toString();
            households.add(h);
            seeds.add(new Admin.Seed(RecordType.HOUSEHOLD, h, SyncFixture.household(SyncFixture.NORD, "Famille " + i)));
            for (int k = 0; k < 4 && seeds.size() < big; k++)
                seeds.add(new Admin.Seed(RecordType.PERSON, UUID.randomUUID().toString(), SyncFixture.person(h, "Nom" + i, "P" + k)));
        }
        long t = System.nanoTime();
        new Admin(api).load(seeds, SyncFixture.ADMIN);
        double loadS = (System.nanoTime() - t) / 1e9;
        SyncServer server = new SyncServer(api, SyncFixture.config());
        URI uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        try (Store laptop = Store.create(dir.resolve("laptop.db"), "bench passphrase".toCharArray())) {
            SyncEngine e = new SyncEngine(laptop, new SyncClient(new HttpTransport(uri), "as.martin", SyncFixture.DEMO, "bench"));
            long[] applyNs = {0, 0};
            e.setFaultHook(p -> {
                if (p.equals("pull.afterResponse")) applyNs[1] = System.nanoTime();
                else if (p.equals("pull.afterCommit")) applyNs[0] += System.nanoTime() - applyNs[1];
            });
            t = System.nanoTime();
            SyncResult r = e.sync(SyncProgress.NONE);
            double first = (System.nanoTime() - t) / 1e9;
            e.setFaultHook(null);
            double applyRate = r.received() / (applyNs[0] / 1e9);
            double rawRate = rawInsertRate(dir.resolve("raw.db"), seeds);
            rows.add(new String[] {"first sync, " + r.received() + " records to an empty laptop", String.format("%.1f s", first), "31 s",
                    String.format("%.0f records/s applied end to end", r.received() / first)});
            rows.add(new String[] {"apply on the laptop during the first sync", String.format("%.0f records/s", applyRate), "",
                    String.format("%.0f %% of the raw encrypted insert of the same rows (%.0f rows/s, 500 per transaction); goal ≥ 50 %%", 100 * applyRate / rawRate, rawRate)});
            t = System.nanoTime();
            int idleN = 20;
            for (int i = 0; i < idleN; i++) e.sync(SyncProgress.NONE);
            rows.add(new String[] {"idle sync at " + r.received() + " records", String.format("%.1f ms", (System.nanoTime() - t) / 1e6 / idleN), "8.7 ms", "push + pull + conflicts, nothing to do"});
            Editor ed = new Editor(laptop, SyncFixture.MARTIN, Role.AS);
            for (int i = 0; i < 10_000; i++) ed.create(RecordType.PERSON, SyncFixture.person(households.get(i % households.size()), "Neuf", "N" + i));
            t = System.nanoTime();
            SyncResult p = e.sync(SyncProgress.NONE);
            rows.add(new String[] {"push of " + p.sent() + " new records", String.format("%.1f s", (System.nanoTime() - t) / 1e9), "3.5 s", "batches of 500"});
        }
        // idle sync at 1k: a worker of sector Sud with ~1k records
        List<Admin.Seed> sud = new ArrayList<>();
        for (int i = 0; sud.size() < 1000; i++) {
            String h = UUID.randomUUID().toString();
            sud.add(new Admin.Seed(RecordType.HOUSEHOLD, h, SyncFixture.household(SyncFixture.SUD, "Sud " + i)));
            for (int k = 0; k < 4; k++) sud.add(new Admin.Seed(RecordType.PERSON, UUID.randomUUID().toString(), SyncFixture.person(h, "Sud" + i, "P" + k)));
        }
        new Admin(api).load(sud, SyncFixture.ADMIN);
        try (Store laptop = Store.create(dir.resolve("laptop2.db"), "bench passphrase".toCharArray())) {
            SyncEngine e = new SyncEngine(laptop, new SyncClient(new HttpTransport(uri), "cesf.petit", SyncFixture.DEMO, "bench2"));
            SyncResult r = e.sync(SyncProgress.NONE);
            long t2 = System.nanoTime();
            for (int i = 0; i < 50; i++) e.sync(SyncProgress.NONE);
            rows.add(new String[] {"idle sync at " + r.received() + " records", String.format("%.1f ms", (System.nanoTime() - t2) / 1e6 / 50), "8.7 ms", ""});
        }
        server.close();
        api.db().close();
        if (devices > 0) {
            // many devices against one server on PostgreSQL (embedded), loopback only: the contract's rate, open loop, and the old stress run
            rows.addAll(LoadTest.rows(devices));
        }
        System.out.println("| measure | Carnet | PouchDB anchor | note |");
        System.out.println("|---|---|---|---|");
        for (String[] row : rows) System.out.println("| " + String.join(" | ", row) + " |");
        System.out.printf("%n(server load of %d records: %.1f s; 2 shared cores, SQLite server, encrypted laptop store: FULL for what is typed, NORMAL for what can be fetched again)%n", big, loadS);
    }
}
