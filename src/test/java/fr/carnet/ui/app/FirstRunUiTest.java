package fr.carnet.ui.app;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.dataset.DemoStore;
import fr.carnet.store.Store;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A packaged desk's first start, end to end on the Headless platform: no store and no --demo shows
 * the welcome screen; the sample data lead to the demo unlock; after the first unlock the tour shows,
 * once — the next start goes straight to the caseload.
 */
class FirstRunUiTest {
    @TempDir Path dir;

    javafx.application.Application app;
    String previousHome;

    @BeforeEach
    void home() {
        previousHome = System.getProperty("carnet.home");
        System.setProperty("carnet.home", dir.resolve("home").toString());
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        // The robot's target window is shared by every TestFX test: leave it on the primary stage, not on a closed popup.
        new FxRobot().targetWindow(FxToolkit.registerPrimaryStage());
        if (previousHome == null) System.clearProperty("carnet.home");
        else System.setProperty("carnet.home", previousHome);
    }

    /** Preparing the demo store imports the sample data: slower than the usual 15 s on a cold, busy machine. */
    static void waitLong(java.util.function.BooleanSupplier condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(90, java.util.concurrent.TimeUnit.SECONDS, () -> {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    static boolean visible(FxRobot r, String id) {
        return r.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    /** Visible on screen: the node and every parent (a step's controls exist before their step shows). */
    static boolean shown(FxRobot r, String id) {
        return r.lookup(id).tryQuery().map(n -> {
            for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
            return n.getScene() != null;
        }).orElse(false);
    }

    @Test
    void theSampleDataLeadToTheDemoUnlockThenTheTourShowsOnce() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path store = dir.resolve("data").resolve("carnet.db");
        app = FxToolkit.setupApplication(CarnetApp.class, "--store=" + store);
        FxRobot r = new FxRobot();
        waitUntil(() -> present(r, "#first-run-demo"));
        assertThat(visible(r, "#first-run-server")).isTrue();
        assertThat(present(r, "#passphrase")).isFalse();

        r.clickOn("#first-run-demo");
        waitLong(() -> shown(r, "#first-run-open-demo"));
        assertThat(shown(r, "#demo-server-start")).isTrue();
        r.clickOn("#first-run-open-demo");
        waitLong(() -> present(r, "#passphrase"));
        assertThat(r.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().contains(DemoStore.PASSPHRASE)).tryQuery()).isPresent();
        Path demo = dir.resolve("home").resolve("data").resolve("demo").resolve("carnet-demo.db");
        assertThat(Store.exists(demo)).isTrue();
        assertThat(Store.exists(store)).isFalse();

        r.clickOn("#passphrase").write(DemoStore.PASSPHRASE).type(KeyCode.ENTER);
        waitLong(() -> present(r, "#caseload-table") && !r.lookup("#caseload-table").<TableView<?>>query().getItems().isEmpty());
        waitUntil(() -> shown(r, "#tour"));
        String first = r.lookup("#tour-title").queryAs(Label.class).getText();
        r.clickOn("#tour-next");
        assertThat(r.lookup("#tour-title").queryAs(Label.class).getText()).isNotEqualTo(first);
        r.clickOn("#tour-skip");
        waitUntil(() -> !present(r, "#tour"));
        waitUntil(() -> !TourViewModel.due(Settings.load(Settings.file())));

        // Next start (the demo store now exists): no tour.
        FxToolkit.cleanupApplication(app);
        app = FxToolkit.setupApplication(CarnetApp.class, "--demo", "--store=" + demo);
        waitUntil(() -> present(r, "#passphrase") && !present(r, "#first-run-demo"));
        r.clickOn("#passphrase").write(DemoStore.PASSPHRASE).type(KeyCode.ENTER);
        waitLong(() -> present(r, "#caseload-table") && !r.lookup("#caseload-table").<TableView<?>>query().getItems().isEmpty());
        assertThat(present(r, "#tour")).isFalse();
    }

    static final Path SHOTS = Path.of("target/screenshots");

    static void shoot(String name) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        org.testfx.util.WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage img = org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> FxToolkit.toolkitContext().getRegisteredStage().getScene().snapshot(null)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        java.nio.file.Files.createDirectories(SHOTS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", SHOTS.resolve(name + ".png").toFile());
    }

    static int health(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theDemoPathStartsALocalDemoServerThatTheDeskSyncsWithAndStopsOnExit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path store = dir.resolve("data").resolve("carnet.db");
        app = FxToolkit.setupApplication(CarnetApp.class, "--store=" + store);
        FxRobot r = new FxRobot();
        waitUntil(() -> present(r, "#first-run-demo"));
        r.clickOn("#first-run-demo");
        waitLong(() -> shown(r, "#first-run-open-demo"));
        assertThat(shown(r, "#demo-server-running")).isFalse();
        shoot("first-run-demo-ready");

        // The option: the demo server starts in the background, with progress, then shows its address and the accounts.
        r.clickOn("#demo-server-start");
        waitLong(() -> shown(r, "#demo-server-running"));
        assertThat(shown(r, "#demo-server-start")).isFalse();
        assertThat(shown(r, "#demo-server-error")).isFalse();
        String url = r.lookup("#demo-server-url").queryAs(javafx.scene.control.TextField.class).getText();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(health(url)).isEqualTo(200);
        assertThat(r.lookup((Node n) -> n instanceof Label l && "chef.leroy".equals(l.getText())).tryQuery()).isPresent();
        // Its own file beside the demo store, in the data folder; the desk's sync settings point at it.
        Path demoFolder = dir.resolve("home").resolve("data").resolve("demo");
        assertThat(demoFolder.resolve("carnet-demo-server.db")).isRegularFile();
        waitUntil(() -> Settings.load(Settings.file()).serverUrl().equals(url));
        assertThat(Settings.load(Settings.file()).serverLogin()).isEqualTo(DemoStore.DEMO_LOGIN);
        shoot("first-run-demo-server");
        javafx.stage.Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        r.interact(() -> {
            stage.setWidth(800);
            stage.setHeight(560);
        });
        shoot("first-run-demo-server-small");
        r.interact(() -> {
            stage.setWidth(1200);
            stage.setHeight(800);
        });

        r.clickOn("#first-run-open-demo");
        waitLong(() -> present(r, "#passphrase"));
        r.clickOn("#passphrase").write(DemoStore.PASSPHRASE).type(KeyCode.ENTER);
        waitLong(() -> present(r, "#caseload-table") && !r.lookup("#caseload-table").<TableView<?>>query().getItems().isEmpty());
        waitUntil(() -> shown(r, "#tour"));
        r.clickOn("#tour-skip");
        waitUntil(() -> !present(r, "#tour"));

        // The sync screen: already filled for the demo server, which it shows too; one click signs in and syncs.
        r.clickOn("#sync-button");
        waitUntil(() -> shown(r, "#sync-url") && shown(r, "#demo-server-running"));
        assertThat(r.lookup("#sync-url").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo(url);
        assertThat(r.lookup("#sync-login").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo(DemoStore.DEMO_LOGIN);
        shoot("sync-demo-server");
        r.clickOn("#sync-connect");
        waitLong(() -> !r.lookup("#sync-result").queryAs(Label.class).getText().isEmpty() || visible(r, "#sync-error"));
        assertThat(visible(r, "#sync-error")).as("sync error").isFalse();
        assertThat(r.lookup("#sync-result").queryAs(Label.class).getText()).contains("reçu");

        // The desk closes: so does its demo server.
        FxToolkit.cleanupApplication(app);
        app = null;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> health(url)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aSecondStartBringsTheFirstWindowForwardAndSaysSo() throws Exception {
        Path folder = dir.resolve("data");
        java.util.concurrent.atomic.AtomicInteger woken = new java.util.concurrent.atomic.AtomicInteger();
        try (fr.carnet.platform.InstanceLock first = fr.carnet.platform.InstanceLock.acquire(folder).orElseThrow()) {
            first.listen(woken::incrementAndGet); // the first instance, here in the test
            FxToolkit.registerPrimaryStage();
            app = FxToolkit.setupApplication(CarnetApp.class, "--store=" + folder.resolve("carnet.db"));
            FxRobot r = new FxRobot();
            waitUntil(() -> woken.get() == 1 && present(r, "#already-running")
                    && r.lookup("#already-running").queryAs(Label.class).getText().contains("premier plan"));
            assertThat(present(r, "#first-run-demo")).isFalse();
            assertThat(present(r, "#passphrase")).isFalse();
            shoot("second-start");
        }
    }

    @Test
    void theServerChoiceAsksForTheAddressAndLoginBeforeThePassphrase() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path store = dir.resolve("data").resolve("carnet.db");
        app = FxToolkit.setupApplication(CarnetApp.class, "--store=" + store);
        FxRobot r = new FxRobot();
        waitUntil(() -> present(r, "#first-run-server"));
        r.clickOn("#first-run-server");
        waitUntil(() -> visible(r, "#first-run-url"));
        r.clickOn("#first-run-url").write("carnet.example.fr");
        r.clickOn("#first-run-login").write("as.martin");
        r.clickOn("#first-run-password").write("secret");
        r.clickOn("#first-run-next");
        waitUntil(() -> visible(r, "#first-run-error"));
        assertThat(present(r, "#passphrase")).isFalse();
        r.interact(() -> r.lookup("#first-run-url").<javafx.scene.control.TextField>query().setText("http://127.0.0.1:9"));
        r.clickOn("#first-run-password").write("secret");
        r.clickOn("#first-run-next");
        // The new store's passphrase, typed twice (the existing first-start screen and policy).
        waitUntil(() -> present(r, "#passphrase") && present(r, "#confirmation"));
        String passphrase = "violette sous la pluie 42";
        r.clickOn("#passphrase").write(passphrase);
        r.clickOn("#confirmation").write(passphrase).type(KeyCode.ENTER);
        // The first sync: nobody answers on that port, which the worker reads in plain French.
        waitLong(() -> visible(r, "#first-sync-error"));
        assertThat(r.lookup("#first-sync-error").queryAs(Label.class).getText()).contains("127.0.0.1").contains("ne répond pas");
        assertThat(visible(r, "#first-sync-retry")).isTrue();
        assertThat(Store.exists(store)).isTrue();
        waitUntil(() -> Settings.load(Settings.file()).serverLogin().equals("as.martin"));
        assertThat(Settings.load(Settings.file()).serverUrl()).isEqualTo("http://127.0.0.1:9");
        // Retrying fails the same way; going on offline opens the (empty) store.
        r.clickOn("#first-sync-retry");
        waitLong(() -> visible(r, "#first-sync-error") && visible(r, "#first-sync-offline"));
        r.clickOn("#first-sync-offline");
        waitLong(() -> present(r, "#caseload-table"));
        waitUntil(() -> shown(r, "#tour"));
    }
}
