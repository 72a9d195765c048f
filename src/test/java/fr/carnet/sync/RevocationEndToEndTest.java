package fr.carnet.sync;

import static fr.carnet.sync.SyncFixture.DEMO;
import static fr.carnet.sync.SyncFixture.MARTIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.cli.CarnetCli;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.security.LocalWipe;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.store.AuditLog;
import fr.carnet.store.ChangeJournal;
import fr.carnet.store.DraftRepository;
import fr.carnet.store.Editor;
import fr.carnet.store.KeyParams;
import fr.carnet.store.Store;
import fr.carnet.store.TestStores;
import fr.carnet.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A laptop with a real encrypted store, a real server over HTTP on a free port, and the
 * administrator's command line: after a revocation the laptop's pending edits reach the server
 * (when allowed), then its store, key and drafts are gone from the disk.
 */
class RevocationEndToEndTest {
    @TempDir Path dir;
    Path serverDb, laptopDir, storeFile;
    SyncApi api;
    SyncServer server;
    SyncFixture data;
    Store store;
    SyncEngine engine;

    @BeforeEach
    void start() {
        serverDb = dir.resolve("server.db");
        api = SyncFixture.sqliteApi(serverDb);
        data = SyncFixture.load(api, 2, 11);
        server = new SyncServer(api, SyncFixture.config());
        URI uri = URI.create("http://127.0.0.1:" + server.start("127.0.0.1", 0));
        laptopDir = dir.resolve("laptop");
        storeFile = laptopDir.resolve("carnet.db");
        store = TestStores.fresh(storeFile);
        engine = new SyncEngine(store, new SyncClient(new HttpTransport(uri), "as.martin", DEMO, "Portable 12"));
    }

    @AfterEach
    void stop() {
        store.close();
        server.close();
        api.db().close();
    }

    int admin(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("server-admin", "--db", ServerDb.sqliteUrl(serverDb)));
        all.addAll(List.of(args));
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CarnetCli().run(all, sink, sink);
    }

    static ObjectNode phone(String v) {
        ObjectNode n = Json.object();
        n.put("phone", v);
        return n;
    }

    /** Two edits and a draft typed offline, and a file opened: what the laptop holds when the revocation comes. */
    void workOffline() {
        engine.sync(SyncProgress.NONE);
        Editor editor = new Editor(store, MARTIN, Role.AS);
        editor.update(RecordType.PERSON, data.persons.get(0), phone("0611111111"));
        editor.update(RecordType.PERSON, data.persons.get(1), phone("0622222222"));
        ObjectNode draft = Json.object();
        draft.put("summary", "Entretien en cours de saisie");
        new DraftRepository(store).save("contact:new:" + data.nordHouseholds.get(0), "contact", draft);
        AuditLog.recordRead(store, MARTIN, AuditLog.Action.OPEN_FILE, RecordType.HOUSEHOLD, data.nordHouseholds.get(0), null);
        assertThat(store.read(ChangeJournal::pendingCount)).isEqualTo(2);
    }

    String phoneOnServer(String personId) {
        return api.db().tx(ctx -> Json.readObject(ctx.fetchOne("SELECT fields FROM srv_record WHERE id = ?", personId).get(0, String.class))
                .path("phone").asText(null));
    }

    List<String> laptopFiles() throws Exception {
        try (Stream<Path> s = Files.list(laptopDir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void pendingEditsArePushedThenTheStoreKeyAndDraftsAreWiped() throws Exception {
        workOffline();
        String replica = engine.replica();
        assertThat(laptopFiles()).contains("carnet.db", "carnet.db.key.json");
        assertThat(admin("revoke", "as.martin")).isZero();

        SyncException e = catchThrowableOfType(SyncException.class, () -> engine.sync(SyncProgress.NONE));
        assertThat(e.revoked()).isTrue();
        assertThat(e.key()).isEqualTo(SyncException.REVOKED);
        fr.carnet.i18n.Messages.setLocale(Locale.FRANCE);
        assertThat(e.getLocalizedMessage()).isEqualTo("Appareil retiré du service : 2 modification(s) envoyée(s) au serveur avant l’effacement.");
        // Pushed before the wipe: the edits and the audit trail are on the server.
        assertThat(phoneOnServer(data.persons.get(0))).isEqualTo("0611111111");
        assertThat(phoneOnServer(data.persons.get(1))).isEqualTo("0622222222");
        assertThat(store.read(ChangeJournal::pendingCount)).isZero();
        List<String> audit = api.db().tx(ctx -> ctx.fetch("SELECT action, detail FROM srv_audit ORDER BY server_time, replica, local_seq")
                .map(r -> r.get(0, String.class) + " " + r.get(1, String.class)));
        assertThat(audit).contains("OPEN_FILE null", "FINAL_PUSH replica=" + replica + " mutations=2",
                "FINAL_PUSH replica=" + replica + " mutations=0 closed");

        LocalWipe.wipe(store, storeFile);
        // Nothing of the store is left: no database, WAL, key parameters, draft or marker.
        assertThat(laptopFiles()).isEmpty();
        assertThat(Store.exists(storeFile)).isFalse();
        assertThat(Files.exists(KeyParams.fileFor(storeFile))).isFalse();
        // The server refuses the laptop from now on, and still holds the pushed edits.
        try (Store again = TestStores.fresh(dir.resolve("again.db"))) {
            SyncEngine other = new SyncEngine(again, new SyncClient(new HttpTransport(URI.create("http://127.0.0.1:" + server.port())), "as.martin", DEMO, "x"));
            assertThat(catchThrowableOfType(SyncException.class, () -> other.sync(SyncProgress.NONE)).revoked()).isTrue();
        }
        assertThat(phoneOnServer(data.persons.get(0))).isEqualTo("0611111111");
    }

    @Test
    void withoutAFinalPushTheLaptopSaysHowManyEditsCouldNotBeSentAndStillWipes() throws Exception {
        workOffline();
        assertThat(admin("revoke", "as.martin", "--no-final-push")).isZero();
        SyncException e = catchThrowableOfType(SyncException.class, () -> engine.sync(SyncProgress.NONE));
        assertThat(e.key()).isEqualTo(SyncException.REVOKED_UNSENT);
        fr.carnet.i18n.Messages.setLocale(Locale.FRANCE);
        assertThat(e.getLocalizedMessage()).contains("2 modification(s) non synchronisée(s)");
        assertThat(phoneOnServer(data.persons.get(0))).isNotEqualTo("0611111111");

        LocalWipe.wipe(store, storeFile);
        assertThat(laptopFiles()).isEmpty();
    }

    @Test
    void aWipeCutShortIsFinishedAtTheNextStartWithoutTheKey() throws Exception {
        workOffline();
        store.close();
        // As if the power went off just after the marker: the files are all still there.
        Files.writeString(LocalWipe.marker(storeFile), "wipe\n");
        assertThat(LocalWipe.pending(storeFile)).isTrue();
        byte[] before = Files.readAllBytes(storeFile);
        assertThat(new String(before, StandardCharsets.ISO_8859_1)).doesNotContain("0611111111");

        LocalWipe.finish(storeFile);
        assertThat(laptopFiles()).isEmpty();
        assertThat(LocalWipe.pending(storeFile)).isFalse();
    }
}
