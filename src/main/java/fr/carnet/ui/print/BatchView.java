package fr.carnet.ui.print;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import fr.carnet.report.BatchReport.Output;
import fr.carnet.ui.common.DeskScreen;
import fr.carnet.ui.common.FileDialogs;
import fr.carnet.ui.common.Ui;
import fr.carnet.ui.print.BatchViewModel.Scope;
import fr.carnet.ui.print.BatchViewModel.Sector;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The batch of PDF summaries, in a tab of the main window: what to print, where, then progress and Stop. */
public final class BatchView implements DeskScreen {
    private final BatchViewModel vm;
    private final ScrollPane root = new ScrollPane();
    private final RadioButton first;

    public BatchView(BatchViewModel vm) {
        this.vm = vm;
        Label title = Ui.heading(Messages.get("desk.batch.title"));
        Label intro = Ui.muted(Messages.get("desk.batch.intro"));

        ToggleGroup scopes = new ToggleGroup();
        VBox scopeBox = new VBox(6);
        RadioButton firstScope = null;
        for (Scope s : Scope.values()) {
            RadioButton rb = new RadioButton(Messages.get("desk.batch.scope." + s.name()));
            rb.setId("batch-scope-" + s.name().toLowerCase(java.util.Locale.ROOT));
            rb.setToggleGroup(scopes);
            rb.setUserData(s);
            rb.setSelected(vm.scopeProperty().get() == s);
            if (firstScope == null) firstScope = rb;
            scopeBox.getChildren().add(rb);
        }
        first = firstScope;
        scopes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) vm.scopeProperty().set((Scope) t.getUserData());
        });
        ComboBox<Sector> sector = new ComboBox<>(vm.sectors());
        sector.setId("batch-sector");
        sector.setAccessibleText(Messages.get("desk.batch.sector"));
        sector.setPromptText(Messages.get("desk.batch.sector"));
        sector.setCellFactory(l -> sectorCell());
        sector.setButtonCell(sectorCell());
        sector.valueProperty().bindBidirectional(vm.sectorProperty());
        sector.disableProperty().bind(vm.scopeProperty().isNotEqualTo(Scope.SECTOR));
        sector.setPrefWidth(260);
        VBox.setMargin(sector, new Insets(0, 0, 0, 26));
        scopeBox.getChildren().add(2, sector);

        ToggleGroup outputs = new ToggleGroup();
        HBox outputBox = new HBox(16);
        for (Output o : Output.values()) {
            RadioButton rb = new RadioButton(Messages.get("desk.batch.output." + o.name()));
            rb.setId("batch-output-" + o.name().toLowerCase(java.util.Locale.ROOT));
            rb.setToggleGroup(outputs);
            rb.setUserData(o);
            rb.setSelected(vm.outputProperty().get() == o);
            outputBox.getChildren().add(rb);
        }
        outputs.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) vm.outputProperty().set((Output) t.getUserData());
        });

        TextField folder = new TextField();
        folder.setId("batch-folder");
        folder.setEditable(false);
        folder.setAccessibleText(Messages.get("desk.batch.folder"));
        folder.textProperty().bind(Bindings.createStringBinding(() -> vm.folderProperty().get() == null ? "" : vm.folderProperty().get().toString(),
                vm.folderProperty()));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = Ui.button("desk.batch.chooseFolder", MaterialDesignF.FOLDER_OUTLINE, e ->
                FileDialogs.chooseFolder(root.getScene() == null ? null : root.getScene().getWindow(), "desk.batch.folderTitle")
                        .ifPresent(vm.folderProperty()::set));
        choose.setId("batch-choose-folder");
        HBox folderBox = new HBox(8, folder, choose);
        folderBox.setAlignment(Pos.CENTER_LEFT);
        folderBox.setMaxWidth(640);

        Button start = Ui.button("desk.batch.start", MaterialDesignP.PRINTER_OUTLINE, e -> vm.start());
        start.setId("batch-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(vm.runningProperty());
        Button cancel = Ui.button("desk.batch.cancel", MaterialDesignS.STOP_CIRCLE_OUTLINE, e -> vm.cancel());
        cancel.setId("batch-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("batch-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(300);
        bar.visibleProperty().bind(vm.runningProperty().or(vm.resultProperty().isNotNull()));
        Label count = new Label();
        count.textProperty().bind(vm.progressTextProperty());
        HBox actions = new HBox(10, start, cancel, bar, count);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("batch-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("banner");
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());

        VBox box = new VBox(14, new VBox(4, title, intro), field("desk.batch.scope", scopeBox), field("desk.batch.output", outputBox),
                field("desk.batch.folder", folderBox), actions, message);
        box.setPadding(new Insets(16));
        box.setMaxWidth(760);
        root.setContent(box);
        root.setFitToWidth(true);
        root.setId("batch-view");
        vm.load();
    }

    private static Node field(String key, Node content) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(6, l, content);
    }

    private static ListCell<Sector> sectorCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Sector s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
            }
        };
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public String title() {
        return Messages.get("desk.batch.title");
    }

    @Override
    public Node initialFocus() {
        return first;
    }

    public BatchViewModel viewModel() {
        return vm;
    }
}
