package fr.carnet.ui.child;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import fr.carnet.domain.Enums.ScreeningArea;
import fr.carnet.domain.Enums.ScreeningResult;
import fr.carnet.domain.growth.Indicator;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.child.ChildViewModel.GuideRow;
import fr.carnet.ui.child.ChildViewModel.MeasurementRow;
import fr.carnet.ui.child.ChildViewModel.ScreeningRow;
import fr.carnet.ui.common.FileDialogs;
import fr.carnet.ui.common.FormBuilder;
import fr.carnet.ui.common.Ui;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * One child's panel in the household file: age, the measurement form beside what to watch at
 * this age, the alerts, the growth chart with its indicator toggle and image export, the
 * measurements with their z-scores, and the screenings. It only binds to {@link ChildViewModel}.
 */
public final class ChildView extends VBox {
    private final ChildViewModel vm;
    private final GrowthChartView chartView = new GrowthChartView();
    private final VBox alertBox = new VBox(6);
    private final javafx.beans.InvalidationListener alertListener = o -> fillAlerts();

    public ChildView(ChildViewModel vm) {
        super(14);
        this.vm = vm;
        setId("child-view");
        getStyleClass().add("child-view");
        setPadding(new Insets(4, 0, 12, 0));

        Label name = Ui.heading("");
        name.setId("child-name");
        name.textProperty().bind(vm.nameProperty());
        Label sex = Ui.muted("");
        sex.textProperty().bind(vm.sexTextProperty());
        HBox title = new HBox(10, name, sex);
        title.setAlignment(Pos.BASELINE_LEFT);
        Label age = new Label();
        age.setId("child-age");
        age.setWrapText(true);
        age.textProperty().bind(vm.ageTextProperty());
        Label message = new Label();
        message.setId("child-message");
        message.getStyleClass().add("banner");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        alertBox.setId("child-alerts");
        vm.alerts().addListener(alertListener);
        vm.measurements().addListener(alertListener);
        fillAlerts();

        // the form and what to watch on the left, the curve beside them: all in view during a consultation
        VBox left = new VBox(14, measurementForm(), guide());
        left.setMinWidth(360);
        left.setPrefWidth(430);
        left.setMaxWidth(480);
        Node chart = chartSection();
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox top = new HBox(16, left, chart);

        getChildren().addAll(new VBox(2, title, age), message, alertBox, top,
                section("growth.child.measurements.title", measurementTable()), section("growth.child.screening.title", screenings()));
    }

