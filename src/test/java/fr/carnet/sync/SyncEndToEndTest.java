package fr.carnet.sync;

import static fr.carnet.sync.SyncFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.server.Admin;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.store.Editor;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoredRecord;
import fr.carnet.store.TestStores;
import fr.carnet.util.Json;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two laptops with real encrypted stores and one server over real HTTP on port 0. */
class SyncEndToEndTest {
    @TempDir Path dir;
    SyncApi api;
    SyncServer server;
    SyncFixture data;
    URI uri;
    Store a, b;
    SyncEngine ea, eb;

    @BeforeEach
    void start() {
        api = SyncFixture.sqliteApi(dir.resolve("server.db"));
        data = SyncFixture.load(api, 3, 1);
        server = new SyncServer(api, SyncFixture.config());
        uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        a = TestStores.fresh(dir.resolve("a.db"));
        b = TestStores.fresh(dir.resolve("b.db"));
        ea = engine(a, "as.martin");
        eb = engine(b, "as.bernard");
    }

    SyncEngine engine(Store s, String login) {
        return new SyncEngine(s, new SyncClient(new HttpTransport(uri), login, DEMO, "Laptop " + login));
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        server.close();
    }

    static StoredRecord get(Store s, RecordType t, String id) {
        return s.read(ctx -> RecordRepository.find(ctx, t, id)).orElseThrow();
    }

    static Optional<StoredRecord> find(Store s, RecordType t, String id) {
        return s.read(ctx -> RecordRepository.find(ctx, t, id));
    }

    static int count(Store s, String from) {
        Integer n = s.read(ctx -> ctx.fetchOne("SELECT COUNT(*) FROM " + from).get(0, Integer.class));
        return n;
    }

    static ObjectNode o(String k, String v) {
        ObjectNode n = Json.object();
        n.put(k, v);
        return n;
    }

    @Test
    void firstSyncBringsTheSectorAndASummaryInFrench() {
        SyncResult r = ea.sync(SyncProgress.NONE);
        // 3 Nord households × (household + 2 persons + contact + plan)
        assertThat(r.received()).isEqualTo(15);
        assertThat(r.summary(Locale.FRANCE)).isEqualTo("0 envoyé, 15 reçus, 0 conflit");
        assertThat(find(a, RecordType.HOUSEHOLD, data.sudHouseholds.get(0))).isEmpty();
        assertThat(ea.sync(SyncProgress.NONE).received()).isZero();
    }

    @Test
    void theAuditTrailRecordedOfflineReachesTheServerWithTheNextSync() {
        ea.sync(SyncProgress.NONE);
        String p = data.persons.get(0);
        new Editor(a, MARTIN, Role.AS).update(RecordType.PERSON, p, o("phone", "0611111111"));
        fr.carnet.store.AuditLog.recordRead(a, MARTIN, fr.carnet.store.AuditLog.Action.OPEN_FILE, RecordType.PERSON, p, null);
        ea.sync(SyncProgress.NONE);
        java.util.List<fr.carnet.store.AuditLog.Entry> unsent = a.read(ctx -> fr.carnet.store.AuditLog.unsent(ctx, 10));
        assertThat(unsent).isEmpty();
        Integer onServer = api.db().tx(ctx -> ctx.fetchOne("SELECT COUNT(*) FROM srv_audit WHERE record_id = ?", p).get(0, Integer.class));
        assertThat(onServer).isEqualTo(2);
        ea.sync(SyncProgress.NONE);
        Integer again = api.db().tx(ctx -> ctx.fetchOne("SELECT COUNT(*) FROM srv_audit WHERE record_id = ?", p).get(0, Integer.class));
        assertThat(again).isEqualTo(2);
    }

