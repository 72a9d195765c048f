package fr.carnet.ui.contact;

import atlantafx.base.theme.Styles;
import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.RequestType;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FormBuilder;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Labels;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/** Recording a contact; the form's content is autosaved as a draft. */
public final class ContactView implements DeskScreen {
    private final ContactViewModel vm;
    private final Navigator nav;
    private final ScrollPane root;
    private final ComboBox<ContactMode> modeBox;
    private final String title;

    public ContactView(ContactViewModel vm, Navigator nav, String householdTitle) {
        this.vm = vm;
        this.nav = nav;
        this.title = vm.editing() ? Messages.get("desk.contact.editTitle", householdTitle) : Messages.get("desk.contact.title", householdTitle);
        FormBuilder fb = new FormBuilder();
        modeBox = fb.row("mode", "desk.contact.mode", Ui.enumCombo(ContactMode.class, false));
        modeBox.setId("contact-mode");
        modeBox.valueProperty().bindBidirectional(vm.modeProperty());
        TextField date = fb.row("date", "desk.contact.date", new TextField());
        date.setId("contact-date");
        date.setPromptText(Formats.current().datePrompt());
        date.textProperty().bindBidirectional(vm.dateProperty());
        TextField time = fb.row("time", "desk.contact.time", new TextField());
        time.setPromptText("14:30");
        time.textProperty().bindBidirectional(vm.timeProperty());
        TextField duration = fb.row("durationMinutes", "desk.contact.duration", new TextField());
        duration.setId("contact-duration");
        duration.textProperty().bindBidirectional(vm.durationProperty());
        ComboBox<RequestType> request = fb.row("request", "desk.contact.request", Ui.enumCombo(RequestType.class, true));
        request.setId("contact-request");
        request.valueProperty().bindBidirectional(vm.requestProperty());
        FlowPane domains = new FlowPane(10, 6);
        domains.setPrefWrapLength(720);
        for (InterventionDomain d : InterventionDomain.values()) {
            CheckBox cb = new CheckBox(Labels.of(d));
            cb.setId("domain-" + d.name());
            cb.setSelected(vm.domains().contains(d));
            cb.selectedProperty().addListener((o, a, on) -> {
                if (on) vm.domains().add(d);
                else vm.domains().remove(d);
            });
            vm.domains().addListener((javafx.collections.SetChangeListener<InterventionDomain>) c -> cb.setSelected(vm.domains().contains(d)));
            domains.getChildren().add(cb);
        }
        Label domainsLabel = new Label(Messages.get("desk.contact.domains"));
        domainsLabel.getStyleClass().add(Styles.TEXT_BOLD);
        fb.span(new VBox(4, domainsLabel, domains));
        if (vm.confidential()) {
            TextArea summary = fb.row("summary", "desk.contact.summary", new TextArea());
            summary.setId("contact-summary");
            summary.setPrefRowCount(5);
            summary.setWrapText(true);
            summary.textProperty().bindBidirectional(vm.summaryProperty());
            TextArea outcome = fb.row("outcome", "desk.contact.outcome", new TextArea());
            outcome.setPrefRowCount(3);
            outcome.setWrapText(true);
            outcome.textProperty().bindBidirectional(vm.outcomeProperty());
        }
        TextField oriented = fb.row("orientedTo", "desk.contact.orientedTo", new TextField());
        oriented.textProperty().bindBidirectional(vm.orientedToProperty());
        fb.bindErrors(vm.errors().byField());
        Label general = new Label();
        general.getStyleClass().add(Styles.DANGER);
        general.textProperty().bind(vm.errors().generalProperty());
        Label draft = Ui.muted("");
        draft.setId("draft-status");
        draft.textProperty().bind(vm.draftStatusProperty());
        Button save = Ui.button("desk.form.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, e -> save());
        save.setId("contact-save");
        save.getStyleClass().add(Styles.ACCENT);
        Button discard = vm.editing() ? Ui.button("desk.form.cancel", null, e -> {
            vm.discardDraft();
            nav.closeCurrent();
        }) : Ui.button("desk.form.discard", MaterialDesignD.DELETE_OUTLINE, e -> {
            vm.discardDraft();
            nav.closeCurrent();
        });
        HBox actions = new HBox(8, save, discard, draft);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(8, Ui.heading(title), fb.build(), general, actions);
        content.setPadding(new Insets(16));
        content.setMaxWidth(760);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        Ui.followFocus(root);
        vm.restoreDraft();
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
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node initialFocus() {
        return modeBox;
    }

    @Override
    public String householdId() {
        return vm.householdId();
    }
}
