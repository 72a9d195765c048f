package fr.carnet.ui.firstrun;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import fr.carnet.ui.sync.SyncViewModel;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first sync of a new store, with its progress (the desk's {@link SyncViewModel}). On failure
 * it says so in plain French; the worker retries (typing the password again if the server refused
 * it) or goes on offline.
 */
public final class FirstSyncView extends StackPane {
    public FirstSyncView(SyncViewModel vm, Runnable onDone) {
        getStyleClass().add("first-sync-view");
        Label title = new Label(Messages.get("desk.firstSync.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = Ui.label("desk.firstSync.intro");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressBar bar = new ProgressBar();
        bar.setId("first-sync-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label phase = Ui.muted("");
        phase.textProperty().bind(vm.phaseProperty().concat(" ").concat(vm.progressTextProperty()));
        phase.visibleProperty().bind(vm.runningProperty());
        phase.managedProperty().bind(phase.visibleProperty());
        Label result = Ui.muted("");
        result.setId("first-sync-result");
        result.textProperty().bind(vm.resultProperty());
        result.visibleProperty().bind(vm.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        Label error = new Label();
        error.setId("first-sync-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        BooleanBinding failed = vm.runningProperty().not().and(vm.errorProperty().isNotEmpty());
        // Refused password (or session gone): the worker types it again before retrying.
        PasswordField password = new PasswordField();
        password.setId("first-sync-password");
        password.setPromptText(Messages.get("desk.firstRun.password").replace("_", ""));
        password.setAccessibleText(Messages.get("desk.firstRun.password").replace("_", ""));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.visibleProperty().bind(failed.and(vm.connectedProperty().not()));
        password.managedProperty().bind(password.visibleProperty());
        Button retry = Ui.button("desk.firstSync.retry", null, e -> {
            if (vm.connectedProperty().get()) vm.syncNow();
            else vm.connect();
        });
        retry.setId("first-sync-retry");
        retry.getStyleClass().add(Styles.ACCENT);
        retry.visibleProperty().bind(failed);
        retry.managedProperty().bind(retry.visibleProperty());
        Button offline = Ui.button("desk.firstSync.offline", null, e -> onDone.run());
        offline.setId("first-sync-offline");
        offline.visibleProperty().bind(failed);
        offline.managedProperty().bind(offline.visibleProperty());
        Button open = Ui.button("desk.firstSync.open", null, e -> onDone.run());
        open.setId("first-sync-open");
        open.setDefaultButton(true);
        open.getStyleClass().add(Styles.ACCENT);
        open.visibleProperty().bind(vm.runningProperty().not().and(vm.errorProperty().isEmpty()).and(vm.resultProperty().isNotEmpty()));
        open.managedProperty().bind(open.visibleProperty());
        Button cancel = Ui.button("desk.firstSync.cancel", null, e -> vm.cancel());
        cancel.visibleProperty().bind(vm.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox actions = new HBox(12, retry, offline, open, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(12, title, intro, bar, phase, result, error, password, actions);
        box.setMaxWidth(480);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.setPadding(new Insets(32));
        box.getStyleClass().add("card-box");
        getChildren().add(box);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
    }
}