    @Test
    void disjointEditsOnTwoLaptopsMergeWithoutConflict() {
        ea.sync(SyncProgress.NONE);
        eb.sync(SyncProgress.NONE);
        String p = data.persons.get(0);
        new Editor(a, MARTIN, Role.AS).update(RecordType.PERSON, p, o("phone", "0611111111"));
        new Editor(b, BERNARD, Role.AS).update(RecordType.PERSON, p, o("email", "x@example.org"));
        assertThat(ea.sync(SyncProgress.NONE).sent()).isEqualTo(1);
        SyncResult rb = eb.sync(SyncProgress.NONE);
        assertThat(rb.conflicts()).isZero();
        assertThat(rb.merged()).extracting(SyncResult.MergeNote::fields).containsExactly(List.of("phone"));
        ea.sync(SyncProgress.NONE);
        for (Store s : List.of(a, b)) {
            StoredRecord r = get(s, RecordType.PERSON, p);
            assertThat(r.text("phone")).isEqualTo("0611111111");
            assertThat(r.text("email")).isEqualTo("x@example.org");
            assertThat(r.conflictId()).isNull();
        }
    }

    @Test
    void sameFieldEditsOpenAConflictThatIsResolvedOnce() {
        ea.sync(SyncProgress.NONE);
        eb.sync(SyncProgress.NONE);
        String p = data.persons.get(1);
        new Editor(a, MARTIN, Role.AS).update(RecordType.PERSON, p, o("phone", "0622222222"));
        new Editor(b, BERNARD, Role.AS).update(RecordType.PERSON, p, o("phone", "0633333333"));
        ea.sync(SyncProgress.NONE);
        SyncResult rb = eb.sync(SyncProgress.NONE);
        assertThat(rb.conflicts()).isEqualTo(1);
        assertThat(rb.summary(Locale.FRANCE)).isEqualTo("1 envoyé, 1 reçu, 1 conflit");
        List<LocalConflict> cs = eb.conflicts();
        assertThat(cs).hasSize(1);
        LocalConflict c = cs.get(0);
        assertThat(c.fields()).containsExactly("phone");
        assertThat(c.mine().values().get("phone").asText()).isEqualTo("0633333333");
        assertThat(c.theirs().values().get("phone").asText()).isEqualTo("0622222222");
        assertThat(c.theirs().author()).isEqualTo(MARTIN);
        assertThat(c.before().get("phone").asText()).isEqualTo("0600000000");
        // the record keeps the first accepted value while the conflict is open
        assertThat(get(b, RecordType.PERSON, p).text("phone")).isEqualTo("0622222222");
        eb.keepMine(c.id());
        eb.sync(SyncProgress.NONE);
        ea.sync(SyncProgress.NONE);
        for (Store s : List.of(a, b)) {
            StoredRecord r = get(s, RecordType.PERSON, p);
            assertThat(r.text("phone")).isEqualTo("0633333333");
            assertThat(r.conflictId()).isNull();
        }
        assertThat(ea.conflicts()).isEmpty();
    }

