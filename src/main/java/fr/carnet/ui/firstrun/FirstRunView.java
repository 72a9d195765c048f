package fr.carnet.ui.firstrun;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The welcome screen of a first start: connect to the service's server, or try the sample data. */
public final class FirstRunView extends StackPane {
    public FirstRunView(FirstRunViewModel vm) {
        this(vm, null);
    }

    /** {@code demoServer}: offered once the demo store is ready (null: no such option). */
    public FirstRunView(FirstRunViewModel vm, fr.carnet.ui.demo.DemoServerViewModel demoServer) {
        getStyleClass().add("first-run-view");
        Label title = new Label(Messages.get("desk.firstRun.title"));
        title.getStyleClass().add(Styles.TITLE_1);
        Label intro = Ui.label("desk.firstRun.intro");
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        // The two choices.
        Button server = Ui.button("desk.firstRun.server", null, e -> vm.chooseServer());
        server.setId("first-run-server");
        server.getStyleClass().add(Styles.ACCENT);
        server.setMaxWidth(Double.MAX_VALUE);
        Label serverHelp = Ui.muted(Messages.get("desk.firstRun.serverHelp"));
        Button demo = Ui.button("desk.firstRun.demo", null, e -> vm.chooseDemo());
        demo.setId("first-run-demo");
        demo.setMaxWidth(Double.MAX_VALUE);
        Label demoHelp = Ui.muted(Messages.get("desk.firstRun.demoHelp"));
        VBox choose = new VBox(8, server, serverHelp, new Region(), demo, demoHelp);
        choose.setPadding(new Insets(8, 0, 0, 0));

        // The server form.
        TextField url = new TextField();
        url.setId("first-run-url");
        url.setPromptText("https://carnet.example.fr");
        url.textProperty().bindBidirectional(vm.serverUrlProperty());
        TextField login = new TextField();
        login.setId("first-run-login");
        login.textProperty().bindBidirectional(vm.loginProperty());
        PasswordField password = new PasswordField();
        password.setId("first-run-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setOnAction(e -> vm.submitServer());
        Button next = Ui.button("desk.firstRun.next", null, e -> vm.submitServer());
        next.setId("first-run-next");
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        Button back = Ui.button("desk.firstRun.back", null, e -> vm.back());
        back.setId("first-run-back");
        HBox formActions = new HBox(12, next, back);
        formActions.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(8,
                field("desk.firstRun.url", url), url,
                field("desk.firstRun.login", login), login,
                field("desk.firstRun.password", password), password,
                Ui.muted(Messages.get("desk.firstRun.passwordNote")), formActions);

        // Preparing the sample data.
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(32, 32);
        progress.setAccessibleText(Messages.get("desk.demo.preparing"));
        HBox preparing = new HBox(12, progress, Ui.label("desk.demo.preparing"));
        preparing.setAlignment(Pos.CENTER_LEFT);

        // The demo store is ready: the local demo server, if wanted, then open the store.
        Label readyTitle = new Label(Messages.get("desk.firstRun.demoReady"));
        readyTitle.getStyleClass().add(Styles.TITLE_3);
        readyTitle.setWrapText(true);
        Label readyIntro = Ui.muted(Messages.get("desk.firstRun.demoReadyIntro"));
        Button openDemo = Ui.button("desk.firstRun.openDemo", null, e -> vm.openDemo());
        openDemo.setId("first-run-open-demo");
        openDemo.setDefaultButton(true);
        openDemo.getStyleClass().add(Styles.ACCENT);
        VBox ready = new VBox(10, readyTitle, readyIntro);
        if (demoServer != null) {
            fr.carnet.ui.demo.DemoServerPane pane = new fr.carnet.ui.demo.DemoServerPane(demoServer, true);
            pane.getStyleClass().add("first-run-demo-server");
            ready.getChildren().add(pane);
        }
        ready.getChildren().add(openDemo);

        Label error = new Label();
        error.setId("first-run-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        showFor(choose, vm, FirstRunViewModel.Step.CHOOSE);
        showFor(form, vm, FirstRunViewModel.Step.SERVER);
        showFor(preparing, vm, FirstRunViewModel.Step.PREPARING_DEMO);
        showFor(ready, vm, FirstRunViewModel.Step.DEMO_READY);
        // The welcome text belongs to the choice; once the demo store is ready, its own title says where we are.
        intro.visibleProperty().bind(vm.stepProperty().isNotEqualTo(FirstRunViewModel.Step.DEMO_READY));
        intro.managedProperty().bind(intro.visibleProperty());

        VBox box = new VBox(12, title, intro, choose, form, preparing, ready, error);
        box.setMaxWidth(480);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.setPadding(new Insets(32));
        box.getStyleClass().add("card-box");
        box.setMinHeight(Region.USE_PREF_SIZE);
        // Centred; on a small window (the demo server's accounts make the card tall) it scrolls instead of clipping.
        StackPane centred = new StackPane(box);
        centred.setAlignment(Pos.CENTER);
        centred.setPadding(new Insets(24));
        centred.setMinHeight(Region.USE_PREF_SIZE);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        getChildren().add(scroll);
        vm.stepProperty().addListener((o, a, s) -> {
            if (s == FirstRunViewModel.Step.SERVER) javafx.application.Platform.runLater(url::requestFocus);
            if (s == FirstRunViewModel.Step.DEMO_READY) javafx.application.Platform.runLater(openDemo::requestFocus);
        });
    }

    private static Label field(String key, Node target) {
        Label l = new Label(Messages.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        target.setAccessibleText(Messages.get(key).replace("_", ""));
        return l;
    }

    private static void showFor(Node n, FirstRunViewModel vm, FirstRunViewModel.Step step) {
        n.visibleProperty().bind(vm.stepProperty().isEqualTo(step));
        n.managedProperty().bind(n.visibleProperty());
    }
}
