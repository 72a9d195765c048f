package fr.carnet.ui.household;

import atlantafx.base.theme.Styles;
import fr.carnet.domain.Enums.Relationship;
import fr.carnet.domain.Enums.Sex;
import fr.carnet.i18n.Messages;
import fr.carnet.store.CaseloadQueries.PersonMatch;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FormBuilder;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** A new household with its applicant, or a new person in a household (likely duplicates shown first), or a person edited. */
public final class PersonFormView implements DeskScreen {
    private final PersonFormViewModel vm;
    private final ScrollPane root;
    private final TextField first;

    public PersonFormView(PersonFormViewModel vm, Navigator nav, String householdTitle) {
        this.vm = vm;
        this.title = vm.newHousehold() ? Messages.get("desk.person.newHouseholdTitle")
                : vm.editing() ? Messages.get("desk.person.editTitle", householdTitle)
                : Messages.get("desk.person.addTitle", householdTitle);
        FormBuilder fb = new FormBuilder();
        TextField last = fb.row("lastName", "desk.person.lastName", new TextField());
        last.setId("person-lastName");
        last.textProperty().bindBidirectional(vm.lastNameProperty());
        first = last;
        TextField firstName = fb.row("firstName", "desk.person.firstName", new TextField());
        firstName.setId("person-firstName");
        firstName.textProperty().bindBidirectional(vm.firstNameProperty());
        TextField birthName = fb.row("birthName", "desk.person.birthName", new TextField());
        birthName.textProperty().bindBidirectional(vm.birthNameProperty());
        TextField birth = fb.row("birthDate", "desk.person.birthDate", new TextField());
        birth.setId("person-birthDate");
        birth.setPromptText(Formats.current().datePrompt());
        birth.textProperty().bindBidirectional(vm.birthDateProperty());
        ComboBox<Sex> sex = fb.row("sex", "desk.person.sex", Ui.enumCombo(Sex.class, true));
        sex.valueProperty().bindBidirectional(vm.sexProperty());
        ComboBox<Relationship> rel = fb.row("relationship", "desk.person.relationship", Ui.enumCombo(Relationship.class, true));
        rel.setId("person-relationship");
        rel.valueProperty().bindBidirectional(vm.relationshipProperty());
        TextField phone = fb.row("phone", "desk.person.phone", new TextField());
        phone.setId("person-phone");
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        TextField email = fb.row("email", "desk.person.email", new TextField());
        email.textProperty().bindBidirectional(vm.emailProperty());

        VBox dup = new VBox(4);
        dup.getStyleClass().add("duplicates");
        dup.setId("duplicates");
        Runnable showDup = () -> {
            dup.getChildren().clear();
            if (vm.duplicates().isEmpty()) return;
            Label h = new Label(Messages.get("desk.person.duplicates", vm.duplicates().size()));
            h.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
            h.setWrapText(true);
            dup.getChildren().add(h);
            for (PersonMatch m : vm.duplicates()) {
                Hyperlink link = new Hyperlink(Messages.get("desk.person.duplicateLine", m.lastName(), m.firstName(),
                        m.birthDate() == null ? "—" : Formats.current().date(m.birthDate()), m.householdLabel() == null ? "" : m.householdLabel()));
                link.setOnAction(e -> nav.openHousehold(m.householdId()));
                if (m.sameBirthDate()) link.getStyleClass().add(Styles.TEXT_BOLD);
                dup.getChildren().add(link);
            }
        };
        vm.duplicates().addListener((ListChangeListener<PersonMatch>) c -> showDup.run());
        fb.span(dup);

        VBox content = new VBox(8);
        HBox head = new HBox(12, Ui.heading(title), Ui.syncBadge(vm.syncStateProperty()));
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        content.getChildren().add(head);
        if (vm.newHousehold()) {
            FormBuilder hb = new FormBuilder();
            TextField label = hb.row("label", "desk.household.label", new TextField());
            label.setId("household-label");
            label.setPromptText(Messages.get("desk.household.labelPrompt"));
            label.textProperty().bindBidirectional(vm.householdLabelProperty());
            TextField line1 = hb.row("address", "desk.household.line1", new TextField());
            line1.textProperty().bindBidirectional(vm.line1Property());
            TextField pc = hb.row("postcode", "desk.household.postcode", new TextField());
            pc.textProperty().bindBidirectional(vm.postcodeProperty());
            TextField city = hb.row("city", "desk.household.city", new TextField());
            city.setId("household-city");
            city.textProperty().bindBidirectional(vm.cityProperty());
            TextField housing = hb.row("housing", "desk.household.housing", new TextField());
            housing.textProperty().bindBidirectional(vm.housingProperty());
            hb.bindErrors(vm.errors().byField());
            content.getChildren().addAll(Ui.muted(Messages.get("desk.person.applicantSection")), fb.build(),
                    Ui.muted(Messages.get("desk.household.section")), hb.build());
        } else {
            content.getChildren().add(fb.build());
        }
        fb.bindErrors(vm.errors().byField());
        Label general = new Label();
        general.getStyleClass().add(Styles.DANGER);
        general.textProperty().bind(vm.errors().generalProperty());
        Button save = Ui.button("desk.form.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, e -> save());
        save.setId("person-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        Button cancel = Ui.button("desk.form.cancel", null, e -> {
            vm.discardDraft();
            nav.closeCurrent();
        });
        HBox actions = new HBox(8, save, cancel, Ui.draftStatus(vm.draftStatusProperty()));
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        content.getChildren().addAll(general, actions);
        content.setPadding(new Insets(16));
        content.setMaxWidth(720);
        this.nav = nav;
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        Ui.followFocus(root);
        vm.load();
    }

    private final String title;
    private final Navigator nav;

    @Override
    public void save() {
        vm.save(hid -> {
            nav.changed();
            nav.closeCurrent();
            nav.openHousehold(hid);
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
        return first;
    }
}
