package fr.carnet.bench;

import fr.carnet.domain.RecordType;
import fr.carnet.server.Admin;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.sync.SyncFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sync server of {@link SyncBench}, in its own JVM as the anchor's PouchDB server runs in its own
 * process (and as a real server runs on another machine): the laptop's benchmark then does not share
 * its heap, its garbage collector or its JIT compiler with the server. SQLite server file in the given
 * folder, the fixture's organisation and accounts. Speaks on stdin/stdout, one line each way:
 * {@code seed nord|sud N} loads N records in-process (households of 1 + 4 persons, like the anchor's
 * in-process seed) and writes the household ids to {@code households-<sector>.txt}; {@code quit} stops.
 */
public final class SyncBenchServer {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        SyncApi api = new SyncApi(new ServerDb(ServerDb.sqliteUrl(dir.resolve("server.db"))), SyncFixture.config());
        SyncFixture.load(api, 0, 1);
        SyncServer server = new SyncServer(api, SyncFixture.config());
        int port = server.start("127.0.0.1", 0);
        System.out.println("port " + port);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("quit")) break;
            if (w[0].equals("seed")) {
                boolean nord = w[1].equals("nord");
                int n = Integer.parseInt(w[2]);
                List<String> households = new ArrayList<>();
                List<Admin.Seed> seeds = seeds(nord, n, households);
                long t = System.nanoTime();
                new Admin(api).load(seeds, SyncFixture.ADMIN);
                Files.write(dir.resolve("households-" + w[1] + ".txt"), households);
                System.out.printf("seeded %d %.1f%n", seeds.size(), (System.nanoTime() - t) / 1e9);
                System.out.flush();
            }
        }
        server.close();
        api.db().close();
        System.exit(0);
    }

    /** N records: households of sector Nord or Sud, each followed by up to 4 persons; the household ids go to {@code households}. */
    static List<Admin.Seed> seeds(boolean nord, int n, List<String> households) {
        List<Admin.Seed> seeds = new ArrayList<>();
        for (int i = 0; seeds.size() < n; i++) {
            String h = UUID.randomUUID().toString();
            households.add(h);
            seeds.add(new Admin.Seed(RecordType.HOUSEHOLD, h, SyncFixture.household(nord ? SyncFixture.NORD : SyncFixture.SUD, (nord ? "Famille " : "Sud ") + i)));
            for (int k = 0; k < 4 && seeds.size() < n; k++)
                seeds.add(new Admin.Seed(RecordType.PERSON, UUID.randomUUID().toString(), SyncFixture.person(h, (nord ? "Nom" : "Sud") + i, "P" + k)));
        }
        return seeds;
    }
}
