package fr.carnet.ui.demo;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.Ui;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The local demo server, on the first-run screen and on the sync screen of the demo store: a button
 * to start it, its progress, then its address (selectable, to give to a second window) and the demo
 * accounts with their password. {@code detailed}: each account with who it is (first run); else
 * one line of logins (the sync screen, where room is short).
 */
public final class DemoServerPane extends VBox {
    public DemoServerPane(DemoServerViewModel vm, boolean detailed) {
        super(8);
        setId("demo-server");
        getStyleClass().add("demo-server-pane");
        BooleanBinding stopped = vm.stateProperty().isEqualTo(DemoServerViewModel.State.STOPPED)
                .or(vm.stateProperty().isEqualTo(DemoServerViewModel.State.FAILED));

        Label title = Ui.heading(Messages.get("desk.demoServer.title"));
        Label help = Ui.muted(Messages.get("desk.demoServer.help"));
        show(help, stopped);
        Button start = Ui.button("desk.demoServer.start", MaterialDesignS.SERVER_NETWORK, e -> vm.start());
        start.setId("demo-server-start");
        show(start, stopped);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(24, 24);
        progress.setAccessibleText(Messages.get("desk.demoServer.starting"));
        Label startingText = Ui.label("desk.demoServer.starting");
        HBox starting = new HBox(10, progress, startingText);
        starting.setId("demo-server-starting");
        starting.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(startingText, Priority.ALWAYS);
        show(starting, vm.stateProperty().isEqualTo(DemoServerViewModel.State.STARTING));

        TextField url = new TextField();
        url.setId("demo-server-url");
        url.setEditable(false);
        url.textProperty().bind(vm.urlProperty());
        url.setAccessibleText(Messages.get("desk.demoServer.running"));
        url.getStyleClass().add("demo-server-url");
        Label pointed = Ui.muted(Messages.get("desk.demoServer.pointed", vm.login()));
        Label accounts = Ui.label("desk.demoServer.accounts", vm.password());
        accounts.setId("demo-server-accounts");
        VBox running = new VBox(6, Ui.label("desk.demoServer.running"), url, pointed, accounts, accountList(vm, detailed));
        running.setId("demo-server-running");
        show(running, vm.stateProperty().isEqualTo(DemoServerViewModel.State.RUNNING));

        Label error = new Label();
        error.setId("demo-server-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        show(error, vm.errorProperty().isNotEmpty());

        Label note = Ui.muted(Messages.get("desk.demoServer.stopsOnExit"));
        note.getStyleClass().add(Styles.TEXT_SMALL);
        getChildren().addAll(title, help, starting, running, error, start, note);
    }

    private static Node accountList(DemoServerViewModel vm, boolean detailed) {
        if (!detailed) {
            Label l = new Label(String.join(", ", vm.accounts()));
            l.setWrapText(true);
            l.getStyleClass().add(Styles.TEXT_BOLD);
            return l;
        }
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(2);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);
        int row = 0;
        for (String login : vm.accounts()) {
            Label l = new Label(login);
            l.getStyleClass().add(Styles.TEXT_BOLD);
            Label who = Ui.muted(Messages.get("desk.demoServer.account." + login));
            GridPane.setValignment(l, javafx.geometry.VPos.TOP);
            g.addRow(row++, l, who);
        }
        return g;
    }

    private static void show(Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(n.visibleProperty());
    }
}
