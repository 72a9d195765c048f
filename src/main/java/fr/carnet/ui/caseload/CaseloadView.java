package fr.carnet.ui.caseload;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import fr.carnet.i18n.Messages;
import fr.carnet.store.CaseloadQueries.Row;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.Navigator;
import fr.carnet.ui.common.Ui;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The caseload: search as you type, filter chips, and the households with their flags. */
public final class CaseloadView implements DeskScreen {
    private final CaseloadViewModel vm;
    private final BorderPane root = new BorderPane();
    private final CustomTextField search = new CustomTextField();
    private final TableView<Row> table = new TableView<>();

    public CaseloadView(CaseloadViewModel vm, Navigator nav) {
        this.vm = vm;
        search.setId("caseload-search");
        search.setPromptText(Messages.get("desk.caseload.searchPrompt"));
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.setAccessibleText(Messages.get("desk.caseload.searchAccessible"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                table.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(Double.MAX_VALUE);
        Button add = Ui.button("desk.caseload.newHousehold", MaterialDesignH.HOME_PLUS_OUTLINE, e -> nav.newHousehold());
        add.setId("new-household");
        add.getStyleClass().add(Styles.ACCENT);
        HBox top = new HBox(8, search, add);
        top.setAlignment(Pos.CENTER_LEFT);

        FlowPane chips = new FlowPane(6, 6);
        chips.getChildren().add(chip("desk.caseload.filter.mine", vm.mineProperty()));
        if (vm.planFilterAvailable()) chips.getChildren().add(chip("desk.caseload.filter.openPlan", vm.openPlanProperty()));
        chips.getChildren().addAll(chip("desk.caseload.filter.visitDue", vm.visitDueProperty()),
                chip("desk.caseload.filter.childUnder6", vm.childUnder6Property()),
                chip("desk.caseload.filter.pending", vm.pendingProperty()),
                chip("desk.caseload.filter.conflict", vm.conflictProperty()));

        table.setId("caseload-table");
        table.setItems(vm.rows());
        table.setAccessibleText(Messages.get("desk.caseload.tableAccessible"));
        table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, Row> name = column("desk.caseload.col.household", 260);
        // Each cell keeps its nodes for every row it shows: new nodes would be styled again at each scroll.
        name.setCellFactory(c -> new TableCell<>() {
            private final Label l = new Label();
            private final Label a = new Label();
            private final VBox box = new VBox(0, l, a);

            {
                l.getStyleClass().add(Styles.TEXT_BOLD);
                a.getStyleClass().add(Styles.TEXT_MUTED);
            }

            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                l.setText(r.label() == null ? Messages.get("desk.household.untitled") : r.label());
                a.setText(r.applicant() == null ? "" : r.applicant());
                setGraphic(box);
            }
        });
        TableColumn<Row, Row> city = column("desk.caseload.col.city", 150);
        city.setCellFactory(c -> textCell(r -> (r.postcode() + " " + r.city()).strip()));
        // not 80: at JavaFX's default width a column is sized to fit its content, measuring up to 30
        // rows at the first layout (part of the cold start's first pulse); 90 holds the heading and any count
        TableColumn<Row, Row> persons = column("desk.caseload.col.persons", 90);
        persons.setCellFactory(c -> textCell(r -> Formats.current().integer(r.persons())));
        TableColumn<Row, Row> last = column("desk.caseload.col.lastContact", 130);
        last.setCellFactory(c -> textCell(r -> r.lastContact() == null ? Messages.get("desk.caseload.never") : Formats.current().date(r.lastContact())));
        TableColumn<Row, Row> flags = column("desk.caseload.col.flags", 260);
        flags.setCellFactory(c -> new TableCell<>() {
            // made the first time a row of this cell needs them, then only shown or hidden
            private final Label[] made = new Label[FLAGS.length];
            private final HBox box = new HBox(4);

            {
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                boolean[] on = {r.mine(), r.openPlan(), r.visitDue(), r.childUnder6()};
                for (int i = 0; i < FLAGS.length; i++) {
                    if (on[i] && made[i] == null) {
                        made[i] = flag(FLAGS[i][0], FLAGS[i][1]);
                        int at = 0;
                        for (int j = 0; j < i; j++) if (made[j] != null) at++;
                        box.getChildren().add(at, made[i]);
                    }
                    if (made[i] != null) {
                        made[i].setVisible(on[i]);
                        made[i].setManaged(on[i]);
                    }
                }
                setGraphic(box);
            }
        });
        TableColumn<Row, Row> sync = column("desk.caseload.col.sync", 130);
        sync.setCellFactory(c -> new TableCell<>() {
            private Label badge;

            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null) {
                    setGraphic(null);
                    return;
                }
                if (badge == null) badge = Ui.syncBadge(r.syncState());
                else Ui.showSync(badge, r.syncState());
                setGraphic(badge);
            }
        });
        table.getColumns().setAll(java.util.List.of(name, city, persons, last, flags, sync));
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.statusProperty());
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<Row>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) nav.openHousehold(row.getItem().id());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            Row r = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && r != null) nav.openHousehold(r.id());
        });
        Label status = Ui.muted("");
        status.setId("caseload-status");
        status.textProperty().bind(vm.statusProperty());
        VBox head = new VBox(8, top, chips);
        head.setPadding(new Insets(12, 12, 8, 12));
        root.setTop(head);
        root.setCenter(table);
        HBox bottom = new HBox(status);
        bottom.setPadding(new Insets(6, 12, 6, 12));
        root.setBottom(bottom);
        vm.refresh();
    }

    private static TableColumn<Row, Row> column(String key, double width) {
        TableColumn<Row, Row> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableCell<Row, Row> textCell(java.util.function.Function<Row, String> text) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                setGraphic(null);
                setText(empty || r == null ? null : text.apply(r));
            }
        };
    }

    /** The row flags, in their order on screen: bundle key and style class. */
    private static final String[][] FLAGS = {{"desk.caseload.flag.mine", "flag-mine"}, {"desk.caseload.flag.openPlan", "flag-plan"},
        {"desk.caseload.flag.visitDue", "flag-visit"}, {"desk.caseload.flag.childUnder6", "flag-child"}};

    private static Label flag(String key, String style) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().addAll("flag", style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static ToggleButton chip(String key, BooleanProperty p) {
        ToggleButton t = new ToggleButton(Messages.get(key));
        t.setMnemonicParsing(true);
        t.selectedProperty().bindBidirectional(p);
        t.getStyleClass().addAll(Styles.SMALL, Styles.ROUNDED);
        t.setAccessibleText(Messages.get(key).replace("_", ""));
        return t;
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return Messages.get("desk.caseload.title");
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    @Override
    public Node initialFocus() {
        return search;
    }

    Region region() {
        return root;
    }
}