    @Test
    void aConflictOpenedInASyncThatFailsBeforeTheConflictListIsStillListedByTheNextIdleSync() {
        ea.sync(SyncProgress.NONE);
        String p = data.persons.get(1);
        // laptop b's network cuts the conflict list request once (the push and pull went through)
        boolean[] cut = {false};
        HttpTransport http = new HttpTransport(uri);
        SyncEngine flaky = new SyncEngine(b, new SyncClient(req -> {
            if (req.path().endsWith("/conflicts") && cut[0]) {
                cut[0] = false;
                throw new java.io.IOException("cut");
            }
            return http.exchange(req);
        }, "as.bernard", DEMO, "Laptop b"));
        flaky.sync(SyncProgress.NONE);
        new Editor(a, MARTIN, Role.AS).update(RecordType.PERSON, p, o("phone", "0622222222"));
        new Editor(b, BERNARD, Role.AS).update(RecordType.PERSON, p, o("phone", "0633333333"));
        ea.sync(SyncProgress.NONE);
        cut[0] = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flaky.sync(SyncProgress.NONE)).isInstanceOf(SyncException.class);
        assertThat(get(b, RecordType.PERSON, p).conflictId()).isNotNull();
        // nothing to send, nothing new to pull: the list must still be fetched, since the last one failed
        SyncResult idle = flaky.sync(SyncProgress.NONE);
        assertThat(idle.sent() + idle.received()).isZero();
        assertThat(flaky.conflicts()).hasSize(1);
        assertThat(idle.openConflicts()).isEqualTo(1);
    }

    @Test
    void deleteAgainstConcurrentEditLeavesTheRecordDeletedWithOneConflict() {
        ea.sync(SyncProgress.NONE);
        eb.sync(SyncProgress.NONE);
        String p = data.persons.get(2);
        new Editor(a, MARTIN, Role.AS).delete(RecordType.PERSON, p);
        new Editor(b, BERNARD, Role.AS).update(RecordType.PERSON, p, o("phone", "0644444444"));
        ea.sync(SyncProgress.NONE);
        eb.sync(SyncProgress.NONE);
        ea.sync(SyncProgress.NONE);
        for (Store s : List.of(a, b)) {
            StoredRecord r = get(s, RecordType.PERSON, p);
            assertThat(r.deleted()).isTrue();
            assertThat(r.conflictFields()).containsExactly("phone");
        }
        assertThat(eb.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.deleteConflict()).isTrue();
            assertThat(c.mine().values().get("phone").asText()).isEqualTo("0644444444");
        });
    }

    @Test
    void reassigningAHouseholdEvictsItFromTheOldSectorAndBringsItToTheNew() throws Exception {
        Store c = TestStores.fresh(dir.resolve("c.db"));
        try {
            SyncEngine ec = engine(c, "cesf.petit");
            ea.sync(SyncProgress.NONE);
            ec.sync(SyncProgress.NONE);
            String h = data.nordHouseholds.get(0);
            // an edit made offline after the household left the worker's scope is refused with a
            // reason and kept in the journal; the household and what depends on it leave the laptop
            String p = data.persons.get(0);
            new Editor(a, MARTIN, Role.AS).update(RecordType.PERSON, p, o("lastName", "Durand"));
            new Admin(api).assign(h, SUD, List.of(), ADMIN);
            SyncResult r = ea.sync(SyncProgress.NONE);
            assertThat(r.rejected()).extracting(SyncResult.Rejection::reason).containsExactly("forbidden");
            assertThat(ea.rejections()).hasSize(1);
            assertThat(find(a, RecordType.HOUSEHOLD, h)).isEmpty();
            assertThat(find(a, RecordType.PERSON, p)).isEmpty();
            ec.sync(SyncProgress.NONE);
            assertThat(find(c, RecordType.HOUSEHOLD, h)).isPresent();
            assertThat(get(c, RecordType.PERSON, p).text("lastName")).isEqualTo("Nom0");
            assertThat(count(c, "plan")).isEqualTo(4);
        } finally {
            c.close();
        }
    }

    @Test
    void aSecretaryNeverReceivesConfidentialFieldsOrRecords() {
        Store s = TestStores.fresh(dir.resolve("s.db"));
        try {
            SyncEngine es = engine(s, "sms.garcia");
            es.sync(SyncProgress.NONE);
            String h = data.nordHouseholds.get(0);
            assertThat(get(s, RecordType.HOUSEHOLD, h).fields().has("notes")).isFalse();
            assertThat(get(s, RecordType.HOUSEHOLD, h).text("label")).isNotNull();
            assertThat(count(s, "plan")).isZero();
            assertThat(count(s, "contact WHERE summary IS NOT NULL")).isZero();
            assertThat(count(s, "contact")).isEqualTo(3);
        } finally {
            s.close();
        }
    }

    @Test
    void aHouseholdCreatedOfflineReachesTheOtherLaptopWithItsPerson() {
        ea.sync(SyncProgress.NONE);
        Editor ed = new Editor(a, MARTIN, Role.AS);
        String h = ed.create(RecordType.HOUSEHOLD, household(NORD, "Famille Nouvelle"));
        String p = ed.create(RecordType.PERSON, person(h, "Nouveau", "Né"));
        ed.update(RecordType.PERSON, p, o("phone", "0655555555"));
        SyncResult r = ea.sync(SyncProgress.NONE);
        assertThat(r.sent()).isEqualTo(3);
        assertThat(r.rejected()).isEmpty();
        assertThat(get(a, RecordType.PERSON, p).syncState()).isEqualTo(fr.carnet.domain.Enums.SyncState.SYNCED);
        eb.sync(SyncProgress.NONE);
        assertThat(get(b, RecordType.PERSON, p).text("phone")).isEqualTo("0655555555");
        assertThat(get(b, RecordType.HOUSEHOLD, h).text("label")).isEqualTo("Famille Nouvelle");
    }
}
