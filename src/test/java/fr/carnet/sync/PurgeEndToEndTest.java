package fr.carnet.sync;

import static fr.carnet.sync.SyncFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.server.Purge;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.store.DraftRepository;
import fr.carnet.store.Editor;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.SearchRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoredRecord;
import fr.carnet.store.TestStores;
import fr.carnet.util.Json;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A purge on the server reaches real laptops (encrypted stores, SyncEngine, HTTP on port 0): after
 * their next sync nothing of the purged file is left in the local store — no row, no journal entry,
 * no draft, no conflict, no search index term — while the rest of their caseload stays.
 */
class PurgeEndToEndTest {
    @TempDir Path dir;
    SyncApi api;
    SyncServer server;
    SyncFixture data;
    Store a, b;
    SyncEngine ea, eb;

    @BeforeEach
    void start() {
        api = SyncFixture.sqliteApi(dir.resolve("server.db"));
        data = SyncFixture.load(api, 3, 11);
        server = new SyncServer(api, SyncFixture.config());
        URI uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        a = TestStores.fresh(dir.resolve("a.db"));
        b = TestStores.fresh(dir.resolve("b.db"));
        ea = new SyncEngine(a, new SyncClient(new HttpTransport(uri), "as.martin", DEMO, "Laptop A"));
        eb = new SyncEngine(b, new SyncClient(new HttpTransport(uri), "as.bernard", DEMO, "Laptop B"));
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        server.close();
        api.db().close();
    }

    static ObjectNode o(String k, String v) {
        ObjectNode n = Json.object();
        n.put(k, v);
        return n;
    }

