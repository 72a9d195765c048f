package fr.carnet.ui.visit;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FormBuilder;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** Planning a home visit, or changing a planned one; what is typed is kept as a draft. */
public final class VisitPlanView implements DeskScreen {
    private final VisitPlanViewModel vm;
    private final Navigator nav;
    private final VBox root;
    private final TextField date;
    private final String title;

    public VisitPlanView(VisitPlanViewModel vm, Navigator nav, String householdTitle) {
        this.vm = vm;
        this.nav = nav;
        this.title = Messages.get(vm.editing() ? "desk.visit.editTitle" : "desk.visit.planTitle", householdTitle);
        FormBuilder fb = new FormBuilder();
        date = fb.row("plannedAt", "desk.visit.date", new TextField());
        date.setId("visit-date");
        date.setPromptText(Formats.current().datePrompt());
        date.textProperty().bindBidirectional(vm.dateProperty());
        TextField time = fb.row("time", "desk.visit.time", new TextField());
        time.setId("visit-time");
        time.textProperty().bindBidirectional(vm.timeProperty());
        TextField purpose = fb.row("purpose", "desk.visit.purpose", new TextField());
        purpose.setId("visit-purpose");
        purpose.textProperty().bindBidirectional(vm.purposeProperty());
        fb.bindErrors(vm.errors().byField());
        Label general = new Label();
        general.getStyleClass().add(Styles.DANGER);
        general.textProperty().bind(vm.errors().generalProperty());
        Button save = Ui.button("desk.form.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, e -> save());
        save.setId("visit-save");
        save.getStyleClass().add(Styles.ACCENT);
        Button cancel = Ui.button("desk.form.cancel", null, e -> {
            vm.discardDraft();
            nav.closeCurrent();
        });
        cancel.setId("visit-cancel");
        HBox actions = new HBox(8, save, cancel, Ui.draftStatus(vm.draftStatusProperty()));
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox head = new HBox(12, Ui.heading(title), Ui.syncBadge(vm.syncStateProperty()));
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root = new VBox(8, head, fb.build(), general, actions);
        root.setPadding(new Insets(16));
        root.setMaxWidth(640);
        vm.open();
    }

    @Override
    public void save() {
        vm.save(id -> {
            nav.changed();
            nav.closeCurrent();
            if (!vm.editing()) nav.openAgenda();
        });
    }

    @Override
    public void saveDraft() {
        vm.saveDraft();
    }

    @Override
    public String householdId() {
        return vm.householdId();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node initialFocus() {
        return date;
    }
}
