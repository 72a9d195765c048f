package fr.carnet.ui.supervisor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.stage.FileChooser;

/**
 * The supervisor's indicators: a bar chart of each worker's active accompaniments with their
 * reference drawn as a line, stacked bars of how contact time splits between reception-diagnosis,
 * accompaniment and collective action, and the table of figures with their references. The view
 * only binds to {@link SupervisorViewModel}; call {@link #dispose()} when it is detached.
 */
public final class SupervisorView extends VBox {
    private final SupervisorViewModel vm;
    private final ReferenceBarChart loadChart;
    private final StackedBarChart<String, Number> timeChart;
    private final ListChangeListener<SupervisorViewModel.Load> loadListener;
    private final ListChangeListener<SupervisorViewModel.Split> splitListener;

    public SupervisorView(SupervisorViewModel vm) {
        this.vm = vm;
        setSpacing(10);
        setPadding(new Insets(16));
        getStyleClass().add("supervisor-view");

        Label title = new Label(vm.msg("report.supervisor.title"));
        title.setStyle("-fx-font-size: 1.5em; -fx-font-weight: bold;");
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        Label note = new Label(vm.msg("report.supervisor.note"));
        note.setWrapText(true);
        note.setStyle("-fx-opacity: 0.75;");
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Label feedback = new Label();
        Button refresh = new Button(vm.msg("report.supervisor.refresh"));
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> vm.refresh());
        Button export = new Button(vm.msg("report.supervisor.export"));
        export.disableProperty().bind(Bindings.or(vm.busyProperty(), vm.indicatorsProperty().isNull()));
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("indicateurs.csv");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            var file = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) vm.exportCsv(file.toPath(), ok -> feedback.setText(vm.msg(ok ? "report.supervisor.exported" : "report.supervisor.exportFailed")));
        });
        Label sectorLabel = new Label(vm.msg("report.supervisor.sector"));
        ComboBox<SupervisorViewModel.SectorChoice> sector = new ComboBox<>(vm.sectorChoices());
        sector.valueProperty().bindBidirectional(vm.sectorProperty());
        sector.disableProperty().bind(vm.busyProperty());
        sectorLabel.setLabelFor(sector);
        HBox sectorBox = new HBox(6, sectorLabel, sector);
        sectorBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        sectorBox.visibleProperty().bind(vm.severalSectorsProperty());
        sectorBox.managedProperty().bind(sectorBox.visibleProperty());
        HBox actions = new HBox(8, sectorBox, refresh, export, feedback);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        CategoryAxis x1 = new CategoryAxis();
        NumberAxis y1 = new NumberAxis();
        // the title and the legend name the bars: a y label would only be clipped beside the ticks
        x1.setAccessibleText(vm.msg("report.supervisor.chart.worker"));
        loadChart = new ReferenceBarChart(x1, y1);
        loadChart.setTitle(vm.msg("report.supervisor.chart.load"));
        loadChart.setAnimated(false);
        loadChart.setLegendVisible(true);
        loadChart.setAccessibleText(vm.msg("report.supervisor.chart.load"));
        loadChart.setAccessibleHelp(vm.msg("report.supervisor.chart.reference"));

        CategoryAxis x2 = new CategoryAxis();
        NumberAxis y2 = new NumberAxis(0, 100, 20);
        y2.setLabel("%");
        timeChart = new StackedBarChart<>(x2, y2);
        timeChart.setTitle(vm.msg("report.supervisor.chart.time"));
        timeChart.setAnimated(false);
        timeChart.setAccessibleText(vm.msg("report.supervisor.chart.time"));
        HBox charts = new HBox(12, loadChart, timeChart);
        HBox.setHgrow(loadChart, Priority.ALWAYS);
        HBox.setHgrow(timeChart, Priority.ALWAYS);
        loadChart.setPrefHeight(300);
        timeChart.setPrefHeight(300);

        TableView<SupervisorViewModel.Row> table = new TableView<>(vm.rows());
        table.getColumns().setAll(List.of(
                column("report.supervisor.col.name", SupervisorViewModel.Row::name, 150),
                column("report.supervisor.col.role", SupervisorViewModel.Row::role, 190),
                column("report.supervisor.col.accompaniments", SupervisorViewModel.Row::accompaniments, 120),
                column("report.supervisor.col.reception", SupervisorViewModel.Row::reception, 140),
                column("report.supervisor.col.accompaniment", SupervisorViewModel.Row::accompaniment, 110),
                column("report.supervisor.col.collective", SupervisorViewModel.Row::collective, 130),
                column("report.supervisor.col.visits", SupervisorViewModel.Row::visits, 150),
                column("report.supervisor.col.plans", SupervisorViewModel.Row::plans, 200),
                column("report.supervisor.col.withoutContact", SupervisorViewModel.Row::withoutContact, 150)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(title, status, error, actions, charts, note, references(), table);

        loadListener = c -> fillLoad();
        splitListener = c -> fillSplit();
        vm.loads().addListener(loadListener);
        vm.splits().addListener(splitListener);
        fillLoad();
        fillSplit();
    }

    /** The references panel: every value of the settings, a message under each field, save and reset. */
    private TitledPane references() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        int i = 0;
        for (SupervisorViewModel.RefField f : vm.referenceFields()) {
            Label label = new Label(f.label());
            label.setWrapText(true);
            TextField field = new TextField();
            field.textProperty().bindBidirectional(f.textProperty());
            field.setPrefColumnCount(6);
            field.setAccessibleText(f.label());
            label.setLabelFor(field);
            Label err = new Label();
            err.textProperty().bind(f.errorProperty());
            err.visibleProperty().bind(f.errorProperty().isNotNull());
            err.managedProperty().bind(err.visibleProperty());
            err.setWrapText(true);
            err.setStyle("-fx-text-fill: #b00020;");
            err.getStyleClass().add("field-error");
            f.errorProperty().addListener((o, was, now) -> field.setStyle(now == null ? "" : "-fx-border-color: #b00020;"));
            VBox cell = new VBox(3, label, field, err);
            cell.setPrefWidth(300);
            grid.add(cell, i % 4, i / 4);
            i++;
        }
        Label intro = new Label(vm.msg("report.references.intro"));
        intro.setWrapText(true);
        Button save = new Button(vm.msg("report.references.save"));
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.savingProperty());
        save.setOnAction(e -> vm.saveReferences());
        Button revert = new Button(vm.msg("report.references.revert"));
        revert.disableProperty().bind(vm.savingProperty());
        revert.setOnAction(e -> vm.revertReferences());
        Button reset = new Button(vm.msg("report.references.reset"));
        reset.disableProperty().bind(vm.savingProperty());
        reset.setOnAction(e -> vm.resetReferences());
        Label message = new Label();
        message.textProperty().bind(vm.referencesMessageProperty());
        message.setWrapText(true);
        HBox buttons = new HBox(8, save, revert, reset, message);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane(vm.msg("report.references.title"), new VBox(10, intro, grid, buttons));
        pane.setExpanded(false);
        pane.setId("team-references");
        return pane;
    }

    private TableColumn<SupervisorViewModel.Row, String> column(String key, java.util.function.Function<SupervisorViewModel.Row, String> value,
                                                                double width) {
        TableColumn<SupervisorViewModel.Row, String> c = new TableColumn<>(vm.msg(key));
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void fillLoad() {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(vm.msg("report.supervisor.chart.loadSeries"));
        Map<String, Double> refs = new HashMap<>();
        for (SupervisorViewModel.Load l : vm.loads()) {
            s.getData().add(new XYChart.Data<>(l.name(), l.accompaniments()));
            if (l.reference() != null) refs.put(l.name(), l.reference());
        }
        loadChart.getData().setAll(List.of(s));
        loadChart.setReferences(refs);
    }

    private void fillSplit() {
        List<String> labels = vm.workKindLabels();
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(labels.get(k));
            for (SupervisorViewModel.Split sp : vm.splits())
                s.getData().add(new XYChart.Data<>(sp.name(), k == 0 ? sp.reception() : k == 1 ? sp.accompaniment() : sp.collective()));
            series.add(s);
        }
        timeChart.getData().setAll(series);
    }

    /** Releases the listeners this view registered on its ViewModel. */
    public void dispose() {
        vm.loads().removeListener(loadListener);
        vm.splits().removeListener(splitListener);
    }

    /** A bar chart that draws each category's reference as a short horizontal line across its bar. */
    static final class ReferenceBarChart extends BarChart<String, Number> {
        private final Map<String, Line> lines = new HashMap<>();
        private Map<String, Double> references = Map.of();

        ReferenceBarChart(CategoryAxis x, NumberAxis y) {
            super(x, y);
        }

        void setReferences(Map<String, Double> refs) {
            getPlotChildren().removeAll(lines.values());
            lines.clear();
            references = Map.copyOf(refs);
            for (String k : references.keySet()) {
                Line l = new Line();
                l.setStrokeWidth(3);
                l.setStyle("-fx-stroke: #1b2a3a; -fx-stroke-dash-array: 7 4;");
                lines.put(k, l);
            }
            getPlotChildren().addAll(lines.values());
            // the axis must reach the references even when every bar is below them
            double max = references.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            NumberAxis y = (NumberAxis) getYAxis();
            y.setAutoRanging(true);
            if (max > 0) {
                double top = Math.max(max, getData().stream().flatMap(s -> s.getData().stream())
                        .mapToDouble(d -> d.getYValue().doubleValue()).max().orElse(0));
                y.setAutoRanging(false);
                y.setLowerBound(0);
                y.setUpperBound(Math.ceil(top * 1.15 / 5) * 5);
                y.setTickUnit(5);
            }
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            CategoryAxis x = (CategoryAxis) getXAxis();
            double half = x.getCategorySpacing() * 0.4;
            for (var e : lines.entrySet()) {
                double cx = x.getDisplayPosition(e.getKey());
                double y = getYAxis().getDisplayPosition(references.get(e.getKey()));
                Line l = e.getValue();
                l.setStartX(cx - half);
                l.setEndX(cx + half);
                l.setStartY(y);
                l.setEndY(y);
                l.toFront();
            }
        }
    }
}
