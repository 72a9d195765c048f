package fr.carnet.ui.common;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.RecordValidator;
import fr.carnet.i18n.Messages;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Editing one existing record in a form: reads it, remembers its values, and on save judges the
 * record as it would be ({@link RecordDiff#applied}) before writing only the changed fields
 * through {@code Editor.update} (journal and audit in the same transaction). Keeps the record's
 * sync state for the form to show.
 */
public final class RecordEdit {
    private final DeskContext ctx;
    private final RecordType type;
    private final String id;
    private final List<String> editable;
    private final ObjectProperty<SyncState> syncState = new SimpleObjectProperty<>();
    private ObjectNode original;

    /** @param editable the fields (wire names) the form edits; the others are left alone */
    public RecordEdit(DeskContext ctx, RecordType type, String id, List<String> editable) {
        this.ctx = ctx;
        this.type = type;
        this.id = id;
        this.editable = List.copyOf(editable);
    }

    public String id() {
        return id;
    }

    /** Reads the record in the background, then fills the form; a missing record is said in the form. */
    public void load(Consumer<StoredRecord> fill, FormErrors errors) {
        ctx.async().run(() -> ctx.store().read(c -> RecordRepository.find(c, type, id)), r -> r.filter(x -> !x.deleted())
                .ifPresentOrElse(x -> {
                    remember(x);
                    fill.accept(x);
                }, () -> errors.setGeneral(Messages.get("desk.edit.missing"))), errors::show);
    }

    /** The record as read by a form that loads it itself: what {@link #save} compares with. */
    public void remember(StoredRecord r) {
        original = r.fields().deepCopy();
        syncState.set(r.syncState());
    }

    public boolean loaded() {
        return original != null;
    }

    /**
     * Writes what differs between the record and {@code edited}; messages go under the fields and
     * nothing is written when the record would break a rule. Calls back with the record's id.
     */
    public void save(ObjectNode edited, FormErrors errors, Consumer<String> onSaved) {
        if (original == null) return; // not loaded yet
        ObjectNode changes = RecordDiff.changes(original, edited, editable);
        ObjectNode probe = RecordDiff.applied(original, changes);
        errors.show(RecordValidator.validate(type, probe, ctx.today()));
        if (!errors.isEmpty()) return;
        if (changes.isEmpty()) {
            onSaved.accept(id);
            return;
        }
        ctx.async().run(() -> ctx.editor().update(type, id, changes), r -> {
            original = r.fields().deepCopy();
            syncState.set(r.syncState());
            onSaved.accept(id);
        }, errors::show);
    }

    /** The record's sync state (pending, synced, conflict) once loaded. */
    public ObjectProperty<SyncState> syncStateProperty() {
        return syncState;
    }
}
