package fr.carnet.sync;

import static fr.carnet.sync.SyncFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.server.Admin;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.store.Editor;
import fr.carnet.store.SearchIndex;
import fr.carnet.store.SearchRepository;
import fr.carnet.store.Store;
import fr.carnet.store.TestStores;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Volumes that take the engine's pipelined paths: a pull of several pages applied several at a time
 * (search indexes rebuilt once at the end), a push of several batches sent while the previous
 * answer is recorded. Real HTTP on port 0, real encrypted stores.
 */
class SyncVolumeTest {
    @TempDir Path dir;
    SyncApi api;
    SyncServer server;
    URI uri;
    List<String> households = new ArrayList<>();

    @BeforeEach
    void start() {
        api = SyncFixture.sqliteApi(dir.resolve("server.db"));
        SyncFixture.load(api, 0, 1);
        List<Admin.Seed> seeds = new ArrayList<>();
        for (int i = 0; seeds.size() < 6_000; i++) {
            String h = UUID.randomUUID().toString();
            households.add(h);
            seeds.add(new Admin.Seed(RecordType.HOUSEHOLD, h, SyncFixture.household(NORD, "Famille Lefèvre " + i)));
            for (int k = 0; k < 4; k++)
                seeds.add(new Admin.Seed(RecordType.PERSON, UUID.randomUUID().toString(), SyncFixture.person(h, i == 432 ? "Hélène" : "Nom" + i, "P" + k)));
        }
        new Admin(api).load(seeds, ADMIN);
        server = new SyncServer(api, SyncFixture.config());
        uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    SyncEngine engine(Store s, String login) {
        return new SyncEngine(s, new SyncClient(new HttpTransport(uri), login, DEMO, "Laptop " + login));
    }

    static int count(Store s, String sql) {
        return s.read(ctx -> ctx.fetchOne(sql).get(0, Integer.class));
    }

    @Test
    void aLargeFirstSyncArrivesWholeAndSearchableThenALargePushGoesOutInOrder() {
        try (Store a = TestStores.fresh(dir.resolve("a.db")); Store b = TestStores.fresh(dir.resolve("b.db"))) {
            SyncEngine ea = engine(a, "as.martin");
            boolean[] deferred = {false};
            ea.setFaultHook(point -> {
                if (point.equals("pull.afterCommit")) deferred[0] |= a.read(SearchIndex::isDeferred);
            });
            SyncResult r = ea.sync(SyncProgress.NONE);
            ea.setFaultHook(null);
            assertThat(deferred[0]).as("the pull of several pages suspended row-by-row indexing").isTrue();
            int onServer = api.db().tx(ctx -> ctx.fetchOne("SELECT COUNT(*) FROM srv_record r JOIN srv_household h ON h.id = r.household_id "
                    + "WHERE h.sector_id = ?", NORD).get(0, Integer.class));
            assertThat(onServer).isGreaterThanOrEqualTo(6_000);
            assertThat(r.received()).isEqualTo(onServer);
            assertThat(count(a, "SELECT COUNT(*) FROM person") + count(a, "SELECT COUNT(*) FROM household")).isEqualTo(onServer);
            // the search indexes were rebuilt at the end: accents both ways, households too
            assertThat(a.read(SearchIndex::isDeferred)).isFalse();
            List<SearchRepository.PersonHit> helene = a.read(ctx -> SearchRepository.persons(ctx, "helene", 10));
            assertThat(helene).extracting(SearchRepository.PersonHit::lastName).containsOnly("Hélène");
            List<SearchRepository.HouseholdHit> lefevre = a.read(ctx -> SearchRepository.households(ctx, "lefevre 432", 10));
            assertThat(lefevre).hasSize(1);
            // and they follow edits again, row by row
            new Editor(a, MARTIN, Role.AS).create(RecordType.PERSON, SyncFixture.person(households.get(7), "Zoé", "Éloïse"));
            List<SearchRepository.PersonHit> zoe = a.read(ctx -> SearchRepository.persons(ctx, "zoe", 10));
            assertThat(zoe).hasSize(1);

            // 1,300 new persons: three batches, each sent while the previous answer is recorded
            Editor ed = new Editor(a, MARTIN, Role.AS);
            for (int i = 0; i < 1_300; i++) ed.create(RecordType.PERSON, SyncFixture.person(households.get(i % households.size()), "Neuf", "N" + i));
            SyncResult p = ea.sync(SyncProgress.NONE);
            assertThat(p.sent()).isEqualTo(1_301);
            assertThat(count(a, "SELECT COUNT(*) FROM change_journal WHERE status = 'PENDING'")).isZero();
            assertThat(count(a, "SELECT COUNT(*) FROM change_journal WHERE status <> 'APPLIED'")).isZero();
            int neuf = api.db().tx(ctx -> ctx.fetchOne("SELECT COUNT(*) FROM srv_record WHERE type = 'person' AND fields LIKE '%\"Neuf\"%'").get(0, Integer.class));
            assertThat(neuf).isEqualTo(1_300);

            // a second laptop gets everything, and the two hold the same persons
            SyncEngine eb = engine(b, "as.bernard");
            eb.sync(SyncProgress.NONE);
            assertThat(count(b, "SELECT COUNT(*) FROM person")).isEqualTo(count(a, "SELECT COUNT(*) FROM person"));
            // idle: nothing sent, nothing received, nothing written
            SyncResult idle = ea.sync(SyncProgress.NONE);
            assertThat(idle.sent() + idle.received()).isZero();
        }
    }

    @Test
    void aPullCutShortWithTheIndexesSuspendedRebuildsThemWhenTheStoreIsNextOpened() {
        Path file = dir.resolve("c.db");
        Store c = TestStores.fresh(file);
        SyncEngine ec = engine(c, "as.martin");
        // cut the sync after the first applied pages: the process dies (no finally on the way out)
        ec.setFaultHook(point -> {
            if (point.equals("pull.afterCommit") && c.read(SearchIndex::isDeferred)) throw new Halt();
        });
        try {
            ec.sync(SyncProgress.NONE);
        } catch (Halt expected) {
            // the crash
        }
        // what the finally block did not get to do, a real crash would not do either: force the state
        c.write(ctx -> {
            SearchIndex.defer(ctx);
            return null;
        });
        assertThat(count(c, "SELECT COUNT(*) FROM person")).isPositive();
        c.close();
        try (Store again = TestStores.reopen(file)) {
            assertThat(again.read(SearchIndex::isDeferred)).isFalse();
            int persons = count(again, "SELECT COUNT(*) FROM person");
            int indexed = count(again, "SELECT COUNT(*) FROM person_fts WHERE person_fts MATCH 'p0* OR p1* OR p2* OR p3*'");
            assertThat(indexed).isEqualTo(persons);
        }
    }

    static final class Halt extends RuntimeException {}
}
