package fr.carnet.ui.lock;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * What a locked desk shows instead of its content: an opaque pane with the passphrase field and
 * nothing of the case files (the main window's content is taken out of the scene meanwhile).
 */
public final class LockPane extends StackPane {
    private final PasswordField pass = new PasswordField();

    public LockPane(LockViewModel vm) {
        setId("lock-pane");
        getStyleClass().add("lock-pane");
        setStyle("-fx-background-color: -color-bg-default;");
        FontIcon icon = new FontIcon(MaterialDesignL.LOCK_OUTLINE);
        icon.setIconSize(48);
        Label title = new Label(Messages.get("security.lock.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        String who = vm.workerName();
        Label subtitle = Ui.muted(who == null || who.isBlank() ? Messages.get("security.lock.subtitle")
                : Messages.get("security.lock.subtitleWorker", who));

        pass.setId("lock-passphrase");
        pass.textProperty().bindBidirectional(vm.passphraseProperty());
        Label passLabel = new Label(Messages.get("desk.unlock.passphrase"));
        passLabel.setMnemonicParsing(true);
        passLabel.setLabelFor(pass);
        pass.setAccessibleText(Messages.get("desk.unlock.passphrase").replace("_", ""));
        pass.setOnAction(e -> vm.submit());

        Label error = new Label();
        error.setId("lock-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label countdown = Ui.muted("");
        countdown.setId("lock-countdown");
        countdown.textProperty().bind(vm.countdownProperty());
        countdown.visibleProperty().bind(vm.countdownProperty().isNotEmpty());
        countdown.managedProperty().bind(countdown.visibleProperty());

        Button submit = Ui.button("desk.unlock.submit", MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE, e -> vm.submit());
        submit.setId("lock-submit");
        submit.setDefaultButton(true);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        ProgressIndicator busy = Ui.busyIndicator(vm.busyProperty(), "security.lock.checking");
        HBox actions = new HBox(12, submit, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(8, icon, title, subtitle, passLabel, pass, error, countdown, actions);
        box.setMaxWidth(420);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.setPadding(new Insets(32));
        box.getStyleClass().add("card-box");
        getChildren().add(box);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
    }

    public void focusPassphrase() {
        pass.requestFocus();
    }
}
