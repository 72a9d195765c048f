package fr.carnet.ui.app;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.dataset.DemoStore;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The launcher's demo path, end to end: the demo store is prepared, unlocked with its passphrase, the caseload fills. */
class CarnetAppUiTest {
    @TempDir Path dir;

    javafx.application.Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void theDemoOpensOnTheUnlockWindowThenTheCaseload() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path store = dir.resolve("demo.db");
        app = FxToolkit.setupApplication(CarnetApp.class, "--demo", "--store=" + store, "--as=sms.garcia");
        FxRobot r = new FxRobot();
        waitUntil(() -> present(r, "#passphrase"));
        assertThat(r.lookup((javafx.scene.Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().contains(DemoStore.PASSPHRASE)).tryQuery()).isPresent();
        r.clickOn("#passphrase").write("wrong passphrase").type(KeyCode.ENTER);
        waitUntil(() -> present(r, "#unlock-error") && r.lookup("#unlock-error").queryAs(Label.class).isVisible());
        r.interact(() -> r.lookup("#passphrase").<javafx.scene.control.PasswordField>query().clear());
        r.clickOn("#passphrase").write(DemoStore.PASSPHRASE).type(KeyCode.ENTER);
        waitUntil(() -> present(r, "#caseload-table") && !r.lookup("#caseload-table").<TableView<?>>query().getItems().isEmpty());
        assertThat(r.lookup("#top-worker").queryAs(Label.class).getText()).contains("Secrétaire médico-sociale");
    }
}