    static String letters(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) b.append((char) ('a' + r.nextInt(26)));
        return b.toString();
    }

    /** Every value of every row of every table of the store, as text (search index shadow tables included). */
    static List<String> everything(Store s) {
        return s.read(ctx -> {
            List<String> out = new ArrayList<>();
            for (Record t : ctx.fetch("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                String name = t.get(0, String.class);
                if (name.startsWith("sqlite_") || name.endsWith("_fts")) continue;
                for (Record r : ctx.fetch("SELECT * FROM \"" + name + "\"")) {
                    StringBuilder b = new StringBuilder(name).append(':');
                    for (int i = 0; i < r.size(); i++) {
                        Object v = r.get(i);
                        b.append(v instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : String.valueOf(v)).append('|');
                    }
                    out.add(b.toString());
                }
            }
            return out;
        });
    }

    /** The terms left in a search index (fts5vocab reads the index itself). */
    static Set<String> terms(Store s, String fts) {
        return s.write(ctx -> {
            ctx.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_" + fts + " USING fts5vocab(main, " + fts + ", row)");
            Set<String> out = new HashSet<>();
            for (Record r : ctx.fetch("SELECT term FROM temp.vocab_" + fts)) out.add(r.get(0, String.class));
            return out;
        });
    }

    @Test
    void afterAPurgeTheNextSyncLeavesNoTraceOfTheFileOnEveryLaptop() {
        ea.sync(SyncProgress.NONE);
        eb.sync(SyncProgress.NONE);
        String h = data.nordHouseholds.get(0), kept = data.nordHouseholds.get(1);
        List<StoredRecord> persons = a.read(ctx -> RecordRepository.children(ctx, RecordType.PERSON, List.of(h)));
        String p = persons.get(0).id();
        Random rnd = new Random(5);
        String suffix = letters(rnd), name = "zephyrine" + suffix, last = "Zéphyrine" + suffix, town = "quimperle" + letters(rnd), phone = "06" + (10_000_000 + rnd.nextInt(80_000_000));
        Editor martin = new Editor(a, MARTIN, Role.AS), bernard = new Editor(b, BERNARD, Role.AS);
        // content of the file that is pushed (journal entries APPLIED), searchable, in a draft
        martin.update(RecordType.PERSON, p, o("lastName", last));
        ObjectNode addr = Json.object();
        addr.putObject("address").put("line1", "2 place du Marché").put("postcode", "29300").put("city", town);
        martin.update(RecordType.HOUSEHOLD, h, addr);
        ea.sync(SyncProgress.NONE);
        eb.sync(SyncProgress.NONE);
        List<SearchRepository.PersonHit> found = a.read(ctx -> SearchRepository.persons(ctx, "Zephyrine" + suffix, 10));
        assertThat(found).extracting(SearchRepository.PersonHit::id).containsExactly(p);
        List<SearchRepository.HouseholdHit> foundH = a.read(ctx -> SearchRepository.households(ctx, town, 10));
        assertThat(foundH).isNotEmpty();
        // a conflict open on the file, and a change still waiting to be pushed on laptop A
        bernard.update(RecordType.PERSON, p, o("phone", phone + "1"));
        eb.sync(SyncProgress.NONE);
        martin.update(RecordType.PERSON, p, o("phone", phone + "2"));
        ea.sync(SyncProgress.NONE);
        int conflicts = a.read(ctx -> ctx.fetchCount(DSL.table("sync_conflict")));
        assertThat(conflicts).isPositive();
        martin.update(RecordType.PERSON, p, o("email", name + "@example.org"));
        new DraftRepository(a).save("contact:new:" + h, "contact", o("summary", "brouillon " + name));
        new DraftRepository(a).save("contact:new:" + kept, "contact", o("summary", "brouillon gardé"));
        assertThat(everything(a)).anyMatch(r -> r.contains(name)).anyMatch(r -> r.contains(last)).anyMatch(r -> r.contains(phone));
        assertThat(terms(a, "person_fts")).contains(name);
        assertThat(terms(a, "household_fts")).contains(town);
        List<String> ids = a.read(ctx -> {
            List<String> out = new ArrayList<>(List.of(h));
            String inPersons = "SELECT id FROM person WHERE household_id = ?", plans = "SELECT id FROM plan WHERE household_id = ?";
            for (String t : List.of("person", "contact", "visit", "plan", "aid"))
                ctx.fetch("SELECT id FROM " + t + " WHERE household_id = ?", h).forEach(r -> out.add(r.get(0, String.class)));
            for (String t : List.of("measurement", "screening"))
                ctx.fetch("SELECT id FROM " + t + " WHERE person_id IN (" + inPersons + ")", h).forEach(r -> out.add(r.get(0, String.class)));
            for (String t : List.of("objective", "action", "evaluation"))
                ctx.fetch("SELECT id FROM " + t + " WHERE plan_id IN (" + plans + ")", h).forEach(r -> out.add(r.get(0, String.class)));
            return out;
        });
        assertThat(ids).contains(h, p).hasSizeGreaterThanOrEqualTo(5);

        new Purge(api).household(h, "demande d’effacement", ADMIN);

        SyncResult ra = ea.sync(SyncProgress.NONE);
        eb.sync(SyncProgress.NONE);
        // the change pushed after the purge was refused, then the evict removed everything
        assertThat(ra.rejected()).extracting(SyncResult.Rejection::reason).containsExactly("forbidden");
        for (Store s : List.of(a, b)) {
            List<String> rows = everything(s);
            assertThat(rows).noneMatch(r -> r.contains(name)).noneMatch(r -> r.contains(last)).noneMatch(r -> r.contains(town)).noneMatch(r -> r.contains(phone));
            for (String id : ids) {
                // only the laptop's own audit trail names the ids (who opened or changed what, never values)
                assertThat(rows.stream().filter(r -> r.contains(id)).map(r -> r.substring(0, r.indexOf(':')))).as(id).allMatch(t -> t.equals("audit_log"));
            }
            assertThat(terms(s, "person_fts")).doesNotContain(name);
            assertThat(terms(s, "household_fts")).doesNotContain(town);
            List<SearchRepository.PersonHit> none = s.read(ctx -> SearchRepository.persons(ctx, "Zephyrine", 10));
            assertThat(none).isEmpty();
            java.util.Optional<StoredRecord> stays = s.read(ctx -> RecordRepository.find(ctx, RecordType.HOUSEHOLD, kept));
            assertThat(stays).isPresent();
        }
        assertThat(new DraftRepository(a).load("contact:new:" + kept)).isPresent();
        assertThat(ea.pendingCount()).isZero();
        assertThat(ea.conflicts()).isEmpty();
        // and it stays gone
        assertThat(ea.sync(SyncProgress.NONE).received()).isZero();
        java.util.Optional<StoredRecord> gone = a.read(ctx -> RecordRepository.find(ctx, RecordType.HOUSEHOLD, h));
        assertThat(gone).isEmpty();
    }
}
