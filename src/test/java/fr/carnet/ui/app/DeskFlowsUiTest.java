package fr.carnet.ui.app;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.sceneShows;
import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.Rating;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.DeskUiSupport;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Tasks;
import fr.carnet.ui.household.HouseholdView;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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

/** The desk's main flows, clicked and typed through on the Headless platform. */
@ExtendWith(ApplicationExtension.class)
class DeskFlowsUiTest {
    @TempDir Path dir;
    DeskFixture fx;
    Stage stage;
    String lefevre;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.AS, Tasks.INSTANCE);
        lefevre = fx.household("Famille Lefèvre", "Lille");
        fx.person(lefevre, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        fx.person(lefevre, "Lefèvre", "Noé", "2023-05-10", "CHILD");
        fx.plan(lefevre, "Diagnostic très confidentiel", "2026-06-01", "2026-12-31");
        String other = fx.household("Famille Martin", "Roubaix");
        fx.person(other, "Martin", "Paul", "1970-01-01", "APPLICANT");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private MainView mount(DeskContext ctx) throws Exception {
        MainView m = DeskUiSupport.mount(stage, ctx);
        return m;
    }

    /** Scrolls the node into view (forms longer than the window), then returns it for a click. */
    private static javafx.scene.Node reveal(FxRobot r, String query) {
        javafx.scene.Node n = r.lookup(query).query();
        r.interact(() -> fr.carnet.ui.common.Ui.scrollIntoView(n));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return n;
    }

    private void openLefevre(FxRobot r, MainView main) {
        r.interact(() -> main.openHousehold(lefevre));
        waitUntil(() -> r.lookup("#household-title").queryAs(Label.class).getText().equals("Famille Lefèvre"));
    }

    @Test
    void createsAHouseholdThenAPerson(FxRobot r) throws Exception {
        MainView main = mount(fx.ctx);
        r.clickOn("#new-household");
        r.clickOn("#person-lastName").write("Dubois");
        r.clickOn("#person-firstName").write("Amelie");
        r.clickOn("#person-birthDate").write("14/03/1987");
        r.clickOn("#household-city").write("Lille");
        r.clickOn("#person-save");
        waitUntil(() -> present(r, "#household-title") && r.lookup("#household-title").queryAs(Label.class).getText().equals("Famille Dubois"));
        r.clickOn("#add-person");
        waitUntil(() -> present(r, "#person-lastName"));
        r.clickOn("#person-lastName").write("Dubois");
        r.clickOn("#person-firstName").write("Lea");
        r.interact(() -> r.lookup("#person-relationship").<ComboBox<fr.carnet.domain.Enums.Relationship>>query()
                .setValue(fr.carnet.domain.Enums.Relationship.CHILD));
        // The other Dubois shows as a likely duplicate before saving.
        waitUntil(() -> sceneShows(r, "Amelie"));
        r.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> r.lookup("#persons-table").<TableView<?>>query().getItems().size() == 2);
        assertThat(main.tabs().getTabs()).extracting(t -> t.getText()).contains("Famille Dubois");
    }

    @Test
    void editsAPersonsPhone(FxRobot r) throws Exception {
        MainView main = mount(fx.ctx);
        openLefevre(r, main);
        TableView<fr.carnet.ui.household.HouseholdViewModel.PersonRow> persons = r.lookup("#persons-table").query();
        waitUntil(() -> persons.getItems().size() == 2);
        int helene = 0;
        while (!persons.getItems().get(helene).name().contains("Hélène")) helene++;
        int row = helene;
        r.interact(() -> persons.getSelectionModel().select(row));
        r.clickOn("#edit-person");
        waitUntil(() -> present(r, "#person-firstName")
                && r.lookup("#person-firstName").queryAs(javafx.scene.control.TextField.class).getText().equals("Hélène"));
        r.clickOn(reveal(r, "#person-phone")).write("06 12 34 56 78");
        r.clickOn(reveal(r, "#person-save"));
        waitUntil(() -> present(r, "#persons-table") && r.lookup("#persons-table").<TableView<fr.carnet.ui.household.HouseholdViewModel.PersonRow>>query()
                .getItems().stream().anyMatch(p -> p.phone().equals("06 12 34 56 78")));
        assertThat(sceneShows(r, "06 12 34 56 78")).isTrue();
        assertThat(main.tabs().getTabs()).extracting(t -> t.getText()).doesNotContain("Modifier une personne — Famille Lefèvre");
    }

    @Test
    void editsTheSituationAndAContact(FxRobot r) throws Exception {
        String contact = fx.contact(lefevre, "2026-11-20", "Premier entretien");
        MainView main = mount(fx.ctx);
        openLefevre(r, main);
        r.interact(() -> r.lookup(".tab-pane").queryAllAs(TabPane.class).stream().flatMap(t -> t.getTabs().stream())
                .filter(t -> "tab-situation".equals(t.getId())).findFirst().ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
        r.clickOn(reveal(r, "#edit-situation"));
        waitUntil(() -> present(r, "#household-housing")
                && r.lookup("#household-city").queryAs(javafx.scene.control.TextField.class).getText().equals("Lille"));
        r.clickOn(reveal(r, "#household-housing")).write("Logement social");
        r.clickOn(reveal(r, "#household-save"));
        waitUntil(() -> !present(r, "#household-save") && sceneShows(r, "Logement social"));
        assertThat(fx.store.read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, lefevre)).orElseThrow().text("housing"))
                .isEqualTo("Logement social");

        r.interact(() -> r.lookup(".tab-pane").queryAllAs(TabPane.class).stream().flatMap(t -> t.getTabs().stream())
                .filter(t -> "tab-timeline".equals(t.getId())).findFirst().ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
        javafx.scene.control.ListView<fr.carnet.ui.household.HouseholdViewModel.TimelineEntry> timeline = r.lookup("#timeline").query();
        waitUntil(() -> timeline.getItems().size() == 1);
        r.interact(() -> timeline.getSelectionModel().select(0));
        r.clickOn("#edit-event");
        waitUntil(() -> present(r, "#contact-summary")
                && r.lookup("#contact-summary").queryAs(javafx.scene.control.TextArea.class).getText().equals("Premier entretien"));
        r.clickOn(reveal(r, "#contact-summary")).write(", loyer à jour");
        r.clickOn(reveal(r, "#contact-save"));
        waitUntil(() -> !present(r, "#contact-save") && sceneShows(r, "Premier entretien, loyer à jour"));
        assertThat(fx.store.read(c -> RecordRepository.find(c, RecordType.CONTACT, contact)).orElseThrow().text("summary"))
                .isEqualTo("Premier entretien, loyer à jour");
    }

    @Test
    void recordsAContact(FxRobot r) throws Exception {
        MainView main = mount(fx.ctx);
        openLefevre(r, main);
        r.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> present(r, "#contact-mode"));
        r.interact(() -> r.lookup("#contact-mode").<ComboBox<ContactMode>>query().setValue(ContactMode.HOME_VISIT));
        r.clickOn("#domain-HOUSING");
        r.clickOn("#contact-duration").write("45");
        r.clickOn("#contact-summary").write("Point sur le loyer");
        r.clickOn("#contact-save");
        waitUntil(() -> present(r, "#timeline") && r.lookup("#timeline").<javafx.scene.control.ListView<?>>query().getItems().size() == 1);
        List<StoredRecord> cs = fx.store.read(c -> RecordRepository.children(c, RecordType.CONTACT, List.of(lefevre)));
        assertThat(cs).singleElement().satisfies(c -> {
            assertThat(c.text("mode")).isEqualTo("HOME_VISIT");
            assertThat(c.text("summary")).isEqualTo("Point sur le loyer");
            assertThat(c.get("domains").toString()).contains("HOUSING");
        });
    }

    @Test
    void plansAndCompletesAVisit(FxRobot r) throws Exception {
        MainView main = mount(fx.ctx);
        openLefevre(r, main);
        r.clickOn("#plan-visit");
        waitUntil(() -> present(r, "#visit-purpose"));
        r.clickOn("#visit-purpose").write("Point budget");
        r.clickOn("#visit-save");
        waitUntil(() -> main.tabs().getSelectionModel().getSelectedItem().getId() != null
                && main.tabs().getSelectionModel().getSelectedItem().getId().equals("tab-agenda")
                && !r.lookup("#agenda-list").<javafx.scene.control.ListView<?>>query().getItems().isEmpty());
        r.interact(() -> r.lookup("#agenda-list").<javafx.scene.control.ListView<?>>query().getSelectionModel().select(0));
        r.interact(() -> r.lookup("#visit-status").<ComboBox<VisitStatus>>query().setValue(VisitStatus.DONE));
        r.clickOn("#visit-observations").write("Logement humide");
        r.clickOn("#visit-complete");
        waitUntil(() -> {
            List<StoredRecord> vs = fx.store.read(c -> RecordRepository.children(c, RecordType.VISIT, List.of(lefevre)));
            return vs.size() == 1 && "DONE".equals(vs.get(0).text("status"));
        });
        StoredRecord v = fx.store.read(c -> RecordRepository.children(c, RecordType.VISIT, List.of(lefevre))).get(0);
        assertThat(v.text("observations")).isEqualTo("Logement humide");
        assertThat(v.text("purpose")).isEqualTo("Point budget");
    }

    @Test
    void aVisitBeingTypedSurvivesALostTabThenIsChangedFromTheAgenda(FxRobot r) throws Exception {
        MainView main = mount(fx.ctx);
        openLefevre(r, main);
        r.clickOn("#plan-visit");
        waitUntil(() -> present(r, "#visit-purpose"));
        r.clickOn("#visit-purpose").write("Point budget");
        // the draft is written a second after the last keystroke
        waitUntil(() -> r.lookup("#draft-status").queryAs(Label.class).getText().equals("Brouillon enregistré."));
        r.interact(main::closeCurrent); // the form is lost without saving
        waitUntil(() -> !present(r, "#visit-purpose"));
        r.clickOn("#plan-visit");
        waitUntil(() -> present(r, "#visit-purpose")
                && r.lookup("#visit-purpose").queryAs(javafx.scene.control.TextField.class).getText().equals("Point budget"));
        assertThat(r.lookup("#draft-status").queryAs(Label.class).getText()).isEqualTo("Brouillon restauré.");
        r.clickOn("#visit-save");
        waitUntil(() -> "tab-agenda".equals(main.tabs().getSelectionModel().getSelectedItem().getId())
                && !r.lookup("#agenda-list").<javafx.scene.control.ListView<?>>query().getItems().isEmpty());
        assertThat(fx.ctx.drafts().load("visit:new:" + lefevre)).isEmpty();
        r.interact(() -> r.lookup("#agenda-list").<javafx.scene.control.ListView<?>>query().getSelectionModel().select(0));
        r.clickOn("#visit-edit");
        waitUntil(() -> present(r, "#visit-purpose") && present(r, "#edit-sync-state .sync-badge")
                && r.lookup("#visit-purpose").queryAs(javafx.scene.control.TextField.class).getText().equals("Point budget"));
        r.clickOn("#visit-time").eraseText(5).write("25:00");
        r.clickOn("#visit-save");
        waitUntil(() -> sceneShows(r, "Heure illisible"));
        r.clickOn("#visit-time").eraseText(5).write("16:30");
        r.clickOn("#visit-purpose").write(" et énergie");
        r.clickOn("#visit-save");
        waitUntil(() -> !present(r, "#visit-purpose"));
        StoredRecord v = fx.store.read(c -> RecordRepository.children(c, RecordType.VISIT, List.of(lefevre))).get(0);
        assertThat(v.text("purpose")).isEqualTo("Point budget et énergie");
        assertThat(v.text("plannedAt")).contains("T16:30");
        assertThat(fx.store.read(c -> fr.carnet.store.ChangeJournal.forRecord(c, RecordType.VISIT, v.id())).stream()
                .filter(e -> e.op().equals("update"))).singleElement();
    }

    @Test
    void buildsEvaluatesAndClosesAPia(FxRobot r) throws Exception {
        MainView main = mount(fx.ctx);
        openLefevre(r, main);
        r.clickOn(reveal(r, "#new-plan"));
        waitUntil(() -> present(r, "#plan-diagnosis"));
        r.clickOn(reveal(r, "#plan-diagnosis")).write("Impayes de loyer");
        r.clickOn(reveal(r, "#plan-agreement")).write("26/11/2026");
        r.clickOn(reveal(r, "#plan-save"));
        waitUntil(() -> present(r, "#plan-status"));
        for (String[] o : List.of(new String[] {"HOUSING", "Resorber la dette"}, new String[] {"HEALTH", "Ouvrir les droits sante"})) {
            r.interact(() -> r.lookup("#objective-domain").<ComboBox<InterventionDomain>>query().setValue(InterventionDomain.valueOf(o[0])));
            r.clickOn(reveal(r, "#objective-statement")).write(o[1]);
            r.clickOn(reveal(r, "#objective-add"));
            waitUntil(() -> r.lookup("#objective-statement").<javafx.scene.control.TextField>query().getText().isEmpty());
        }
        waitUntil(() -> r.lookup(".eval-rating").queryAll().size() == 2);
        r.interact(() -> r.lookup(".eval-rating").queryAll().forEach(n -> {
            @SuppressWarnings("unchecked") ComboBox<Rating> c = (ComboBox<Rating>) n;
            c.setValue(Rating.MET);
        }));
        r.clickOn(reveal(r, "#eval-save"));
        waitUntil(() -> sceneShows(r, "Co-évaluation du "));
        r.interact(() -> r.lookup("#close-reason").<javafx.scene.control.TextField>query().setText("Objectifs atteints"));
        r.interact(() -> r.lookup("#plan-close").<javafx.scene.control.Button>query().fire());
        waitUntil(() -> r.lookup("#plan-status").queryAs(Label.class).getText().equals("Clôturé"));
        List<StoredRecord> plans = fx.store.read(c -> RecordRepository.children(c, RecordType.PLAN, List.of(lefevre)));
        assertThat(plans).filteredOn(p -> "Impayes de loyer".equals(p.text("diagnosis"))).singleElement()
                .satisfies(p -> assertThat(p.text("status")).isEqualTo("CLOSED"));
        int objectives = fx.store.read(c -> c.fetchCount(RecordRepository.table(RecordType.OBJECTIVE)));
        assertThat(objectives).isEqualTo(2);
    }

    @Test
    void searchFindsHeleneWithoutAccents(FxRobot r) throws Exception {
        mount(fx.ctx);
        r.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        r.write("helene");
        waitUntil(() -> r.lookup("#caseload-table").<TableView<?>>query().getItems().size() == 1);
        assertThat(sceneShows(r, "Famille Lefèvre")).isTrue();
        assertThat(r.lookup("#caseload-table").<TableView<fr.carnet.store.CaseloadQueries.Row>>query().getItems())
                .extracting(fr.carnet.store.CaseloadQueries.Row::label).containsExactly("Famille Lefèvre");
        r.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> present(r, "#household-title"));
    }

    @Test
    void aSecretaryCannotSeeADiagnosis(FxRobot r) throws Exception {
        MainView main = mount(fx.as(Role.SMS));
        openLefevre(r, main);
        waitUntil(() -> r.lookup("#persons-table").<TableView<?>>query().getItems().size() == 2);
        assertThat(present(r, "#new-plan")).isFalse();
        assertThat(present(r, "#tab-plans")).isFalse();
        assertThat(r.lookup(".tab-pane").queryAllAs(TabPane.class).stream().flatMap(t -> t.getTabs().stream())
                .map(t -> t.getText())).doesNotContain("PIA", "Aides", "Enfants 0–6 ans");
        assertThat(present(r, "#household-notes")).isFalse();
        r.interact(() -> main.openPlan(lefevre, null));
        assertThat(sceneShows(r, "Diagnostic très confidentiel")).isFalse();
        assertThat(sceneShows(r, "Note confidentielle")).isFalse();
        assertThat(HouseholdView.CHILD_AREA_ID).isNotNull();
    }
}
