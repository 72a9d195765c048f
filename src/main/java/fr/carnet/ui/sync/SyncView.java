package fr.carnet.ui.sync;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.Ui;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The sync screen: connection, status, and three lists — conflicts (field by field, with the
 * choice of mine, theirs or a combined value), fields merged automatically, and the outbox with
 * the refused changes.
 */
public final class SyncView implements DeskScreen {
    private final SyncViewModel vm;
    private final ConflictsViewModel conflicts;
    private final OutboxViewModel outbox;
    private final BorderPane root = new BorderPane();
    private final TabPane lists = new TabPane();
    private final Tab conflictsTab = new Tab();
    private final Tab mergedTab = new Tab();
    private final Tab outboxTab = new Tab();
    private final PasswordField password = new PasswordField();
    private final VBox detail = new VBox(10);
    private final Map<String, TextField> combined = new HashMap<>();
    private VBox connectionBox;

    public SyncView(SyncViewModel vm, ConflictsViewModel conflicts, OutboxViewModel outbox) {
        this.vm = vm;
        this.conflicts = conflicts;
        this.outbox = outbox;
        HBox cards = new HBox(12, connectionCard(), statusCard());
        HBox.setHgrow(cards.getChildren().get(1), Priority.ALWAYS);
        cards.setPadding(new Insets(12, 12, 4, 12));
        conflictsTab.setContent(conflictsPane());
        conflictsTab.setId("sync-tab-conflicts");
        conflictsTab.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("sync.ui.tab.conflicts", conflicts.items().size()),
                conflicts.items()));
        mergedTab.setContent(mergedPane());
        mergedTab.setId("sync-tab-merged");
        mergedTab.setText(Messages.get("sync.ui.tab.merged"));
        outboxTab.setContent(outboxPane());
        outboxTab.setId("sync-tab-outbox");
        outboxTab.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("sync.ui.tab.outbox", outbox.pending().size()),
                outbox.pending()));
        lists.getTabs().addAll(conflictsTab, mergedTab, outboxTab);
        lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lists.setPadding(new Insets(4, 12, 12, 12));
        root.setTop(cards);
        root.setCenter(lists);
        root.setId("sync-view");
        refresh();
    }

    private Node connectionCard() {
        TextField url = new TextField();
        url.setId("sync-url");
        url.setPromptText("https://carnet.example.fr");
        url.textProperty().bindBidirectional(vm.serverUrlProperty());
        TextField login = new TextField();
        login.setId("sync-login");
        login.textProperty().bindBidirectional(vm.loginProperty());
        password.setId("sync-password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setOnAction(e -> vm.connect());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints c1 = new ColumnConstraints(200, 260, Double.MAX_VALUE);
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);
        addRow(g, 0, "sync.ui.server", url);
        addRow(g, 1, "sync.ui.login", login);
        addRow(g, 2, "sync.ui.password", password);
        url.disableProperty().bind(vm.connectedProperty());
        login.disableProperty().bind(vm.connectedProperty());
        password.disableProperty().bind(vm.connectedProperty());
        Button connect = Ui.button("sync.ui.connect", MaterialDesignL.LOGIN, e -> vm.connect());
        connect.setId("sync-connect");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.visibleProperty().bind(vm.connectedProperty().not());
        connect.managedProperty().bind(connect.visibleProperty());
        connect.setDefaultButton(false);
        Button disconnect = Ui.button("sync.ui.disconnect", MaterialDesignL.LOGOUT, e -> vm.disconnect());
        disconnect.setId("sync-disconnect");
        disconnect.visibleProperty().bind(vm.connectedProperty());
        disconnect.managedProperty().bind(disconnect.visibleProperty());
        disconnect.disableProperty().bind(vm.runningProperty());
        Label state = Ui.muted("");
        state.setId("sync-connection");
        state.textProperty().bind(vm.connectionProperty());
        Label note = Ui.muted(Messages.get("sync.ui.passwordNote"));
        note.getStyleClass().add(Styles.TEXT_SMALL);
        VBox box = new VBox(8, Ui.heading(Messages.get("sync.ui.connection")), g, new HBox(8, connect, disconnect), state, note);
        connectionBox = box;
        box.getStyleClass().add("sync-card");
        box.setPrefWidth(440);
        box.setMinWidth(400);
        return box;
    }

    /** Adds a section at the bottom of the connection card (the local demo server, on the demo store). */
    public void addToConnection(Node n) {
        connectionBox.getChildren().add(n);
    }

    private static void addRow(GridPane g, int row, String key, javafx.scene.control.Control c) {
        Label l = new Label(Messages.get(key));
        l.setMnemonicParsing(true);
        l.setLabelFor(c);
        l.setMinWidth(Region.USE_PREF_SIZE);
        c.setAccessibleText(Messages.get(key).replace("_", ""));
        c.setMaxWidth(Double.MAX_VALUE);
        g.add(l, 0, row);
        g.add(c, 1, row);
    }

    private Node statusCard() {
        Label last = new Label();
        last.setId("sync-last");
        last.textProperty().bind(vm.lastSyncProperty());
        last.setWrapText(true);
        Label pending = new Label();
        pending.setId("sync-pending");
        pending.textProperty().bind(vm.pendingTextProperty());
        pending.getStyleClass().add(Styles.TEXT_BOLD);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(Bindings.when(vm.runningProperty()).then(-1.0).otherwise(vm.progressProperty()));
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(Messages.get("sync.ui.progressAccessible"));
        Label phase = new Label();
        phase.setId("sync-phase");
        phase.textProperty().bind(Bindings.concat(vm.phaseProperty(), " · ", vm.progressTextProperty()));
        Button cancel = Ui.button("sync.ui.cancel", MaterialDesignC.CLOSE, e -> vm.cancel());
        cancel.setId("sync-cancel");
        HBox.setHgrow(bar, Priority.ALWAYS);
        HBox running = new HBox(8, bar, cancel);
        running.setAlignment(Pos.CENTER_LEFT);
        VBox progress = new VBox(4, running, phase);
        progress.visibleProperty().bind(vm.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label result = new Label();
        result.setId("sync-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.resultProperty());
        result.getStyleClass().add(Styles.SUCCESS);
        result.setGraphic(Ui.icon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        result.visibleProperty().bind(vm.resultProperty().isNotEmpty().and(vm.runningProperty().not()));
        result.managedProperty().bind(result.visibleProperty());
        Label error = new Label();
        error.setId("sync-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().addAll(Styles.DANGER, "sync-error");
        error.setGraphic(Ui.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Button sync = Ui.button("sync.ui.syncNow", MaterialDesignS.SYNC, e -> {
            if (!vm.syncNow() && !vm.connectedProperty().get()) password.requestFocus();
        });
        sync.setId("sync-now");
        sync.disableProperty().bind(vm.runningProperty().or(vm.connectedProperty().not()));
        Label auto = Ui.muted(Messages.get("sync.ui.autoNote", AutoSync.INTERVAL.toMinutes()));
        auto.getStyleClass().add(Styles.TEXT_SMALL);
        VBox box = new VBox(8, Ui.heading(Messages.get("sync.ui.status")), last, pending, progress, result, error, sync, auto);
        box.getStyleClass().add("sync-card");
        box.setId("sync-status");
        box.setMinWidth(320);
        return box;
    }

    private Node conflictsPane() {
        ListView<ConflictsViewModel.Item> list = new ListView<>(conflicts.items());
        list.setId("conflict-list");
        list.setAccessibleText(Messages.get("sync.ui.conflictsAccessible"));
        list.setPrefWidth(280);
        list.setMinWidth(220);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ConflictsViewModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label r = new Label(item.record());
                r.getStyleClass().add(Styles.TEXT_BOLD);
                r.setWrapText(true);
                Label f = Ui.muted(Messages.get("sync.ui.conflictFields", String.join(", ", item.fields().stream().map(ConflictsViewModel.FieldRow::label).toList())));
                // Wrap within the list's width rather than scroll sideways.
                for (Label x : new Label[] {r, f}) {
                    x.prefWidthProperty().bind(getListView().widthProperty().subtract(30));
                    x.setMaxWidth(Region.USE_PREF_SIZE);
                    x.setMinHeight(Region.USE_PREF_SIZE);
                }
                VBox box = new VBox(2, r, f);
                setPrefWidth(0);
                setText(null);
                setGraphic(box);
            }
        });
        list.setPlaceholder(Ui.muted(Messages.get("sync.ui.noConflicts")));
        conflicts.selectedProperty().addListener((o, a, b) -> {
            if (list.getSelectionModel().getSelectedItem() != b) list.getSelectionModel().select(b);
            showDetail(b);
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) conflicts.selectedProperty().set(b);
        });
        detail.setId("conflict-detail");
        detail.setPadding(new Insets(4, 4, 4, 12));
        ScrollPane sp = new ScrollPane(detail);
        sp.setFitToWidth(true);
        Ui.followFocus(sp);
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox box = new HBox(0, list, sp);
        box.setPadding(new Insets(8, 0, 0, 0));
        showDetail(conflicts.selectedProperty().get());
        return box;
    }

    private void showDetail(ConflictsViewModel.Item item) {
        combined.clear();
        Label message = new Label();
        message.setId("conflict-message");
        message.setWrapText(true);
        message.textProperty().bind(conflicts.messageProperty());
        message.visibleProperty().bind(conflicts.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.getStyleClass().add("banner");
        if (item == null) {
            detail.getChildren().setAll(message, Ui.muted(Messages.get("sync.ui.noConflictsDetail")));
            return;
        }
        Label title = Ui.heading(item.record());
        title.setWrapText(true);
        title.setId("conflict-title");
        Label explain = Ui.muted(Messages.get("sync.ui.conflictExplain"));
        VBox head = new VBox(4, title, explain);
        if (item.deleted()) {
            Label d = new Label(Messages.get("sync.ui.deletedConflict"));
            d.setWrapText(true);
            d.getStyleClass().addAll("banner", Styles.WARNING);
            head.getChildren().add(d);
        }
        GridPane g = new GridPane();
        g.setId("conflict-grid");
        g.getStyleClass().add("conflict-grid");
        g.setHgap(0);
        g.setVgap(0);
        double[] widths = {130, 150, 190, 190, 210};
        for (int i = 0; i < widths.length; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(i == 0 ? 110 : 120);
            c.setPrefWidth(widths[i]);
            c.setHgrow(i == 0 ? Priority.NEVER : Priority.ALWAYS);
            c.setFillWidth(true);
            g.getColumnConstraints().add(c);
        }
        g.add(headCell(Messages.get("sync.ui.col.field"), null, "conflict-head"), 0, 0);
        g.add(headCell(Messages.get("sync.ui.col.before"), null, "conflict-head"), 1, 0);
        g.add(headCell(Messages.get("sync.ui.col.mine"), item.mineBy(), "conflict-head-mine"), 2, 0);
        g.add(headCell(Messages.get("sync.ui.col.theirs"), item.theirsBy(), "conflict-head-theirs"), 3, 0);
        g.add(headCell(Messages.get("sync.ui.col.combined"), Messages.get("sync.ui.col.combinedHint"), "conflict-head"), 4, 0);
        int row = 1;
        for (ConflictsViewModel.FieldRow f : item.fields()) {
            Label name = cell(f.label(), "conflict-field");
            name.getStyleClass().add(Styles.TEXT_BOLD);
            g.add(name, 0, row);
            g.add(cell(f.before(), "conflict-before"), 1, row);
            Label mine = cell(f.mine(), "conflict-mine");
            mine.setId("conflict-mine-" + f.field());
            g.add(mine, 2, row);
            Label theirs = cell(f.theirs(), "conflict-theirs");
            theirs.setId("conflict-theirs-" + f.field());
            g.add(theirs, 3, row);
            if (f.editable()) {
                TextField t = new TextField(f.initialCombined());
                t.setId("conflict-combined-" + f.field());
                t.setAccessibleText(Messages.get("sync.ui.combinedAccessible", f.label()));
                t.setMaxWidth(Double.MAX_VALUE);
                combined.put(f.field(), t);
                VBox holder = new VBox(t);
                holder.getStyleClass().add("conflict-cell");
                holder.setPadding(new Insets(6, 8, 6, 8));
                g.add(holder, 4, row);
            } else {
                g.add(cell(Messages.get("sync.ui.combinedNotTyped"), "conflict-before"), 4, row);
            }
            for (Node n : g.getChildren()) if (GridPane.getRowIndex(n) == row) GridPane.setValignment(n, VPos.TOP);
            row++;
        }
        for (Node n : g.getChildren()) {
            GridPane.setHalignment(n, HPos.LEFT);
            GridPane.setFillWidth(n, true);
            GridPane.setFillHeight(n, true);
        }
        Button mine = Ui.button("sync.ui.keepMine", MaterialDesignA.ACCOUNT_CHECK_OUTLINE, e -> conflicts.keepMine(item));
        mine.setId("conflict-keep-mine");
        Button theirs = Ui.button("sync.ui.keepTheirs", MaterialDesignA.ACCOUNT_MULTIPLE_CHECK_OUTLINE, e -> conflicts.keepTheirs(item));
        theirs.setId("conflict-keep-theirs");
        Button combine = Ui.button("sync.ui.combine", MaterialDesignC.CALL_MERGE, e -> {
            Map<String, String> typed = new HashMap<>();
            combined.forEach((k, t) -> typed.put(k, t.getText()));
            conflicts.combine(item, typed);
        });
        combine.setId("conflict-combine");
        combine.setDisable(combined.isEmpty());
        HBox actions = new HBox(8, mine, theirs, combine);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label after = Ui.muted(Messages.get("sync.ui.afterChoice"));
        after.getStyleClass().add(Styles.TEXT_SMALL);
        detail.getChildren().setAll(head, g, actions, after, message);
    }

    private static Node headCell(String title, String sub, String style) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TEXT_BOLD);
        t.setWrapText(true);
        VBox box = new VBox(2, t);
        if (sub != null && !sub.isBlank()) {
            Label s = new Label(sub);
            s.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            s.setWrapText(true);
            box.getChildren().add(s);
        }
        box.getStyleClass().addAll("conflict-cell", style);
        box.setPadding(new Insets(6, 8, 6, 8));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll("conflict-cell", style);
        l.setPadding(new Insets(8, 8, 8, 8));
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setAlignment(Pos.TOP_LEFT);
        return l;
    }

    private Node mergedPane() {
        TableView<ConflictsViewModel.Merge> t = new TableView<>(conflicts.merges());
        t.setId("merged-table");
        t.getColumns().add(col("sync.ui.col.record", 320, ConflictsViewModel.Merge::record));
        t.getColumns().add(col("sync.ui.col.mergedFields", 240, ConflictsViewModel.Merge::fields));
        t.getColumns().add(col("sync.ui.col.mergedBy", 240, ConflictsViewModel.Merge::by));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        t.setPlaceholder(Ui.muted(Messages.get("sync.ui.noMerges")));
        Label intro = Ui.muted(Messages.get("sync.ui.mergedIntro"));
        VBox box = new VBox(8, intro, t);
        VBox.setVgrow(t, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Node outboxPane() {
        TableView<OutboxViewModel.Row> p = outboxTable("outbox-table", outbox.pending(), "sync.ui.noPending");
        TableView<OutboxViewModel.Row> r = outboxTable("rejected-table", outbox.rejected(), "sync.ui.noRejected");
        Label rejectedTitle = new Label(Messages.get("sync.ui.rejectedTitle"));
        rejectedTitle.getStyleClass().add(Styles.TEXT_BOLD);
        Label rejectedIntro = Ui.muted(Messages.get("sync.ui.rejectedIntro"));
        VBox box = new VBox(8, Ui.muted(Messages.get("sync.ui.outboxIntro")), p, rejectedTitle, rejectedIntro, r);
        // Both lists share the height, so the refused changes are never pushed out of sight.
        for (TableView<OutboxViewModel.Row> t : List.of(p, r)) {
            VBox.setVgrow(t, Priority.ALWAYS);
            t.setPrefHeight(150);
            t.setMinHeight(110);
        }
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static TableView<OutboxViewModel.Row> outboxTable(String id, javafx.collections.ObservableList<OutboxViewModel.Row> rows, String empty) {
        TableView<OutboxViewModel.Row> t = new TableView<>(rows);
        t.setId(id);
        t.getColumns().add(col("sync.ui.col.record", 300, OutboxViewModel.Row::record));
        t.getColumns().add(col("sync.ui.col.change", 130, OutboxViewModel.Row::change));
        t.getColumns().add(col("sync.ui.col.when", 140, OutboxViewModel.Row::when));
        t.getColumns().add(col("sync.ui.col.status", 260, OutboxViewModel.Row::status));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        t.setPlaceholder(Ui.muted(Messages.get(empty)));
        return t;
    }

    private static <R> TableColumn<R, String> col(String key, double width, Function<R, String> text) {
        TableColumn<R, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /** Shows the conflicts list (the header's badge). */
    public void showConflicts() {
        lists.getSelectionModel().select(conflictsTab);
    }

    public void showOutbox() {
        lists.getSelectionModel().select(outboxTab);
    }

    public void showMerged() {
        lists.getSelectionModel().select(mergedTab);
    }

    public void focusPassword() {
        password.requestFocus();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return Messages.get("sync.ui.title");
    }

    @Override
    public void refresh() {
        conflicts.load();
        outbox.load();
        vm.refresh();
    }

    @Override
    public Node initialFocus() {
        return vm.connectedProperty().get() ? null : password;
    }
}
