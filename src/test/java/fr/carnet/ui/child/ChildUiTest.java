package fr.carnet.ui.child;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.sceneShows;
import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.growth.Indicator;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.DeskUiSupport;
import fr.carnet.ui.app.MainView;
import fr.carnet.ui.common.FileDialogs;
import fr.carnet.ui.common.Tasks;
import fr.carnet.ui.print.PrintViewModelTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/** The child tab and the print button, typed and clicked through on the Headless platform. */
@ExtendWith(ApplicationExtension.class)
class ChildUiTest {
    @TempDir
    Path dir;
    DeskFixture fx;
    Stage stage;
    String household;
    String lina;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.PUERICULTRICE, Tasks.INSTANCE);
        household = fx.household("Famille Benali", "Lille");
        fx.person(household, "Benali", "Samira", "1994-02-11", "APPLICANT");
        lina = ChildViewModelTest.child(fx, household, "Lina", "2026-06-01", "F");
    }

    @AfterEach
    void close() {
        FileDialogs.override(null);
        fx.close();
    }

    private MainView openChildTab(FxRobot r) throws Exception {
        MainView main = DeskUiSupport.mount(stage, fx.ctx);
        r.interact(() -> main.openHousehold(household));
        waitUntil(() -> present(r, "#household-title") && r.lookup("#household-title").queryAs(Label.class).getText().equals("Famille Benali"));
        r.clickOn("#tab-children");
        waitUntil(() -> present(r, "#child-view") && r.lookup("#child-name").queryAs(Label.class).getText().equals("Lina Benali"));
        return main;
    }

    /** Scrolls the node into view first: the child panel is longer than the window. */
    private static javafx.scene.Node reveal(FxRobot r, String query) {
        javafx.scene.Node n = r.lookup(query).query();
        r.interact(() -> fr.carnet.ui.common.Ui.scrollIntoView(n));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return n;
    }

    private void measure(FxRobot r, String date, String weight) {
        TextField d = r.lookup("#measure-date").query();
        r.interact(d::clear);
        r.clickOn(reveal(r, "#measure-date")).write(date);
        r.clickOn(reveal(r, "#measure-weight")).write(weight);
        int before = r.lookup("#measurements-table").<TableView<?>>query().getItems().size();
        r.clickOn(reveal(r, "#measure-save"));
        try {
            waitUntil(() -> r.lookup("#measurements-table").<TableView<?>>query().getItems().size() == before + 1);
        } catch (AssertionError e) {
            throw new AssertionError("not saved: " + r.lookup(".field-error").queryAllAs(Label.class).stream().map(Label::getText)
                    .filter(t -> !t.isEmpty()).toList(), e);
        }
    }

    @Test
    void threeWeighingsDrawTheCurveAndRaiseTheAlertOfAFall(FxRobot r) throws Exception {
        openChildTab(r);
        assertThat(r.lookup("#child-age").queryAs(Label.class).getText()).startsWith("178 jours · 5 mois · 0 an(s)");
        assertThat(sceneShows(r, "À surveiller — Examen du 4e mois")).isTrue();
        measure(r, "01/07/2026", "4,2");
        measure(r, "01/08/2026", "5,1");
        measure(r, "01/10/2026", "4,9");
        GrowthChartView chart = r.lookup("#growth-chart").query();
        waitUntil(() -> chart.getChart() != null && chart.getChart().points().size() == 3);
        assertThat(chart.isVisible()).isTrue();
        assertThat(chart.getWidth()).isGreaterThan(400);
        waitUntil(() -> r.lookup(".growth-alert").tryQuery().isPresent());
        assertThat(r.lookup(".growth-alert").queryAllAs(Message.class)).anySatisfy(m -> {
            assertThat(m.isVisible()).isTrue();
            assertThat(m.getDescription()).contains("franchit 2 courbes vers le bas");
        });
        assertThat(r.lookup("#measurements-table").<TableView<ChildViewModel.MeasurementRow>>query().getItems().get(0).weight()).isEqualTo("4,900");

        r.clickOn(reveal(r, "#indicator-hcfa"));
        waitUntil(() -> chart.getChart().indicator() == Indicator.HEAD_FOR_AGE);
        r.clickOn(reveal(r, "#indicator-wfa"));
        waitUntil(() -> chart.getChart().indicator() == Indicator.WEIGHT_FOR_AGE);

        // a typing error is refused with the message under the field
        r.clickOn(reveal(r, "#measure-weight")).write("49");
        r.clickOn(reveal(r, "#measure-save"));
        waitUntil(() -> sceneShows(r, "Poids très improbable pour l’âge"));
        assertThat(r.lookup("#measurements-table").<TableView<?>>query().getItems()).hasSize(3);

        // the chart as an image, to the path the "dialog" answers
        Path png = dir.resolve("courbe.png");
        FileDialogs.override((name, folder) -> Optional.of(png));
        r.clickOn(reveal(r, "#export-chart"));
        waitUntil(() -> Files.exists(png) && sceneShows(r, "Image enregistrée"));
    }

    @Test
    void ctrlPPrintsTheSummaryToTheChosenFileAndSaysSo(FxRobot r) throws Exception {
        openChildTab(r);
        Path pdf = dir.resolve("synthese-benali.pdf");
        FileDialogs.override((name, folder) -> {
            assertThat(name).startsWith("2026-11-26_Famille-Benali_");
            return Optional.of(pdf);
        });
        r.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        waitUntil(() -> Files.exists(pdf) && sceneShows(r, "Synthèse enregistrée : synthese-benali.pdf"));
        assertThat(PrintViewModelTest.text(pdf)).contains("Famille Benali").contains("Lina");
        assertThat(fx.store.read(AuditLog::all)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditLog.Action.PRINT);
            assertThat(e.recordId()).isEqualTo(household);
        });
    }

    @Test
    void aSecretaryHasNoChildTab(FxRobot r) throws Exception {
        MainView main = DeskUiSupport.mount(stage, fx.as(Role.SMS));
        r.interact(() -> main.openHousehold(household));
        waitUntil(() -> present(r, "#persons-table") && r.lookup("#persons-table").<TableView<?>>query().getItems().size() == 2);
        assertThat(present(r, "#tab-children")).isFalse();
        assertThat(present(r, "#child-view")).isFalse();
        assertThat(r.lookup(".tab-pane").queryAllAs(TabPane.class).stream().flatMap(t -> t.getTabs().stream()).map(t -> t.getText()))
                .doesNotContain("Enfants 0–6 ans", "Équipe");
        assertThat(present(r, "#print-summary")).isTrue();
    }
}
