package fr.carnet.ui.common;

import atlantafx.base.theme.Styles;
import fr.carnet.i18n.Messages;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Builds a two-column form in code: a label (with mnemonic, {@code labelFor} and the control's
 * accessible text) beside each control, and under each control a line for its validation message,
 * keyed by the record's wire field name. Rows are added in tab order.
 */
public final class FormBuilder {
    private final GridPane grid = new GridPane();
    private final Map<String, Label> errors = new HashMap<>();
    private final Map<String, Control> controls = new HashMap<>();
    private final Map<String, Label> labels = new HashMap<>();
    private int row;

    public FormBuilder() {
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(8, 0, 8, 0));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setPrefWidth(190);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
    }

    /** Adds a labelled control for a field; {@code labelKey}'s text may hold an underscore mnemonic. */
    public <C extends Control> C row(String field, String labelKey, C control) {
        String text = Messages.get(labelKey);
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        label.setWrapText(true);
        control.setAccessibleText(text.replace("_", ""));
        control.setMaxWidth(Double.MAX_VALUE);
        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-error");
        error.setWrapText(true);
        error.setManaged(false);
        error.setVisible(false);
        VBox box = new VBox(2, control, error);
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));
        grid.add(label, 0, row);
        grid.add(box, 1, row);
        row++;
        errors.put(field, error);
        controls.put(field, control);
        labels.put(field, label);
        return control;
    }

    /** A full-width node (a heading, a hint, a list of duplicates). */
    public void span(Node node) {
        grid.add(node, 0, row, 2, 1);
        row++;
    }

    /** The label of a field (to bind its text when the field changes meaning, e.g. length vs height). */
    public Label label(String field) {
        return labels.get(field);
    }

    public Control control(String field) {
        return controls.get(field);
    }

    /** Shows the messages of this map under their fields, following its changes. */
    public void bindErrors(ObservableMap<String, String> map) {
        map.forEach(this::show);
        map.addListener((MapChangeListener<String, String>) c -> {
            if (c.wasRemoved() && !c.wasAdded()) show(c.getKey(), null);
            if (c.wasAdded()) show(c.getKey(), c.getValueAdded());
        });
    }

    private void show(String field, String message) {
        Label l = errors.get(field);
        if (l == null) return;
        boolean on = message != null && !message.isBlank();
        l.setText(on ? message : "");
        l.setVisible(on);
        l.setManaged(on);
        Control c = controls.get(field);
        if (c != null) c.pseudoClassStateChanged(Styles.STATE_DANGER, on);
    }

    public GridPane build() {
        return grid;
    }
}
