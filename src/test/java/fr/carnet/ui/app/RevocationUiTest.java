package fr.carnet.ui.app;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.cli.CarnetCli;
import fr.carnet.i18n.Messages;
import fr.carnet.security.LocalWipe;
import fr.carnet.server.ServerDb;
import fr.carnet.server.SyncApi;
import fr.carnet.server.SyncServer;
import fr.carnet.store.KeyParams;
import fr.carnet.store.Store;
import fr.carnet.store.TestStores;
import fr.carnet.sync.SyncFixture;
import fr.carnet.ui.DeskUiSupport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole desk on the Headless platform against a real server on a free port (security-002):
 * a revocation wipes the laptop and leaves only a calm message, the next start is a first run;
 * « Phrase de passe oubliée ? » sets the old store aside and goes through a new passphrase and a
 * first sync.
 */
class RevocationUiTest {
    static final Path SHOTS = Path.of(System.getProperty("carnet.screenshots", "target/screenshots"));
    @TempDir Path dir;
    javafx.application.Application app;
    String previousHome;
    SyncServer server;
    Path serverDb, store;
    String url;
    Stage stage;

    @BeforeEach
    void setUp() throws Exception {
        Messages.setLocale(Locale.FRANCE);
        previousHome = System.getProperty("carnet.home");
        System.setProperty("carnet.home", dir.resolve("home").toString());
        serverDb = dir.resolve("server.db");
        SyncApi api = new SyncApi(new ServerDb(ServerDb.sqliteUrl(serverDb)), SyncFixture.config());
        SyncFixture.load(api, 3, 4);
        server = new SyncServer(api, SyncFixture.config());
        url = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        // A laptop already set up: its store (passphrase TestStores.PASSPHRASE) and the remembered server and login.
        store = dir.resolve("home").resolve("data").resolve("carnet.db");
        TestStores.fresh(store).close();
        Settings s = Settings.load(Settings.file());
        s.setServer(url, "as.martin");
        s.setTourSeen(true);
        s.save(Settings.file());
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        new FxRobot().targetWindow(FxToolkit.registerPrimaryStage());
        server.close();
        server.api().db().close();
        if (previousHome == null) System.clearProperty("carnet.home");
        else System.setProperty("carnet.home", previousHome);
    }

    static void waitLong(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    static boolean visible(FxRobot r, String id) {
        return r.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    void shoot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        ImageIO.write(b, "png", SHOTS.resolve(name + ".png").toFile());
    }

    void unlock(FxRobot r, String passphrase) throws Exception {
        waitUntil(() -> present(r, "#passphrase"));
        r.clickOn("#passphrase").write(passphrase).type(KeyCode.ENTER);
        waitLong(() -> present(r, "#caseload-table"));
    }

    int admin(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("server-admin", "--db", ServerDb.sqliteUrl(serverDb)));
        all.addAll(List.of(args));
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CarnetCli().run(all, sink, sink);
    }

    @Test
    void aRevokedLaptopIsWipedShowsOnlyACalmMessageAndStartsAgainAsAFirstRun() throws Exception {
        app = FxToolkit.setupApplication(CarnetApp.class, "--store=" + store);
        FxRobot r = new FxRobot();
        unlock(r, new String(TestStores.PASSPHRASE));
        // Sign in from the sync screen (address and login remembered) and take the sector.
        r.clickOn("#sync-button");
        waitUntil(() -> visible(r, "#sync-password"));
        r.clickOn("#sync-password").write("demo");
        r.clickOn("#sync-connect");
        waitLong(() -> r.lookup("#sync-result").queryAs(Label.class).getText().startsWith("Synchronisation terminée"));

        assertThat(admin("revoke", "as.martin")).isZero();
        r.clickOn("#sync-now");
        waitLong(() -> present(r, "#revoked-view") && !r.lookup("#revoked-close").queryAs(Button.class).isDisabled());

        assertThat(r.lookup("#revoked-title").queryAs(Label.class).getText()).isEqualTo("Cet appareil a été retiré du service");
        assertThat(r.lookup("#revoked-detail").queryAs(Label.class).getText()).isEqualTo("Appareil retiré du service : 0 modification(s) envoyée(s) au serveur avant l’effacement.");
        // Nothing of the desk is left in the window, and nothing else is open.
        assertThat(stage.getScene().getRoot().getId()).isEqualTo("revoked-view");
        assertThat(present(r, "#caseload-table")).isFalse();
        assertThat(present(r, "#sync-header")).isFalse();
        assertThat(javafx.stage.Window.getWindows().filtered(javafx.stage.Window::isShowing)).containsExactly(stage);
        // The only shortcut left is Enter on « Fermer Carnet » (the default button).
        assertThat(stage.getScene().getAccelerators().keySet()).extracting(Object::toString).containsExactly("Enter");
        // On disk: no store, no key, no marker, and the settings no longer name the worker.
        assertThat(Files.exists(store)).isFalse();
        assertThat(Files.exists(KeyParams.fileFor(store))).isFalse();
        assertThat(Files.exists(Path.of(store + "-wal"))).isFalse();
        assertThat(LocalWipe.pending(store)).isFalse();
        assertThat(Settings.load(Settings.file()).serverLogin()).isEmpty();
        shoot("revoked-light");
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(true)).get(5, TimeUnit.SECONDS);
        shoot("revoked-dark");
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get(5, TimeUnit.SECONDS);

