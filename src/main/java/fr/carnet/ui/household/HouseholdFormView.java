package fr.carnet.ui.household;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FormBuilder;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The household's situation edited: label, address, housing and (not for a secretary) notes. */
public final class HouseholdFormView implements DeskScreen {
    private final HouseholdFormViewModel vm;
    private final Navigator nav;
    private final ScrollPane root;
    private final TextField first;
    private final String title;

    public HouseholdFormView(HouseholdFormViewModel vm, Navigator nav, String householdTitle) {
        this.vm = vm;
        this.nav = nav;
        this.title = Messages.get("desk.household.editTitle", householdTitle);
        FormBuilder fb = new FormBuilder();
        TextField label = fb.row("label", "desk.household.label", new TextField());
        label.setId("household-label");
        label.textProperty().bindBidirectional(vm.labelProperty());
        first = label;
        TextField line1 = fb.row("address", "desk.household.line1", new TextField());
        line1.setId("household-line1");
        line1.textProperty().bindBidirectional(vm.line1Property());
        TextField line2 = fb.row("line2", "desk.household.line2", new TextField());
        line2.setId("household-line2");
        line2.textProperty().bindBidirectional(vm.line2Property());
        TextField pc = fb.row("postcode", "desk.household.postcode", new TextField());
        pc.setId("household-postcode");
        pc.textProperty().bindBidirectional(vm.postcodeProperty());
        TextField city = fb.row("city", "desk.household.city", new TextField());
        city.setId("household-city");
        city.textProperty().bindBidirectional(vm.cityProperty());
        TextField housing = fb.row("housing", "desk.household.housing", new TextField());
        housing.setId("household-housing");
        housing.textProperty().bindBidirectional(vm.housingProperty());
        if (vm.showsNotes()) {
            TextArea notes = fb.row("notes", "desk.household.notes", new TextArea());
            notes.setId("household-notes-field");
            notes.setPrefRowCount(5);
            notes.setWrapText(true);
            notes.textProperty().bindBidirectional(vm.notesProperty());
        }
        fb.bindErrors(vm.errors().byField());
        Label general = new Label();
        general.getStyleClass().add(Styles.DANGER);
        general.textProperty().bind(vm.errors().generalProperty());
        Button save = Ui.button("desk.form.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, e -> save());
        save.setId("household-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        Button cancel = Ui.button("desk.form.cancel", null, e -> {
            vm.discardDraft();
            nav.closeCurrent();
        });
        HBox actions = new HBox(8, save, cancel, Ui.draftStatus(vm.draftStatusProperty()));
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox head = new HBox(12, Ui.heading(title), Ui.syncBadge(vm.syncStateProperty()));
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(8, head, fb.build(), general, actions);
        content.setPadding(new Insets(16));
        content.setMaxWidth(720);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        Ui.followFocus(root);
        vm.load();
    }

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

    @Override
    public String householdId() {
        return vm.householdId();
    }
}
