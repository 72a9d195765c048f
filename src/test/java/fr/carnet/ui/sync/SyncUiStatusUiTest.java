package fr.carnet.ui.sync;

import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.i18n.Messages;
import fr.carnet.sync.SyncException;
import fr.carnet.sync.SyncResult;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.DeskUiSupport;
import fr.carnet.ui.app.Theme;
import fr.carnet.ui.common.Tasks;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
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

/** The status area while a sync runs (progress, Cancel) and after the server could not be reached; rendered light and dark. */
@ExtendWith(ApplicationExtension.class)
class SyncUiStatusUiTest {
    @TempDir Path dir;
    DeskFixture f;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.FRANCE);
        f = new DeskFixture(dir, Role.AS, Tasks.INSTANCE);
        f.household("Famille D.", "Lille");
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get(5, TimeUnit.SECONDS);
        f.close();
    }

    @Test
    void showsProgressWithCancelThenTheReasonItStopped(FxRobot r) throws Exception {
        FakeGateway g = new FakeGateway();
        CountDownLatch release = new CountDownLatch(1);
        g.onSync = p -> {
            p.progress("sync.phase.pull", 12, 40);
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            p.progress("sync.phase.pull", 12, 80);
            return new SyncResult(0, 0, 0, 0, List.of(), List.of());
        };
        SyncViewModel vm = new SyncViewModel(f.ctx, (u, l, pw) -> g, Platform::runLater, DeskFixture.CLOCK,
                "https://carnet.example.fr", "as.martin", (u, l) -> { });
        ConflictsViewModel cv = new ConflictsViewModel(f.ctx, g);
        SyncView view = WaitForAsyncUtils.asyncFx(() -> new SyncView(vm, cv, new OutboxViewModel(f.ctx))).get(5, TimeUnit.SECONDS);
        SyncHeader header = WaitForAsyncUtils.asyncFx(() -> new SyncHeader(vm, x -> { })).get(5, TimeUnit.SECONDS);
        VBox root = new VBox(header, view.node());
        DeskUiSupport.show(stage, root);
        r.interact(() -> {
            vm.passwordProperty().set("demo");
            vm.connect();
        });
        waitUntil(() -> r.lookup("#sync-phase").queryAs(Label.class).getText().equals("Réception des modifications · 12 envoyés, 40 reçus"));
        assertThat(r.lookup("#sync-cancel").query().isVisible()).isTrue();
        shoot(r, "sync-status-running");
        // Cancel: the sync stops at its next step and says what is kept.
        r.clickOn("#sync-cancel");
        release.countDown();
        waitUntil(() -> r.lookup("#sync-result").queryAs(Label.class).getText().startsWith("Synchronisation annulée"));

        g.onSync = p -> {
            throw new SyncException("sync.error.network", null);
        };
        r.clickOn("#sync-now");
        waitUntil(() -> r.lookup("#sync-error").queryAs(Label.class).isVisible());
        assertThat(r.lookup("#sync-header-status").queryAs(javafx.scene.control.Hyperlink.class).getText())
                .isEqualTo("Hors ligne · 1 modification à envoyer");
        shoot(r, "sync-status-offline");

        // The outbox: the waiting change in words, and a change the server refused with its reason.
        f.store.write(c -> c.execute("INSERT INTO change_journal (record_type, record_id, op, ctx, patch, author_id, device_time, status, result) "
                + "VALUES ('visit', 'gone', 'update', '{}', '{}', ?, '2026-11-25T16:20:00+01:00', 'REJECTED', ?)",
                f.worker.workerId(), "{\"status\":\"rejected\",\"reason\":\"forbidden\"}"));
        r.interact(view::refresh);
        r.clickOn("#sync-tab-outbox .tab-label");
        waitUntil(() -> !r.lookup("#rejected-table").<javafx.scene.control.TableView<?>>query().getItems().isEmpty());
        assertThat(DeskUiSupport.sceneShows(r, "Dossier · Famille D.")).isTrue();
        assertThat(DeskUiSupport.sceneShows(r, "refusée : hors de votre périmètre ou de votre rôle")).isTrue();
        shoot(r, "sync-outbox");
        r.interact(header::stop);
    }

    void shoot(FxRobot r, String name) throws Exception {
        Files.createDirectories(Path.of(System.getProperty("carnet.screenshots", "target/screenshots")));
        for (boolean dark : new boolean[] {false, true}) {
            WaitForAsyncUtils.asyncFx(() -> Theme.apply(dark)).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            WritableImage img = WaitForAsyncUtils.asyncFx(() -> {
                return stage.getScene().getRoot().snapshot(null, new WritableImage(1280, name.equals("sync-outbox") ? 800 : 420));
            }).get(10, TimeUnit.SECONDS);
            BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
            ImageIO.write(bi, "png", Path.of(System.getProperty("carnet.screenshots", "target/screenshots"), name + "-" + (dark ? "dark" : "light") + ".png").toFile());
        }
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get(5, TimeUnit.SECONDS);
    }
}
