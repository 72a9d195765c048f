package fr.carnet.ui.audit;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.audit.AuditViewModel.Row;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.Ui;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** « Journal d’audit »: the local audit trail (supervisors and administrators), with a CSV export. */
public final class AuditView implements DeskScreen {
    private final BorderPane root = new BorderPane();
    private final AuditViewModel vm;
    private final TableView<Row> table = new TableView<>();

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        root.setId("audit-view");
        table.setId("audit-table");
        table.setItems(vm.rows());
        table.setAccessibleText(Messages.get("security.audit.title"));
        table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(java.util.List.of(column("security.audit.col.when", 150, AuditViewModel::when),
                column("security.audit.col.who", 170, Row::who),
                column("security.audit.col.action", 170, Row::actionLabel),
                column("security.audit.col.record", 300, AuditViewModel::record),
                column("security.audit.col.detail", 160, r -> r.detail() == null ? "" : r.detail())));
        Label empty = Ui.label("security.audit.empty");
        table.setPlaceholder(empty);
        Button refresh = Ui.button("security.audit.refresh", MaterialDesignR.REFRESH, e -> vm.load());
        Button export = Ui.button("security.audit.export", MaterialDesignF.FILE_DELIMITED_OUTLINE, e -> export());
        export.setId("audit-export");
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.rows()));
        Label status = Ui.muted("");
        status.setId("audit-status");
        status.textProperty().bind(vm.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, Ui.heading(Messages.get("security.audit.title")), spacer, refresh, export);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(12));
        root.setTop(top);
        root.setCenter(table);
        HBox bottom = new HBox(status);
        bottom.setPadding(new Insets(6, 12, 6, 12));
        root.setBottom(bottom);
        vm.load();
    }

    private static TableColumn<Row, String> column(String key, double width, Function<Row, String> text) {
        TableColumn<Row, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void export() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("security.audit.export").replace("_", ""));
        fc.setInitialFileName(Messages.get("security.audit.fileName") + ".csv");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) vm.export(f.toPath());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return Messages.get("security.audit.title");
    }

    @Override
    public void refresh() {
        vm.load();
    }

    @Override
    public Node initialFocus() {
        return table;
    }
}
