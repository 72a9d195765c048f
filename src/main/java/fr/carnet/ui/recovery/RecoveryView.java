package fr.carnet.ui.recovery;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** « Phrase de passe oubliée ? »: what it costs, said plainly, then a login on the server. */
public final class RecoveryView extends StackPane {
    public RecoveryView(RecoveryViewModel vm) {
        // the unlock screen's background: this screen takes its place
        getStyleClass().addAll("unlock-view", "recovery-view");
        Label title = new Label(Messages.get("security.recovery.title"));
        title.getStyleClass().add(Styles.TITLE_2);

        // The explanation: no backdoor, what a new store means, what is lost and what is kept.
        Label explain = Ui.label("security.recovery.explain");
        Label offer = Ui.label("security.recovery.offer");
        Label loss = Ui.label("security.recovery.loss");
        loss.setId("recovery-loss");
        loss.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        loss.getStyleClass().add(Styles.WARNING);
        loss.setAlignment(Pos.TOP_LEFT);
        CheckBox understood = new CheckBox(Messages.get("security.recovery.acknowledge"));
        understood.setId("recovery-understood");
        understood.setWrapText(true);
        understood.selectedProperty().bindBidirectional(vm.understoodProperty());
        Button proceed = Ui.button("security.recovery.continue", null, e -> vm.proceed());
        proceed.setId("recovery-continue");
        proceed.getStyleClass().add(Styles.ACCENT);
        proceed.disableProperty().bind(vm.canContinueProperty().not());
        Button cancel = Ui.button("security.recovery.back", null, e -> vm.back());
        cancel.setId("recovery-cancel");
        HBox explainActions = new HBox(12, proceed, cancel);
        explainActions.setAlignment(Pos.CENTER_LEFT);
        VBox explainStep = new VBox(12, explain, offer, loss, understood, explainActions);

        // The server login (the labels of the first run's form).
        TextField url = new TextField();
        url.setId("recovery-url");
        url.setPromptText("https://carnet.example.fr");
        url.textProperty().bindBidirectional(vm.serverUrlProperty());
        TextField login = new TextField();
        login.setId("recovery-login");
        login.textProperty().bindBidirectional(vm.loginProperty());
        PasswordField password = new PasswordField();
        password.setId("recovery-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setOnAction(e -> vm.submit());
        Button check = Ui.button("security.recovery.check", null, e -> vm.submit());
        check.setId("recovery-check");
        check.setDefaultButton(true);
        check.getStyleClass().add(Styles.ACCENT);
        Button back = Ui.button("security.recovery.back", null, e -> vm.back());
        back.setId("recovery-back");
        HBox formActions = new HBox(12, check, back);
        formActions.setAlignment(Pos.CENTER_LEFT);
        VBox serverStep = new VBox(8, Ui.label("security.recovery.serverIntro"),
                field("desk.firstRun.url", url), url,
                field("desk.firstRun.login", login), login,
                field("desk.firstRun.password", password), password,
                Ui.muted(Messages.get("desk.firstRun.passwordNote")), formActions);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(32, 32);
        progress.setAccessibleText(Messages.get("security.recovery.checking"));
        HBox checking = new HBox(12, progress, Ui.label("security.recovery.checking"));
        checking.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("recovery-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        showFor(explainStep, vm, RecoveryViewModel.Step.EXPLAIN);
        showFor(serverStep, vm, RecoveryViewModel.Step.SERVER);
        showFor(checking, vm, RecoveryViewModel.Step.CHECKING);

        VBox box = new VBox(12, title, explainStep, serverStep, checking, error);
        box.setMaxWidth(520);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.setPadding(new Insets(32));
        box.getStyleClass().add("card-box");
        getChildren().add(box);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
        vm.stepProperty().addListener((o, a, s) -> {
            if (s == RecoveryViewModel.Step.SERVER) javafx.application.Platform.runLater(() -> (url.getText().isBlank() ? url : password).requestFocus());
        });
    }

    private static Label field(String key, Node target) {
        Label l = new Label(Messages.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        target.setAccessibleText(Messages.get(key).replace("_", ""));
        return l;
    }

    private static void showFor(Node n, RecoveryViewModel vm, RecoveryViewModel.Step step) {
        n.visibleProperty().bind(vm.stepProperty().isEqualTo(step));
        n.managedProperty().bind(n.visibleProperty());
    }
}
