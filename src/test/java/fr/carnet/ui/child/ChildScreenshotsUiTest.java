package fr.carnet.ui.child;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.waitUntil;

import fr.carnet.dataset.DemoStore;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.Store;
import fr.carnet.ui.DeskUiSupport;
import fr.carnet.ui.app.MainView;
import fr.carnet.ui.app.Theme;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Tasks;
import fr.carnet.ui.common.Ui;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
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
 * Renders the child tab (the nurse), the batch of summaries and the supervisor's team tab on the
 * sample data, light and dark, into docs/screenshots/ for a person to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ChildScreenshotsUiTest {
    static final Path OUT = Path.of(System.getProperty("carnet.screenshots", "target/screenshots"));
    @TempDir static Path dir;
    static Store store;
    static DeskContext nurse;
    static DeskContext supervisor;
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
        nurse = DeskContext.of(store, DeskIdentity.forLogin(store, "pue.robert").orElseThrow(), Tasks.INSTANCE);
        supervisor = DeskContext.of(store, DeskIdentity.forLogin(store, "chef.leroy").orElseThrow(), Tasks.INSTANCE);
        // the household whose youngest child has the most measurements
        household = store.read(c -> c.fetchOne("""
                SELECT p.household_id FROM person p JOIN household h ON h.id = p.household_id
                WHERE p.deleted = 0 AND h.deleted = 0 AND p.birth_date > date('now', '-6 years') AND p.sex IN ('F', 'M')
                ORDER BY (SELECT count(*) FROM measurement m WHERE m.person_id = p.id AND m.deleted = 0) DESC LIMIT 1""").get(0, String.class));
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private void shoot(String name, boolean dark) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        ImageIO.write(b, "png", OUT.resolve(name + "-" + (dark ? "dark" : "light") + ".png").toFile());
    }

    private void theme(boolean dark) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(dark)).get(5, TimeUnit.SECONDS);
    }

    private static void reveal(FxRobot r, String query) {
        javafx.scene.Node n = r.lookup(query).query();
        r.interact(() -> Ui.scrollIntoView(n));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void childTab(FxRobot r) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            MainView main = DeskUiSupport.mount(stage, nurse);
            theme(dark);
            waitUntil(() -> !r.lookup("#caseload-table").<TableView<?>>query().getItems().isEmpty());
            shoot("caseload-nurse", dark);
            r.interact(() -> main.openHousehold(household));
            waitUntil(() -> present(r, "#household-title") && !r.lookup("#household-title").queryAs(Label.class).getText().isEmpty());
            r.clickOn("#tab-children");
            waitUntil(() -> present(r, "#child-view") && !r.lookup("#measurements-table").<TableView<?>>query().getItems().isEmpty());
            shoot("child-tab", dark);
            reveal(r, "#growth-chart");
            shoot("child-chart", dark);
            reveal(r, "#screenings-table");
            shoot("child-screenings", dark);
            r.interact(main::openBatch);
            waitUntil(() -> present(r, "#batch-view"));
            shoot("batch-summaries", dark);
        }
    }

    @Test
    void teamTab(FxRobot r) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            MainView main = DeskUiSupport.mount(stage, supervisor);
            theme(dark);
            r.interact(() -> main.tabs().getSelectionModel().select(main.teamTab()));
            waitUntil(() -> present(r, "#team-view") && r.lookup(".table-view").queryAllAs(TableView.class).stream()
                    .anyMatch(t -> t.isVisible() && t.getItems().size() > 3));
            shoot("team", dark);
        }
    }
}
