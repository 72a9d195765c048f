package fr.carnet.ui.unlock;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The unlock screen: the passphrase (typed twice, with the policy, on first start). */
public final class UnlockView extends StackPane {
    public UnlockView(UnlockViewModel vm) {
        getStyleClass().add("unlock-view");
        Label title = new Label(Messages.get("app.title"));
        title.getStyleClass().add(Styles.TITLE_1);
        Label subtitle = Ui.label(vm.firstStart() ? "desk.unlock.firstStart" : "desk.unlock.subtitle");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        PasswordField pass = new PasswordField();
        pass.setId("passphrase");
        pass.textProperty().bindBidirectional(vm.passphraseProperty());
        Label passLabel = new Label(Messages.get("desk.unlock.passphrase"));
        passLabel.setMnemonicParsing(true);
        passLabel.setLabelFor(pass);
        pass.setAccessibleText(Messages.get("desk.unlock.passphrase").replace("_", ""));
        // frozen while it is checked (the caret stops blinking: nothing to redraw while the key is derived)
        pass.editableProperty().bind(vm.busyProperty().not());

        VBox box = new VBox(8, title, subtitle, passLabel, pass);
        if (vm.firstStart()) {
            PasswordField confirm = new PasswordField();
            confirm.setId("confirmation");
            confirm.textProperty().bindBidirectional(vm.confirmationProperty());
            Label confirmLabel = new Label(Messages.get("desk.unlock.confirm"));
            confirmLabel.setMnemonicParsing(true);
            confirmLabel.setLabelFor(confirm);
            confirm.setAccessibleText(Messages.get("desk.unlock.confirm").replace("_", ""));
            confirm.editableProperty().bind(vm.busyProperty().not());
            // The policy under the field, as the worker types (before the confirmation).
            Label policy = Ui.muted("");
            policy.setId("passphrase-policy");
            policy.textProperty().bind(vm.policyProperty());
            box.getChildren().addAll(policy, confirmLabel, confirm);
            confirm.setOnAction(e -> vm.submit());
        } else {
            pass.setOnAction(e -> vm.submit());
        }
        Label hint = Ui.muted("");
        hint.textProperty().bind(vm.hintProperty());
        hint.visibleProperty().bind(vm.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        Label error = new Label();
        error.setId("unlock-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label countdown = Ui.muted("");
        countdown.setId("unlock-countdown");
        countdown.textProperty().bind(vm.countdownProperty());
        countdown.visibleProperty().bind(vm.countdownProperty().isNotEmpty());
        countdown.managedProperty().bind(countdown.visibleProperty());
        Button submit = Ui.button(vm.firstStart() ? "desk.unlock.create" : "desk.unlock.submit", MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE, e -> vm.submit());
        submit.setId("unlock-submit");
        submit.setDefaultButton(true);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.disableProperty().bind(vm.canSubmitProperty().not());
        ProgressIndicator busy = Ui.busyIndicator(vm.busyProperty(), "desk.unlock.busy");
        javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(12, submit, busy);
        actions.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(hint, error, countdown, actions);
        if (vm.forgotAvailable()) {
            javafx.scene.control.Hyperlink forgot = new javafx.scene.control.Hyperlink(Messages.get("security.unlock.forgot"));
            forgot.setId("unlock-forgot");
            forgot.setMnemonicParsing(true);
            forgot.setAccessibleText(Messages.get("security.unlock.forgot").replace("_", ""));
            forgot.setOnAction(e -> vm.forgotPassphrase());
            forgot.disableProperty().bind(vm.busyProperty());
            box.getChildren().add(forgot);
        }
        box.setMaxWidth(420);
        box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setPadding(new Insets(32));
        box.getStyleClass().add("card-box");
        getChildren().add(box);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
        // The countdown ticks only while the view is shown.
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                ticker.play();
                javafx.application.Platform.runLater(pass::requestFocus);
            } else {
                ticker.stop();
            }
        });
    }
}
