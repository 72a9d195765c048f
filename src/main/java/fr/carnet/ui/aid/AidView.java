package fr.carnet.ui.aid;

import atlantafx.base.theme.Styles;
import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FormBuilder;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** An aid request, new or changed in place; what is typed is kept as a draft. */
public final class AidView implements DeskScreen {
    private final AidViewModel vm;
    private final Navigator nav;
    private final VBox root;
    private final TextField kind;
    private final String title;

    public AidView(AidViewModel vm, Navigator nav, String householdTitle) {
        this.vm = vm;
        this.nav = nav;
        this.title = Messages.get(vm.editing() ? "desk.aid.editTitle" : "desk.aid.title", householdTitle);
        Formats f = Formats.current();
        FormBuilder fb = new FormBuilder();
        kind = fb.row("kind", "desk.aid.kind", new TextField());
        kind.setId("aid-kind");
        kind.setPromptText(Messages.get("desk.aid.kindPrompt"));
        kind.textProperty().bindBidirectional(vm.kindProperty());
        TextField amount = fb.row("amountCents", "desk.aid.amount", new TextField());
        amount.setId("aid-amount");
        amount.setPromptText(f.money(15_000));
        amount.textProperty().bindBidirectional(vm.amountProperty());
        amount.setMaxWidth(200);
        TextField req = fb.row("requestedOn", "desk.aid.requestedOn", new TextField());
        req.setPromptText(f.datePrompt());
        req.textProperty().bindBidirectional(vm.requestedOnProperty());
        req.setMaxWidth(200);
        ComboBox<AidDecision> decision = fb.row("decision", "desk.aid.decision", Ui.enumCombo(AidDecision.class, false));
        decision.setId("aid-decision");
        decision.valueProperty().bindBidirectional(vm.decisionProperty());
        decision.setMaxWidth(200);
        TextField dec = fb.row("decidedOn", "desk.aid.decidedOn", new TextField());
        dec.setPromptText(f.datePrompt());
        dec.textProperty().bindBidirectional(vm.decidedOnProperty());
        dec.setMaxWidth(200);
        fb.bindErrors(vm.errors().byField());
        Label general = new Label();
        general.getStyleClass().add(Styles.DANGER);
        general.textProperty().bind(vm.errors().generalProperty());
        Button save = Ui.button("desk.form.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, e -> save());
        save.setId("aid-save");
        save.getStyleClass().add(Styles.ACCENT);
        Button cancel = Ui.button("desk.form.cancel", null, e -> {
            vm.discardDraft();
            nav.closeCurrent();
        });
        cancel.setId("aid-cancel");
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
        return kind;
    }
}
