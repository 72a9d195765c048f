package fr.carnet.ui.app;

import static fr.carnet.ui.DeskUiSupport.present;
import static fr.carnet.ui.DeskUiSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.DeskUiSupport;
import fr.carnet.ui.common.Tasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
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

/**
 * A screen reader pass: on each main screen, every button, text field, combo box, check box and
 * date picker carries a name a screen reader can say — its own text, a label pointing at it
 * ({@code labelFor}) or an accessible text. Icon-only buttons must have accessible text.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibilityUiTest {
    @TempDir Path dir;
    DeskFixture fx;
    Stage stage;
    String lefevre;
    String planId;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.AS, Tasks.INSTANCE);
        lefevre = fx.household("Famille Lefèvre", "Lille");
        fx.person(lefevre, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        fx.person(lefevre, "Lefèvre", "Noé", "2024-05-10", "CHILD");
        fx.contact(lefevre, "2026-11-20", "Premier entretien");
        planId = fx.plan(lefevre, "Diagnostic", "2026-06-01", "2026-12-31");
        var o = fr.carnet.util.Json.object();
        o.put("planId", planId);
        o.put("domain", "HOUSING");
        o.put("statement", "Résorber la dette");
        o.put("status", "OPEN");
        fx.ctx.editor().create(fr.carnet.domain.RecordType.OBJECTIVE, o);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** The controls of the shown scene that a screen reader could not name. */
    private int checked;

    private List<String> unlabelled(FxRobot r) {
        List<String> out = new ArrayList<>();
        checked = 0;
        r.interact(() -> {
            Parent root = stage.getScene().getRoot();
            Set<Node> labelled = new java.util.HashSet<>();
            walk(root, n -> {
                if (n instanceof Label l && l.getLabelFor() != null) labelled.add(l.getLabelFor());
            });
            walk(root, n -> {
                if (!(n instanceof ButtonBase || n instanceof TextInputControl || n instanceof ComboBoxBase)) return;
                if (!n.isVisible() || insideAnotherControl(n)) return;
                Control c = (Control) n;
                checked++;
                boolean named = notBlank(c.getAccessibleText()) || labelled.contains(c)
                        || (c instanceof Labeled l && notBlank(l.getText()));
                if (named && c instanceof javafx.scene.control.Button b && !notBlank(b.getText()) && b.getTooltip() == null)
                    out.add("icon-only " + c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId()) + " without tooltip");
                if (!named) out.add(c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId())
                        + (c instanceof TextInputControl t && notBlank(t.getPromptText()) ? " (" + t.getPromptText() + ")" : ""));
            });
        });
        return out;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Parts of a control's skin (a date picker's text field, a spinner's buttons) are named by the control. */
    private static boolean insideAnotherControl(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent())
            if (p instanceof ComboBoxBase || p instanceof Spinner || p instanceof TableView) return true;
        return false;
    }

    private static void walk(Node n, java.util.function.Consumer<Node> f) {
        f.accept(n);
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) walk(sp.getContent(), f);
        if (n instanceof javafx.scene.control.TitledPane tp && tp.getContent() != null) walk(tp.getContent(), f);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) walk(c, f);
    }

    private void check(FxRobot r, String screen, Set<String> problems) {
        WaitForAsyncUtils.waitForFxEvents();
        for (String u : unlabelled(r)) problems.add(screen + ": " + u);
        assertThat(checked).as("controls checked on %s", screen).isGreaterThan(3);
    }

    @Test
    void anIconOnlyButtonOrABareFieldIsCaught(FxRobot r) throws Exception {
        javafx.scene.control.Button icon = new javafx.scene.control.Button();
        icon.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignP.PENCIL_OUTLINE));
        icon.setId("bare-icon");
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setPromptText("jj/mm/aaaa");
        javafx.scene.control.TextField named = new javafx.scene.control.TextField();
        Label l = new Label("_Nom");
        l.setLabelFor(named);
        DeskUiSupport.show(stage, new javafx.scene.layout.VBox(icon, field, l, named, new javafx.scene.control.DatePicker()));
        assertThat(unlabelled(r)).containsExactlyInAnyOrder("Button#bare-icon", "TextField (jj/mm/aaaa)", "DatePicker");
    }

    private void selectInner(FxRobot r, String tabId) {
        r.interact(() -> r.lookup(".tab-pane").queryAllAs(TabPane.class).stream().flatMap(t -> t.getTabs().stream())
                .filter(t -> tabId.equals(t.getId())).findFirst().ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
    }

    @Test
    void everyControlOfTheMainScreensHasANameForScreenReaders(FxRobot r) throws Exception {
        MainView main = DeskUiSupport.mount(stage, fx.ctx);
        Set<String> problems = new TreeSet<>();
        waitUntil(() -> !r.lookup("#caseload-table").<TableView<?>>query().getItems().isEmpty());
        check(r, "caseload", problems);
        r.interact(main::openAgenda);
        waitUntil(() -> present(r, "#agenda-list"));
        check(r, "agenda", problems);
        r.interact(() -> main.openHousehold(lefevre));
        waitUntil(() -> present(r, "#persons-table") && !r.lookup("#persons-table").<TableView<?>>query().getItems().isEmpty());
        for (String t : List.of("tab-composition", "tab-situation", "tab-timeline", "tab-plans", "tab-aid", "tab-children")) {
            selectInner(r, t);
            check(r, "household/" + t, problems);
        }
        r.interact(() -> main.newContact(lefevre));
        waitUntil(() -> present(r, "#contact-mode"));
        check(r, "contact", problems);
        r.interact(() -> main.planVisit(lefevre));
        waitUntil(() -> present(r, "#visit-purpose"));
        check(r, "visit", problems);
        r.interact(() -> main.openPlan(lefevre, planId));
        waitUntil(() -> present(r, "#plan-status") && present(r, "#objective-edit-0"));
        r.interact(() -> r.lookup(".titled-pane").queryAllAs(javafx.scene.control.TitledPane.class).forEach(p -> p.setExpanded(true)));
        check(r, "plan", problems);
        r.interact(() -> main.newAid(lefevre));
        waitUntil(() -> present(r, "#aid-amount"));
        check(r, "aid", problems);
        r.interact(() -> main.addPerson(lefevre));
        waitUntil(() -> present(r, "#person-lastName"));
        check(r, "person", problems);
        r.interact(main::newHousehold);
        waitUntil(() -> present(r, "#household-city"));
        check(r, "new household", problems);
        r.interact(() -> main.editHousehold(lefevre));
        waitUntil(() -> present(r, "#household-housing"));
        check(r, "situation", problems);
        r.interact(() -> main.openSync(false));
        WaitForAsyncUtils.waitForFxEvents();
        check(r, "sync", problems);
        assertThat(problems).as("controls without a name for screen readers").isEmpty();
        assertThat(main.tabs().getTabs()).extracting(Tab::getId).contains("tab-caseload");
    }
}