    private void fillAlerts() {
        alertBox.getChildren().clear();
        if (vm.alerts().isEmpty()) {
            if (!vm.measurements().isEmpty()) {
                Message ok = new Message(Messages.get("growth.child.alerts.noneTitle"), Messages.get("growth.child.alerts.none"),
                        new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
                ok.getStyleClass().add(Styles.SUCCESS);
                alertBox.getChildren().add(ok);
            }
            return;
        }
        // one box per severity, the findings as lines: to refer first, then to watch
        for (boolean urgent : new boolean[] {true, false}) {
            java.util.List<String> lines = vm.alerts().stream().filter(a -> a.urgent() == urgent).map(a -> "• " + a.message()).toList();
            if (lines.isEmpty()) continue;
            String text = String.join("\n", lines);
            Message m = new Message(Messages.get(urgent ? "growth.child.alert.urgent" : "growth.child.alert.watch"), text,
                    new FontIcon(urgent ? MaterialDesignA.ALERT_OCTAGON_OUTLINE : MaterialDesignE.EYE_OUTLINE));
            m.getStyleClass().addAll(urgent ? Styles.DANGER : Styles.WARNING, "growth-alert");
            m.setId(urgent ? "alerts-refer" : "alerts-watch");
            m.setAccessibleText(text);
            alertBox.getChildren().add(m);
        }
    }

    private Node measurementForm() {
        FormBuilder fb = new FormBuilder();
        Label h = new Label(Messages.get("growth.child.form.title"));
        h.getStyleClass().add(Styles.TITLE_4);
        fb.span(h);
        TextField date = fb.row("date", "growth.child.form.date", new TextField());
        date.setId("measure-date");
        date.textProperty().bindBidirectional(vm.dateProperty());
        TextField weight = fb.row("weightKg", "growth.child.form.weight", new TextField());
        weight.setId("measure-weight");
        weight.setPromptText(Messages.get("growth.child.form.weightPrompt"));
        weight.textProperty().bindBidirectional(vm.weightProperty());
        TextField stature = fb.row(ChildViewModel.STATURE, "growth.child.form.length", new TextField());
        stature.setId("measure-stature");
        stature.textProperty().bindBidirectional(vm.statureProperty());
        fb.label(ChildViewModel.STATURE).textProperty().bind(vm.statureLabelProperty());
        vm.statureLabelProperty().addListener((o, a, b) -> stature.setAccessibleText(b.replace("_", "")));
        stature.setAccessibleText(vm.statureLabelProperty().get().replace("_", ""));
        TextField head = fb.row("headCm", "growth.child.form.head", new TextField());
        head.setId("measure-head");
        head.textProperty().bindBidirectional(vm.headProperty());
        TextArea notes = fb.row("notes", "growth.child.form.notes", new TextArea());
        notes.setId("measure-notes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(vm.notesProperty());
        fb.bindErrors(vm.errors().byField());
        // after saving, the weight field takes the focus again: the next child's measures are typed straight away
        Button save = Ui.button("growth.child.form.save", MaterialDesignC.CONTENT_SAVE_OUTLINE, e -> vm.save(weight::requestFocus));
        save.setId("measure-save");
        save.getStyleClass().add(Styles.ACCENT);
        Label general = new Label();
        general.getStyleClass().add(Styles.DANGER);
        general.setWrapText(true);
        general.textProperty().bind(vm.errors().generalProperty());
        // Enter in any field saves: measurements are typed in a row during a consultation
        for (TextField t : new TextField[] {date, weight, stature, head}) t.setOnAction(e -> vm.save(weight::requestFocus));
        HBox actions = new HBox(10, save, general);
        actions.setAlignment(Pos.CENTER_LEFT);
        fb.span(actions);
        VBox card = new VBox(fb.build());
        card.getStyleClass().add("card-box");
        card.setPadding(new Insets(4, 14, 8, 14));
        return card;
    }

    private Node guide() {
        Label t = new Label();
        t.getStyleClass().add(Styles.TITLE_4);
        t.textProperty().bind(vm.guideTitleProperty());
        t.setWrapText(true);
        VBox items = new VBox(6);
        items.setId("child-guide");
        Runnable fill = () -> {
            items.getChildren().clear();
            for (GuideRow g : vm.guide()) {
                Label area = new Label(g.area());
                area.getStyleClass().add(Styles.TEXT_BOLD);
                area.setMinWidth(Region.USE_PREF_SIZE);
                Label text = new Label(g.text());
                text.setWrapText(true);
                VBox row = new VBox(1, area, text);
                items.getChildren().add(row);
            }
        };
        vm.guide().addListener((ListChangeListener<GuideRow>) c -> fill.run());
        fill.run();
        VBox card = new VBox(8, t, items);
        card.getStyleClass().add("card-box");
        card.setPadding(new Insets(12, 14, 12, 14));
        return card;
    }

    private Node chartSection() {
        ToggleGroup group = new ToggleGroup();
        HBox toggles = new HBox();
        toggles.setId("indicator-toggles");
        Indicator[] all = Indicator.values();
        for (int i = 0; i < all.length; i++) {
            Indicator ind = all[i];
            ToggleButton b = new ToggleButton(Messages.get("growth.child.indicator." + ind.name()));
            b.setId("indicator-" + ind.code());
            b.setToggleGroup(group);
            b.setUserData(ind);
            b.setAccessibleText(Messages.get(ind.labelKey()));
            b.setSelected(vm.indicatorProperty().get() == ind);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            toggles.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true); // one indicator is always shown
            else vm.indicatorProperty().set((Indicator) now.getUserData());
        });
        Button export = Ui.button("growth.child.exportImage", MaterialDesignI.IMAGE_OUTLINE, e ->
                FileDialogs.saveFile(getScene() == null ? null : getScene().getWindow(), "growth.child.exportImage.title",
                        vm.suggestedImageName(), "png").ifPresent(p -> vm.exportChart(p, null)));
        export.setId("export-chart");
        export.disableProperty().bind(vm.chartProperty().isNull().or(vm.busyProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, toggles, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        chartView.setId("growth-chart");
        chartView.chartProperty().bind(vm.chartProperty());
        chartView.setMinSize(480, 360);
        chartView.setPrefHeight(560);
        chartView.setMaxWidth(1000);
        chartView.visibleProperty().bind(vm.chartProperty().isNotNull());
        chartView.managedProperty().bind(chartView.visibleProperty());
        Label empty = Ui.muted("");
        empty.textProperty().bind(vm.chartMessageProperty());
        empty.visibleProperty().bind(vm.chartMessageProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());
        VBox box = new VBox(8, bar, empty, chartView);
        return section("growth.child.chart.title", box);
    }

    private TableView<MeasurementRow> measurementTable() {
        TableView<MeasurementRow> t = new TableView<>(vm.measurements());
        t.setId("measurements-table");
        t.setAccessibleText(Messages.get("growth.child.measurements.title"));
        t.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(col("growth.child.col.date", 95, MeasurementRow::when, false));
        t.getColumns().add(col("growth.child.col.age", 80, MeasurementRow::age, false));
        t.getColumns().add(col("growth.child.col.weight", 80, MeasurementRow::weight, true));
        t.getColumns().add(col("growth.child.col.stature", 110, MeasurementRow::stature, true));
        t.getColumns().add(col("growth.child.col.head", 70, MeasurementRow::head, true));
        t.getColumns().add(zCol("growth.child.col.zWeight", MeasurementRow::zWeight));
        t.getColumns().add(zCol("growth.child.col.zStature", MeasurementRow::zStature));
        t.getColumns().add(zCol("growth.child.col.zHead", MeasurementRow::zHead));
        t.getColumns().add(zCol("growth.child.col.zWeightForStature", MeasurementRow::zWeightForStature));
        t.getColumns().add(zCol("growth.child.col.zBmi", MeasurementRow::zBmi));
        t.getColumns().add(col("growth.child.col.notes", 140, MeasurementRow::notes, false));
        t.setPlaceholder(new Label(Messages.get("growth.child.noMeasurement")));
        t.setFixedCellSize(30);
        t.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 36 + 30 * Math.max(2, Math.min(10, vm.measurements().size())) + 4.0, vm.measurements()));
        t.setMinHeight(Region.USE_PREF_SIZE);
        return t;
    }

