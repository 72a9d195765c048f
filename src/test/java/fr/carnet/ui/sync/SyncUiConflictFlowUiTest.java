package fr.carnet.ui.sync;

import static fr.carnet.sync.SyncFixture.BERNARD;
import static fr.carnet.sync.SyncFixture.DEMO;
import static fr.carnet.sync.SyncFixture.MARTIN;
import static fr.carnet.sync.SyncFixture.NORD;
import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.store.CaseloadQueries;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Editor;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.TestStores;
import fr.carnet.sync.SyncFixture;
import fr.carnet.ui.DeskUiSupport;
import fr.carnet.ui.app.MainView;
import fr.carnet.ui.app.Theme;
import fr.carnet.ui.common.Async;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Tasks;
import fr.carnet.util.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole conflict story on the Headless platform, against a real server on port 0 and two real
 * laptop stores: A and B change the same field of the same household (and different fields of a
 * person), A syncs, B syncs from the desk and sees both values side by side, combines them, syncs
 * again; A syncs and holds the combined value. Renders the screens into docs/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class SyncUiConflictFlowUiTest {
    static final Path OUT = Path.of(System.getProperty("carnet.screenshots", "target/screenshots"));
    @TempDir Path dir;
    SyncServer server;
    SyncFixture data;
    String url;
    Store a, b;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.FRANCE);
        SyncApi api = SyncFixture.sqliteApi(dir.resolve("server.db"));
        data = SyncFixture.load(api, 3, 1);
        server = new SyncServer(api, SyncFixture.config());
        url = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        a = laptop("a.db", MARTIN, "Anne Martin");
        b = laptop("b.db", BERNARD, "Bruno Bernard");
    }

    /** A laptop's store with its owner and the organisation's names (for « Anne Martin, 26/11 10:05 »). */
    Store laptop(String file, String owner, String name) {
        Store s = TestStores.fresh(dir.resolve(file));
        s.write(c -> {
            c.execute("INSERT INTO worker (id, login, display_name, role, sector_ids) VALUES (?,?,?,?,?)", MARTIN, "as.martin", "Anne Martin", "AS", "[\"" + NORD + "\"]");
            c.execute("INSERT INTO worker (id, login, display_name, role, sector_ids) VALUES (?,?,?,?,?)", BERNARD, "as.bernard", "Bruno Bernard", "AS", "[\"" + NORD + "\"]");
            return null;
        });
        new DeskIdentity(owner, name, Role.AS, NORD).save(s);
        return s;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get(5, TimeUnit.SECONDS);
        a.close();
        b.close();
        server.close();
    }

    static ObjectNode o(String k, String v) {
        ObjectNode n = Json.object();
        n.put(k, v);
        return n;
    }

    @Test
    void aConflictIsShownSideBySideCombinedOnBAndReachesA(FxRobot r) throws Exception {
        // Laptop A: driven through its ViewModel, without the toolkit.
        DeskContext ca = DeskContext.of(a, DeskIdentity.load(a).orElseThrow(), Async.direct());
        SyncViewModel syncA = new SyncViewModel(ca, EngineGateway.connector(a), Runnable::run, Clock.systemUTC(), url, "as.martin", (u, l) -> { });
        syncA.passwordProperty().set(new String(DEMO));
        assertThat(syncA.connect()).isTrue();
        assertThat(syncA.errorProperty().get()).isEmpty();

        // Laptop B: the desk, signing in from the sync screen.
        DeskContext cb = DeskContext.of(b, DeskIdentity.load(b).orElseThrow(), Tasks.INSTANCE);
        MainView main = DeskUiSupport.mount(stage, cb);
        r.interact(() -> main.openSync(false));
        waitUntil(() -> present(r, "#sync-url"));
        r.interact(() -> {
            r.lookup("#sync-url").queryAs(TextField.class).setText(url);
            r.lookup("#sync-login").queryAs(TextField.class).setText("as.bernard");
        });
        r.clickOn("#sync-password").write("demo");
        r.clickOn("#sync-connect");
        waitUntil(() -> r.lookup("#sync-result").queryAs(Label.class).getText().startsWith("Synchronisation terminée : 0 envoyé, 15 reçus"));
        assertThat(r.lookup("#sync-password").queryAs(TextField.class).getText()).isEmpty();

        // Both edit the household's name; A the person's phone, B the person's email.
        String h = data.nordHouseholds.get(0);
        String p = data.persons.get(0);
        new Editor(a, MARTIN, Role.AS).update(RecordType.HOUSEHOLD, h, o("label", "Famille Martin-Durand"));
        new Editor(a, MARTIN, Role.AS).update(RecordType.PERSON, p, o("phone", "0611111111"));
        new Editor(b, BERNARD, Role.AS).update(RecordType.HOUSEHOLD, h, o("label", "Famille Durand-Petit"));
        new Editor(b, BERNARD, Role.AS).update(RecordType.PERSON, p, o("email", "famille@example.org"));
        r.interact(main::changed);
        waitUntil(() -> r.lookup("#sync-header-status").queryAs(javafx.scene.control.Hyperlink.class).getText()
                .equals("2 modifications à envoyer"));
        assertThat(syncA.syncNow()).isTrue();
        assertThat(syncA.resultProperty().get()).startsWith("Synchronisation terminée : 2 envoyés");

        // B syncs with the shortcut.
        r.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#sync-conflict-badge").queryAs(Button.class).isVisible());
        assertThat(r.lookup("#sync-conflict-badge").queryAs(Button.class).getText()).isEqualTo("1 conflit");
        assertThat(r.lookup("#sync-result").queryAs(Label.class).getText())
                .contains("1 conflit").contains("1 fiche fusionnée automatiquement");
        // The caseload was read again: the household shows its conflict, and the "En conflit" filter finds it.
        var rows = b.read(c -> CaseloadQueries.list(c, new CaseloadQueries.Filter("", false, false, false, false, false, true),
                BERNARD, Role.AS, cb.today(), 100));
        assertThat(rows).extracting(CaseloadQueries.Row::id).containsExactly(h);
        r.interact(main::focusSearch);
        waitUntil(() -> r.lookup("#caseload-table").<TableView<CaseloadQueries.Row>>query().getItems().stream()
                .anyMatch(row -> row.id().equals(h) && row.syncState() == SyncState.CONFLICT));

        // The supervisor's laptop lists the open conflict of the team, with both names.
        Store l = laptop("leroy.db", SyncFixture.LEROY, "Luc Leroy");
        try {
            DeskContext cl = DeskContext.of(l, DeskIdentity.load(l).orElseThrow(), Async.direct());
            SyncViewModel syncL = new SyncViewModel(cl, EngineGateway.connector(l), Runnable::run, Clock.systemUTC(), url, "chef.leroy", (u, x) -> { });
            syncL.passwordProperty().set(new String(DEMO));
            assertThat(syncL.connect()).isTrue();
            assertThat(syncL.conflictCountProperty().get()).isEqualTo(1);
            ConflictsViewModel team = new ConflictsViewModel(cl, EngineGateway.local(l));
            team.load();
            assertThat(team.items()).singleElement().satisfies(i -> {
                assertThat(i.fields()).extracting(ConflictsViewModel.FieldRow::field).containsExactly("label");
                assertThat(i.mineBy() + " / " + i.theirsBy()).contains("Anne Martin").contains("Bruno Bernard");
            });
        } finally {
            l.close();
        }

        // The conflict screen: both values side by side, with who and when.
        r.clickOn("#sync-conflict-badge");
        waitUntil(() -> present(r, "#conflict-mine-label"));
        assertThat(text(r, "#conflict-mine-label")).isEqualTo("Famille Durand-Petit");
        assertThat(text(r, "#conflict-theirs-label")).isEqualTo("Famille Martin-Durand");
        assertThat(DeskUiSupport.sceneShows(r, "Bruno Bernard (moi), ")).isTrue();
        assertThat(DeskUiSupport.sceneShows(r, "Anne Martin, ")).isTrue();
        assertThat(r.lookup("#conflict-list").<ListView<?>>query().getItems()).hasSize(1);
        shootBoth(r, "sync-conflict", null);
        shootBoth(r, "sync-status", "#sync-status");
        shootBoth(r, "sync-header", "#sync-header");

        // The disjoint edit is listed as merged automatically.
        r.clickOn("#sync-tab-merged .tab-label");
        waitUntil(() -> !r.lookup("#merged-table").<TableView<?>>query().getItems().isEmpty());
        assertThat(DeskUiSupport.sceneShows(r, "Téléphone")).isTrue();
        shootBoth(r, "sync-merged", null);

        // B combines both values, and syncs again.
        r.clickOn("#sync-tab-conflicts .tab-label");
        waitUntil(() -> present(r, "#conflict-combined-label"));
        r.interact(() -> r.lookup("#conflict-combined-label").queryAs(TextField.class).setText("Famille Durand (Martin, Petit)"));
        r.clickOn("#conflict-combine");
        waitUntil(() -> r.lookup("#conflict-list").<ListView<?>>query().getItems().isEmpty());
        assertThat(b.read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, h)).orElseThrow().text("label")).isEqualTo("Famille Durand (Martin, Petit)");
        r.clickOn("#sync-now");
        waitUntil(() -> !r.lookup("#sync-conflict-badge").queryAs(Button.class).isVisible()
                && r.lookup("#sync-result").queryAs(Label.class).getText().startsWith("Synchronisation terminée : 1 envoyé"));

        // A syncs and holds the combined value, with no conflict left.
        assertThat(syncA.syncNow()).isTrue();
        assertThat(syncA.errorProperty().get()).isEmpty();
        var held = a.read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, h)).orElseThrow();
        assertThat(held.text("label")).isEqualTo("Famille Durand (Martin, Petit)");
        assertThat(held.syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(syncA.conflictCountProperty().get()).isZero();
        var person = a.read(c -> RecordRepository.find(c, RecordType.PERSON, p)).orElseThrow();
        assertThat(person.text("phone")).isEqualTo("0611111111");
        assertThat(person.text("email")).isEqualTo("famille@example.org");
        r.interact(main::dispose);
    }

    static String text(FxRobot r, String q) {
        return r.lookup(q).queryAs(Label.class).getText();
    }

    /** Renders the window (or one node) light and dark into docs/screenshots/, back to light after. */
    void shootBoth(FxRobot r, String name, String node) throws Exception {
        Files.createDirectories(OUT);
        for (boolean dark : new boolean[] {false, true}) {
            WaitForAsyncUtils.asyncFx(() -> Theme.apply(dark)).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
                if (node == null) return stage.getScene().snapshot(null);
                Node n = r.lookup(node).query();
                return n.snapshot(null, null);
            }).get(10, TimeUnit.SECONDS);
            BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
            ImageIO.write(bi, "png", OUT.resolve(name + "-" + (dark ? "dark" : "light") + ".png").toFile());
        }
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get(5, TimeUnit.SECONDS);
    }
}
