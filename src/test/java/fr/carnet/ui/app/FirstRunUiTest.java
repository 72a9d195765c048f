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
        waitLong(() -> present(r, "#passphrase"));
        assertThat(r.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().contains(DemoStore.PASSPHRASE)).tryQuery()).isPresent();
        Path demo = dir.resolve("home").resolve("data").resolve("demo").resolve("carnet-demo.db");
        assertThat(Store.exists(demo)).isTrue();
        assertThat(Store.exists(store)).isFalse();

        r.clickOn("#passphrase").write(DemoStore.PASSPHRASE).type(KeyCode.ENTER);
        waitLong(() -> present(r, "#caseload-table") && !r.lookup("#caseload-table").<TableView<?>>query().getItems().isEmpty());
        waitUntil(() -> visible(r, "#tour"));
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
        waitUntil(() -> visible(r, "#tour"));
    }
}
