package fr.carnet.ui.common;

import fr.carnet.domain.ValidationException;
import fr.carnet.domain.Violation;
import fr.carnet.i18n.Messages;
import fr.carnet.store.StoreException;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/** A form's messages: one per field (shown under it) and one for the form as a whole. */
public final class FormErrors {
    private final ObservableMap<String, String> byField = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper general = new ReadOnlyStringWrapper("");

    public ObservableMap<String, String> byField() {
        return byField;
    }

    public ReadOnlyStringProperty generalProperty() {
        return general.getReadOnlyProperty();
    }

    public String general() {
        return general.get();
    }

    public void clear() {
        byField.clear();
        general.set("");
    }

    public void put(String field, String message) {
        byField.put(field, message);
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.get().isEmpty();
    }

    /** Shows violations under the fields they name; {@code alias} maps wire names to the form's names. */
    public void show(List<Violation> violations) {
        for (Violation v : violations) {
            if (v.field() == null || v.field().isEmpty()) general.set(v.message());
            else byField.merge(v.field(), v.message(), (a, b) -> a);
        }
    }

    /** Shows a failure from a save: violations under their fields, anything else as a general message. */
    public void show(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && !(c instanceof ValidationException) && !(c instanceof StoreException)) c = c.getCause();
        if (c instanceof ValidationException ve) show(ve.violations());
        else if (c instanceof StoreException se) general.set(se.getMessage());
        else general.set(Messages.get("desk.error.unexpected"));
    }

    public void setGeneral(String message) {
        general.set(message);
    }
}
