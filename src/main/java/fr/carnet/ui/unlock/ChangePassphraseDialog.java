package fr.carnet.ui.unlock;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The « Changer la phrase de passe » dialog: current, new, new again; stays open until it is done. */
public final class ChangePassphraseDialog extends Dialog<Void> {
    public ChangePassphraseDialog(Window owner, ChangePassphraseViewModel vm) {
        initOwner(owner);
        setTitle(Messages.get("security.change.title"));
        setHeaderText(Messages.get("security.change.header"));
        PasswordField current = field("change-current", vm.currentProperty());
        PasswordField fresh = field("change-new", vm.freshProperty());
        PasswordField confirm = field("change-confirm", vm.confirmationProperty());
        Label policy = Ui.muted("");
        policy.setId("change-policy");
        policy.textProperty().bind(vm.policyProperty());
        Label error = new Label();
        error.setId("change-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        Label done = Ui.label("security.change.done");
        done.getStyleClass().add(Styles.SUCCESS);
        done.visibleProperty().bind(vm.doneProperty());
        done.managedProperty().bind(done.visibleProperty());
        ProgressIndicator busy = Ui.busyIndicator(vm.busyProperty(), "security.change.busy");
        VBox box = new VBox(6, label("security.change.current", current), current, label("security.change.new", fresh), fresh,
                policy, label("security.change.confirm", confirm), confirm, error, done, busy);
        box.setPrefWidth(420);
        getDialogPane().setContent(box);
        ButtonType apply = new ButtonType(Messages.get("security.change.apply"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(apply, ButtonType.CLOSE);
        Button applyButton = (Button) getDialogPane().lookupButton(apply);
        applyButton.setId("change-apply");
        applyButton.disableProperty().bind(vm.canSubmitProperty().not());
        // The dialog stays open while the store is re-encrypted, and shows the outcome.
        applyButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.submit();
        });
        setResultConverter(b -> null);
        setOnShown(e -> current.requestFocus());
    }

    private static PasswordField field(String id, StringProperty p) {
        PasswordField f = new PasswordField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static Label label(String key, PasswordField f) {
        Label l = new Label(Messages.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(f);
        f.setAccessibleText(Messages.get(key).replace("_", ""));
        return l;
    }
}
