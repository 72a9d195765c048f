package fr.carnet.ui.household;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.ui.common.Debouncer;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormDraft;
import javafx.beans.property.ObjectProperty;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.RecordEdit;
import fr.carnet.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Editing a household's situation: label, address, housing and — for those who may read them —
 * the notes. The form loads the current values and saves only what changed through
 * {@code Editor.update}; a secretary's form neither reads nor sends the notes. What is typed is
 * kept as a draft of the edit until it is saved or abandoned.
 */
public final class HouseholdFormViewModel {
    private final DeskContext ctx;
    private final String householdId;
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty line1 = new SimpleStringProperty("");
    private final StringProperty line2 = new SimpleStringProperty("");
    private final StringProperty postcode = new SimpleStringProperty("");
    private final StringProperty city = new SimpleStringProperty("");
    private final StringProperty housing = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors();
    private final FormDraft draft;
    private final RecordEdit edit;

    public HouseholdFormViewModel(DeskContext ctx, String householdId) {
        this(ctx, householdId, Debouncer.immediate());
    }

    /** @param draftDebouncer when what is typed is written as a draft of the edit */
    public HouseholdFormViewModel(DeskContext ctx, String householdId, Debouncer draftDebouncer) {
        this.ctx = ctx;
        this.householdId = householdId;
        draft = new FormDraft(ctx, "household", "household:edit:" + householdId, draftDebouncer)
                .text("label", label).text("line1", line1).text("line2", line2).text("postcode", postcode)
                .text("city", city).text("housing", housing);
        if (showsNotes()) draft.text("notes", notes);
        edit = new RecordEdit(ctx, RecordType.HOUSEHOLD, householdId, editable());
    }

    /** Whether the notes are part of this form (not for a secretary). */
    public boolean showsNotes() {
        return !RecordType.HOUSEHOLD.hiddenFrom("notes", ctx.role());
    }

    List<String> editable() {
        List<String> f = new ArrayList<>(List.of("label", "address", "housing"));
        if (showsNotes()) f.add("notes");
        return f;
    }

    /** Reads the household in the background and fills the form. */
    public void load() {
        ctx.async().run(() -> ctx.store().read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, householdId)),
                r -> r.ifPresentOrElse(h -> {
                    draft.quietly(() -> fill(h));
                    draft.restore();
                }, () -> errors.setGeneral(Messages.get("desk.household.missing"))),
                errors::show);
    }

    private void fill(StoredRecord h) {
        edit.remember(h);
        label.set(text(h.get("label")));
        JsonNode a = h.get("address");
        line1.set(a == null ? "" : text(a.get("line1")));
        line2.set(a == null ? "" : text(a.get("line2")));
        postcode.set(a == null ? "" : text(a.get("postcode")));
        city.set(a == null ? "" : text(a.get("city")));
        housing.set(text(h.get("housing")));
        notes.set(showsNotes() ? text(h.get("notes")) : "");
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    /** Validates and writes the changed fields; calls back with the household's id. */
    public void save(Consumer<String> onSaved) {
        errors.clear();
        if (!edit.loaded()) return;
        ObjectNode edited = Json.object();
        putText(edited, "label", label.get());
        ObjectNode addr = Json.object();
        putText(addr, "line1", line1.get());
        putText(addr, "line2", line2.get());
        putText(addr, "postcode", postcode.get());
        putText(addr, "city", city.get());
        if (!addr.isEmpty()) edited.set("address", addr);
        putText(edited, "housing", housing.get());
        if (showsNotes()) putText(edited, "notes", notes.get());
        edit.save(edited, errors, hid -> {
            draft.discard();
            onSaved.accept(hid);
        });
    }

    private static void putText(ObjectNode n, String f, String v) {
        if (v != null && !v.isBlank()) n.put(f, v.strip());
    }

    public void discardDraft() {
        draft.discard();
    }

    public void saveDraft() {
        draft.save();
    }

    public StringProperty draftStatusProperty() { return draft.statusProperty(); }
    public ObjectProperty<SyncState> syncStateProperty() { return edit.syncStateProperty(); }
    public String householdId() { return householdId; }
    public StringProperty labelProperty() { return label; }
    public StringProperty line1Property() { return line1; }
    public StringProperty line2Property() { return line2; }
    public StringProperty postcodeProperty() { return postcode; }
    public StringProperty cityProperty() { return city; }
    public StringProperty housingProperty() { return housing; }
    public StringProperty notesProperty() { return notes; }
    public FormErrors errors() { return errors; }
}