    private static <T> TableColumn<T, String> col(String key, double w, Function<T, String> f, boolean right) {
        TableColumn<T, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(w);
        if (right) c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    // a z-score column: beyond ±2 in the warning colour, beyond ±3 in the danger colour
    private static TableColumn<MeasurementRow, String> zCol(String key, Function<MeasurementRow, String> f) {
        TableColumn<MeasurementRow, String> c = col(key, 72, f, true);
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll(Styles.WARNING, Styles.DANGER);
                if (empty || s == null || s.isEmpty()) {
                    setText(null);
                    return;
                }
                setText(s);
                double v = Math.abs(Double.parseDouble(s.replace('\u2212', '-').replace(',', '.')));
                if (v > 3) getStyleClass().add(Styles.DANGER);
                else if (v > 2) getStyleClass().add(Styles.WARNING);
            }
        });
        return c;
    }

    private Node screenings() {
        TableView<ScreeningRow> t = new TableView<>(vm.screenings());
        t.setId("screenings-table");
        t.setAccessibleText(Messages.get("growth.child.screening.title"));
        t.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(col("growth.child.col.date", 95, ScreeningRow::when, false));
        t.getColumns().add(col("growth.child.screening.area", 170, ScreeningRow::area, false));
        TableColumn<ScreeningRow, ScreeningRow> result = new TableColumn<>(Messages.get("growth.child.screening.result"));
        result.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        result.setPrefWidth(130);
        result.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(ScreeningRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(null);
                if (empty || r == null || r.resultValue() == null) {
                    setGraphic(null);
                    return;
                }
                Label l = new Label(r.result());
                l.getStyleClass().addAll("flag", switch (r.resultValue()) {
                    case NORMAL -> "flag-child";
                    case TO_WATCH -> "flag-warning";
                    case REFER -> "flag-refer";
                });
                setGraphic(l);
            }
        });
        t.getColumns().add(result);
        t.getColumns().add(col("growth.child.col.notes", 200, ScreeningRow::notes, false));
        t.setPlaceholder(new Label(Messages.get("growth.child.screening.none")));
        t.setFixedCellSize(30);
        t.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 36 + 30 * Math.max(2, Math.min(8, vm.screenings().size())) + 4.0, vm.screenings()));
        t.setMinHeight(Region.USE_PREF_SIZE);

        TextField date = new TextField();
        date.setId("screening-date");
        date.setPrefColumnCount(9);
        date.setAccessibleText(Messages.get("growth.child.form.date").replace("_", ""));
        date.textProperty().bindBidirectional(vm.screeningDateProperty());
        ComboBox<ScreeningArea> area = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ScreeningArea.values()));
        area.setId("screening-area");
        area.setPromptText(Messages.get("growth.child.screening.area"));
        area.setAccessibleText(Messages.get("growth.child.screening.area"));
        area.setButtonCell(cell(a -> Messages.get("growth.screening.area." + a.name()), area.getPromptText()));
        area.setCellFactory(l -> cell(a -> Messages.get("growth.screening.area." + a.name()), ""));
        area.valueProperty().bindBidirectional(vm.screeningAreaProperty());
        ComboBox<ScreeningResult> res = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ScreeningResult.values()));
        res.setId("screening-result");
        res.setPromptText(Messages.get("growth.child.screening.result"));
        res.setAccessibleText(Messages.get("growth.child.screening.result"));
        res.setButtonCell(cell(r -> Messages.get("growth.child.result." + r.name()), res.getPromptText()));
        res.setCellFactory(l -> cell(r -> Messages.get("growth.child.result." + r.name()), ""));
        res.valueProperty().bindBidirectional(vm.screeningResultProperty());
        TextField notes = new TextField();
        notes.setId("screening-notes");
        notes.setPromptText(Messages.get("growth.child.screening.notesPrompt"));
        notes.setAccessibleText(Messages.get("growth.child.screening.notesPrompt"));
        notes.textProperty().bindBidirectional(vm.screeningNotesProperty());
        HBox.setHgrow(notes, Priority.ALWAYS);
        Button save = Ui.button("growth.child.screening.save", MaterialDesignC.CLIPBOARD_CHECK_OUTLINE, e -> vm.saveScreening(null));
        save.setId("screening-save");
        HBox form = new HBox(8, date, area, res, notes, save);
        form.setAlignment(Pos.CENTER_LEFT);
        Label errors = new Label();
        errors.setId("screening-errors");
        errors.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        errors.setWrapText(true);
        Runnable showErrors = () -> {
            var m = vm.screeningErrors().byField();
            errors.setText(String.join(" ", m.values()) + (vm.screeningErrors().general().isEmpty() ? "" : " " + vm.screeningErrors().general()));
        };
        vm.screeningErrors().byField().addListener((javafx.collections.MapChangeListener<String, String>) c -> showErrors.run());
        vm.screeningErrors().generalProperty().addListener((o, a, b) -> showErrors.run());
        errors.visibleProperty().bind(errors.textProperty().isNotEmpty());
        errors.managedProperty().bind(errors.visibleProperty());
        return new VBox(8, t, form, errors);
    }

    private static <T> ListCell<T> cell(Function<T, String> text, String empty) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty || item == null ? empty : text.apply(item));
            }
        };
    }

    private static Node section(String key, Node content) {
        Label h = new Label(Messages.get(key));
        h.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, h, content);
    }

    /** The growth chart control (for tests and snapshots). */
    public GrowthChartView chartView() {
        return chartView;
    }

    /** Reads the child's records again (after a change elsewhere). */
    public void reload() {
        vm.load();
    }

    /** Releases the listeners this view put on its view model. */
    public void dispose() {
        vm.alerts().removeListener(alertListener);
        vm.measurements().removeListener(alertListener);
    }
}