        // The next start is a first run.
        FxToolkit.cleanupApplication(app);
        app = FxToolkit.setupApplication(CarnetApp.class, "--store=" + store);
        waitUntil(() -> present(r, "#first-run-server"));
        assertThat(present(r, "#passphrase")).isFalse();
    }

    @Test
    void aForgottenPassphraseSetsTheOldStoreAsideAndLeadsToANewPassphraseAndTheFirstSync() throws Exception {
        app = FxToolkit.setupApplication(CarnetApp.class, "--store=" + store);
        FxRobot r = new FxRobot();
        waitUntil(() -> present(r, "#unlock-forgot"));
        r.clickOn("#unlock-forgot");
        waitUntil(() -> visible(r, "#recovery-understood"));
        assertThat(r.lookup("#recovery-continue").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(DeskUiSupport.sceneShows(r, "ne seront pas dans le nouveau carnet")).isTrue();
        shoot("recovery-explain-light");
        r.clickOn("#recovery-understood");
        r.clickOn("#recovery-continue");
        waitUntil(() -> visible(r, "#recovery-password"));
        assertThat(r.lookup("#recovery-url").queryAs(TextField.class).getText()).isEqualTo(url);
        assertThat(r.lookup("#recovery-login").queryAs(TextField.class).getText()).isEqualTo("as.martin");

        r.clickOn("#recovery-password").write("pas le bon");
        r.clickOn("#recovery-check");
        waitLong(() -> visible(r, "#recovery-error"));
        assertThat(r.lookup("#recovery-error").queryAs(Label.class).getText()).isEqualTo("Identifiant ou mot de passe refusé par le serveur.");
        assertThat(Store.exists(store)).isTrue();
        shoot("recovery-server-light");

        r.clickOn("#recovery-password").write("demo");
        r.clickOn("#recovery-check");
        // The first-run path: a new passphrase typed twice, with a word about the old store.
        waitLong(() -> present(r, "#confirmation"));
        assertThat(DeskUiSupport.sceneShows(r, "L’ancien carnet est mis de côté (carnet-aside-")).isTrue();
        shoot("recovery-new-passphrase-light");
        Path aside;
        try (var files = Files.list(store.getParent())) {
            aside = files.filter(p -> p.getFileName().toString().matches("carnet-aside-\\d{8}-\\d{6}\\.db")).findFirst().orElseThrow();
        }
        assertThat(Store.exists(aside)).isTrue();
        assertThat(Store.exists(store)).isFalse();

        String passphrase = "nouvelle phrase du matin 7";
        r.clickOn("#passphrase").write(passphrase);
        r.clickOn("#confirmation").write(passphrase).type(KeyCode.ENTER);
        waitLong(() -> visible(r, "#first-sync-open"));
        assertThat(r.lookup("#first-sync-result").queryAs(Label.class).getText()).contains("15 reçus");
        r.clickOn("#first-sync-open");
        waitLong(() -> present(r, "#caseload-table") && r.lookup("#caseload-table").<TableView<?>>query().getItems().size() == 3);
        // The new store opens with the new passphrase; the old one is still there for the old one.
        assertThat(Store.exists(store)).isTrue();
        assertThat(Store.exists(aside)).isTrue();
    }
}
