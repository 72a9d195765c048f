package fr.carnet.ui.app;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.waitUntil;

import fr.carnet.dataset.DemoStore;
import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Store;
import fr.carnet.ui.DeskUiSupport;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Tasks;
import fr.carnet.ui.unlock.UnlockView;
import fr.carnet.ui.unlock.UnlockViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders each main screen on the sample data, light and dark, into docs/screenshots/ (Scene.snapshot
 * on the Headless platform), so that a person can look at them.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsUiTest {
    static final Path OUT = Path.of(System.getProperty("carnet.screenshots", "target/screenshots"));
    @TempDir static Path dir;
    static Store store;
    static DeskContext as;
    static DeskContext sms;
    static String household;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeAll
    static void demo() throws Exception {
        Path f = dir.resolve("demo.db");
        DemoStore.ensure(f, DemoStore.sampleDataDir());
        store = Store.open(f, DemoStore.PASSPHRASE.toCharArray());
        as = DeskContext.of(store, DeskIdentity.load(store).orElseThrow(), Tasks.INSTANCE);
        sms = DeskContext.of(store, DeskIdentity.forLogin(store, "sms.garcia").orElseThrow(), Tasks.INSTANCE);
        // A household with the most to show: a plan, aid and a young child.
        household = store.read(c -> c.fetchOne("""
                SELECT h.id FROM household h WHERE h.deleted = 0
                ORDER BY (SELECT count(*) FROM plan p WHERE p.household_id = h.id) > 0 DESC,
                         (SELECT count(*) FROM aid a WHERE a.household_id = h.id) > 0 DESC,
                         (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.birth_date > date('now', '-6 years')) > 0 DESC,
                         (SELECT count(*) FROM contact c WHERE c.household_id = h.id) DESC LIMIT 1""").get(0, String.class));
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private void shoot(String name, boolean dark) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        ImageIO.write(b, "png", OUT.resolve(name + "-" + (dark ? "dark" : "light") + ".png").toFile());
    }

    private void theme(boolean dark) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(dark)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void unlockScreens(FxRobot r) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            theme(dark);
            UnlockViewModel first = new UnlockViewModel(dir.resolve("new.db"), true, UnlockViewModel.Opener.STANDARD, Tasks.INSTANCE, c -> { });
            DeskUiSupport.show(stage, new UnlockView(first));
            theme(dark);
            r.interact(() -> first.passphraseProperty().set("ma phrase"));
            shoot("unlock-first-start", dark);
            UnlockViewModel demo = new UnlockViewModel(dir.resolve("demo.db"), false, UnlockViewModel.Opener.STANDARD, Tasks.INSTANCE, c -> { });
            demo.hintProperty().set(fr.carnet.i18n.Messages.get("desk.unlock.demoHint", DemoStore.PASSPHRASE));
            DeskUiSupport.show(stage, new UnlockView(demo));
            r.interact(() -> demo.passphraseProperty().set("mauvaise phrase"));
            r.interact(demo::submit);
            waitUntil(() -> !demo.errorProperty().get().isEmpty());
            shoot("unlock-wrong-passphrase", dark);
        }
    }

    @Test
    void mainScreens(FxRobot r) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            MainView main = DeskUiSupport.mount(stage, as);
            theme(dark);
            waitUntil(() -> !r.lookup("#caseload-table").<TableView<?>>query().getItems().isEmpty());
            shoot("caseload", dark);
            r.interact(() -> main.openHousehold(household));
            waitUntil(() -> present(r, "#household-title") && !r.lookup("#household-title").queryAs(Label.class).getText().isEmpty()
                    && !r.lookup("#persons-table").<TableView<?>>query().getItems().isEmpty());
            shoot("household-composition", dark);
            selectInnerTab(r, 2);
            shoot("household-timeline", dark);
            selectInnerTab(r, 3);
            shoot("household-pia", dark);
            selectInnerTab(r, 4);
            shoot("household-aid", dark);
            selectInnerTab(r, 5);
            shoot("household-children", dark);
            r.interact(() -> main.newContact(household));
            waitUntil(() -> present(r, "#contact-mode"));
            r.interact(() -> {
                r.lookup("#contact-mode").<ComboBox<ContactMode>>query().setValue(ContactMode.HOME_VISIT);
                r.lookup("#contact-duration").<javafx.scene.control.TextField>query().setText("45 min");
                r.lookup("#domain-" + InterventionDomain.HOUSING).<javafx.scene.control.CheckBox>query().setSelected(true);
            });
            r.interact(() -> r.lookup("#contact-save").<javafx.scene.control.Button>query().fire());
            waitUntil(() -> fr.carnet.ui.DeskUiSupport.sceneShows(r, "Nombre entier attendu"));
            shoot("contact-form-validation", dark);
            r.interact(main::closeCurrent);
            String planId = store.read(c -> c.fetchOne("SELECT id FROM plan WHERE household_id = ? AND deleted = 0 ORDER BY start_date DESC LIMIT 1", household).get(0, String.class));
            r.interact(() -> main.openPlan(household, planId));
            waitUntil(() -> present(r, "#plan-status"));
            shoot("pia", dark);
            r.interact(() -> fr.carnet.ui.common.Ui.scrollIntoView(r.lookup("#eval-save").query()));
            shoot("pia-evaluation", dark);
            if (present(r, "#objective-edit-0")) {
                r.interact(() -> r.lookup("#objective-edit-0").<javafx.scene.control.Button>query().fire());
                waitUntil(() -> present(r, "#objective-cancel") && r.lookup("#objective-cancel").query().isVisible());
                r.interact(() -> fr.carnet.ui.common.Ui.scrollIntoView(r.lookup("#objective-add").query()));
                shoot("pia-objective-edit", dark);
                r.interact(() -> r.lookup("#objective-cancel").<javafx.scene.control.Button>query().fire());
            }
            r.interact(main::closeCurrent);
            r.interact(() -> main.newAid(household));
            waitUntil(() -> present(r, "#aid-amount"));
            shoot("aid-form", dark);
            r.interact(main::closeCurrent);
            r.interact(main::newHousehold);
            waitUntil(() -> present(r, "#person-lastName"));
            String last = store.read(c -> c.fetchOne("SELECT last_name FROM person WHERE deleted = 0 LIMIT 1").get(0, String.class));
            r.interact(() -> r.lookup("#person-lastName").<javafx.scene.control.TextField>query().setText(last));
            waitUntil(() -> ((javafx.scene.layout.VBox) r.lookup("#duplicates").query()).getChildren().size() > 1);
            shoot("new-household-duplicates", dark);
            r.interact(main::closeCurrent);
            r.interact(main::openAgenda);
            waitUntil(() -> present(r, "#agenda-list"));
            r.interact(() -> {
                ListView<?> l = r.lookup("#agenda-list").query();
                if (!l.getItems().isEmpty()) l.getSelectionModel().select(0);
            });
            shoot("agenda", dark);
            r.interact(() -> {
                ListView<?> l = r.lookup("#agenda-list").query();
                if (!l.getItems().isEmpty()) r.lookup("#visit-edit").<javafx.scene.control.Button>query().fire();
            });
            if (present(r, "#visit-purpose")) {
                waitUntil(() -> present(r, "#edit-sync-state .sync-badge"));
                shoot("visit-edit", dark);
                r.interact(main::closeCurrent);
            }
        }
    }

    @Test
    void secretaryHouseholdFile(FxRobot r) throws Exception {
        MainView main = DeskUiSupport.mount(stage, sms);
        theme(false);
        r.interact(() -> main.openHousehold(household));
        waitUntil(() -> present(r, "#persons-table") && !r.lookup("#persons-table").<TableView<?>>query().getItems().isEmpty());
        selectInnerTab(r, 2);
        shoot("household-secretary", false);
    }

    private static void selectInnerTab(FxRobot r, int index) {
        r.interact(() -> r.lookup("#household-tabs").queryAllAs(TabPane.class).stream().reduce((a, b) -> b)
                .ifPresent(t -> t.getSelectionModel().select(Math.min(index, t.getTabs().size() - 1))));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
