package fr.carnet.ui.app;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.sceneShows;
import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.security.OfflineGrace;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.MutableClock;
import fr.carnet.ui.common.Tasks;
import fr.carnet.ui.lock.DeskLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The idle lock and the offline grace, on the Headless platform, with a clock the test moves. */
@ExtendWith(ApplicationExtension.class)
class IdleLockUiTest {
    @TempDir Path dir;
    DeskFixture fx;
    Stage stage;
    String lefevre;
    MutableClock clock = MutableClock.paris();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.AS, Tasks.INSTANCE);
        lefevre = fx.household("Famille Lefèvre", "Lille");
        fx.person(lefevre, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private record Mounted(MainView main, DeskLock lock) {}

    private Mounted mount() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Theme.apply(false);
            Settings s = new Settings();
            MainView main = new MainView(fx.ctx, s, x -> { });
            DeskLock lock = DeskSecurity.install(stage, main, fx.ctx, s, clock, x -> { });
            Scene scene = new Scene(lock.root(), 1280, 800);
            Theme.style(scene, s.fontSize());
            main.installShortcuts(scene);
            lock.attach(scene);
            stage.setScene(scene);
            stage.setTitle("Carnet — Claire Martin");
            stage.show();
            return new Mounted(main, lock);
        }).get(10, TimeUnit.SECONDS);
    }

    private void openLefevre(FxRobot r, MainView main) {
        waitUntil(() -> present(r, "#caseload-table"));
        r.interact(() -> main.openHousehold(lefevre));
        waitUntil(() -> present(r, "#household-title") && r.lookup("#household-title").queryAs(Label.class).getText().equals("Famille Lefèvre"));
    }

    @Test
    void locksAfterFiveIdleMinutesHidesTheCaseAndUnlocksBackWhereTheWorkerWas(FxRobot r) throws Exception {
        Mounted m = mount();
        openLefevre(r, m.main());
        Tab household = m.main().tabs().getSelectionModel().getSelectedItem();

        clock.advance(Duration.ofMinutes(4));
        r.interact(m.lock()::tick);
        assertThat(present(r, "#lock-pane")).isFalse();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        waitUntil(() -> present(r, "#lock-pane")); // the desk's own one-second timeline notices

        // No case content anywhere in the scene graph, a neutral title, no shortcuts but Ctrl+L.
        assertThat(present(r, "#household-title")).isFalse();
        assertThat(present(r, "#caseload-table")).isFalse();
        assertThat(sceneShows(r, "Lefèvre")).isFalse();
        assertThat(sceneShows(r, "Hélène")).isFalse();
        assertThat(stage.getTitle()).isEqualTo("Carnet");
        assertThat(stage.getScene().getAccelerators()).containsKey(DeskLock.SHORTCUT)
                .doesNotContainKey(new javafx.scene.input.KeyCodeCombination(KeyCode.N, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        Node root = stage.getScene().getRoot();
        assertThat(root.lookup("#tab-caseload")).isNull();

        r.interact(() -> m.lock().viewModel().passphraseProperty().set("pas la bonne"));
        r.clickOn("#lock-submit");
        waitUntil(() -> !r.lookup("#lock-error").queryAs(Label.class).getText().isEmpty());
        assertThat(present(r, "#lock-pane")).isTrue();

        r.interact(() -> m.lock().viewModel().passphraseProperty().set(new String(DeskFixture.PASS)));
        r.clickOn("#lock-submit");
        waitUntil(() -> !present(r, "#lock-pane") && present(r, "#household-title"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(r.lookup("#household-title").queryAs(Label.class).getText()).isEqualTo("Famille Lefèvre");
        assertThat(m.main().tabs().getSelectionModel().getSelectedItem()).isSameAs(household);
        assertThat(stage.getTitle()).isEqualTo("Carnet — Claire Martin");
        assertThat(fx.store.read(AuditLog::all)).extracting(AuditLog.Entry::action)
                .contains(AuditLog.Action.OPEN_FILE, AuditLog.Action.UNLOCK_FAILED, AuditLog.Action.UNLOCK);

        // Ctrl+L locks on request; activity keeps an open desk open.
        r.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> present(r, "#lock-pane"));
        assertThat(m.lock().viewModel().isLocked()).isTrue();
    }

    @Test
    void activityPostponesTheLock(FxRobot r) throws Exception {
        Mounted m = mount();
        waitUntil(() -> present(r, "#caseload-search"));
        clock.advance(Duration.ofMinutes(4));
        r.moveTo("#caseload-search").moveBy(5, 5);
        clock.advance(Duration.ofMinutes(2));
        r.interact(m.lock()::tick);
        assertThat(present(r, "#lock-pane")).isFalse();
        clock.advance(Duration.ofMinutes(4));
        r.interact(m.lock()::tick);
        assertThat(present(r, "#lock-pane")).isTrue();
    }

    @Test
    void afterThirtyOneDaysOfflineTheCaseloadAsksForALoginAndFilesStayClosed(FxRobot r) throws Exception {
        fx.store.write(c -> {
            OfflineGrace.recordOnlineLogin(c, clock.instant().minus(Duration.ofDays(31)));
            return null;
        });
        Mounted m = mount();
        waitUntil(() -> present(r, "#grace-message"));
        assertThat(r.lookup("#grace-message").queryAs(Label.class).getText()).contains("31 jours");
        assertThat(present(r, "#caseload-table")).isFalse();
        r.interact(() -> m.main().openHousehold(lefevre));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(m.main().tabs().getTabs()).hasSize(2);
        assertThat(present(r, "#household-title")).isFalse();

        // The sync UI records a login, then asks for a new check: the files open again.
        fx.store.write(c -> {
            OfflineGrace.recordOnlineLogin(c, clock.instant());
            return null;
        });
        r.interact(() -> m.main().offlineGrace().check());
        waitUntil(() -> present(r, "#caseload-table"));
        openLefevre(r, m.main());
    }

    @Test
    void aStoreThatNeverSyncedIsExempt(FxRobot r) throws Exception {
        clock.advance(Duration.ofDays(400));
        mount();
        waitUntil(() -> present(r, "#caseload-table"));
        assertThat(present(r, "#grace-message")).isFalse();
    }
}
