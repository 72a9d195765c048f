package fr.carnet.ui.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.RequestType;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.RecordValidator;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.common.RecordDiff;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Debouncer;
import fr.carnet.ui.common.FormDraft;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.Formats;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Recording a contact (entretien): mode, request, domains among the nine, duration, summary,
 * outcome, orientation partner. What is typed is kept as a draft in the store (a second after the
 * last change), so a closed window or a crash loses nothing; saving or discarding drops the draft.
 * A secretary's form has no summary or outcome.
 * In edit mode ({@link #edit}) the form loads the contact's current values (then any draft of the
 * edit on top) and saves only the fields that changed, through {@code Editor.update}.
 */
public final class ContactViewModel {
    static final String FORM = "contact";
    private final DeskContext ctx;
    private final String householdId;
    private final String contactId;
    private ObjectNode original;
    private final FormDraft draft;
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final StringProperty duration = new SimpleStringProperty("");
    private final ObjectProperty<ContactMode> mode = new SimpleObjectProperty<>(ContactMode.RECEPTION);
    private final ObjectProperty<RequestType> request = new SimpleObjectProperty<>();
    private final ObservableSet<InterventionDomain> domains = FXCollections.observableSet();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty orientedTo = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final FormErrors errors = new FormErrors();

    public ContactViewModel(DeskContext ctx, String householdId, Debouncer draftDebouncer) {
        this(ctx, householdId, null, draftDebouncer);
    }

    /** A form that edits an existing contact; {@link #restoreDraft()} then loads its current values. */
    public static ContactViewModel edit(DeskContext ctx, String householdId, String contactId, Debouncer draftDebouncer) {
        return new ContactViewModel(ctx, householdId, java.util.Objects.requireNonNull(contactId), draftDebouncer);
    }

    private ContactViewModel(DeskContext ctx, String householdId, String contactId, Debouncer draftDebouncer) {
        this.ctx = ctx;
        this.householdId = householdId;
        this.contactId = contactId;
        OffsetDateTime now = OffsetDateTime.now(ctx.store().clock());
        date.set(Formats.current().date(now.toLocalDate()));
        time.set(String.format("%02d:%02d", now.getHour(), now.getMinute()));
        this.draft = new FormDraft(ctx, FORM, contactId == null ? FORM + ":new:" + householdId : FORM + ":edit:" + contactId, draftDebouncer)
                .text("date", date).text("time", time).text("duration", duration)
                .choice("mode", ContactMode.class, mode).choice("request", RequestType.class, request)
                .set("domains", InterventionDomain.class, domains).text("orientedTo", orientedTo);
        if (ctx.confidential()) draft.text("summary", summary).text("outcome", outcome);
        List<Observable> all = List.of(date, time, duration, mode, request, domains, summary, outcome, orientedTo);
        for (Observable o : all) o.addListener(x -> {
            if (draft.unsaved()) dirty.set(true);
        });
    }

    /** Whether this form edits an existing contact. */
    public boolean editing() {
        return contactId != null;
    }

    /** Fields the form edits (wire names); the summary and outcome only for those who may read them. */
    List<String> editable() {
        List<String> f = new java.util.ArrayList<>(List.of("date", "durationMinutes", "mode", "request", "domains", "orientedTo"));
        if (ctx.confidential()) f.addAll(List.of("summary", "outcome"));
        return f;
    }

    /** Edit mode: reads the contact in the background and fills the form with its current values. */
    public void load() {
        if (!editing()) return;
        ctx.async().run(() -> ctx.store().read(c -> RecordRepository.find(c, RecordType.CONTACT, contactId)),
                r -> r.ifPresentOrElse(c -> {
                    draft.quietly(() -> fill(c));
                    draft.restore(found -> dirty.set(found));
                }, () -> errors.setGeneral(Messages.get("desk.contact.missing"))),
                errors::show);
    }

    private void fill(StoredRecord c) {
        original = c.fields().deepCopy();
        if (c.text("date") != null) {
            var when = OffsetDateTime.parse(c.text("date")).atZoneSameInstant(ZoneId.systemDefault());
            date.set(Formats.current().date(when.toLocalDate()));
            time.set(String.format("%02d:%02d", when.getHour(), when.getMinute()));
        }
        duration.set(c.get("durationMinutes") == null ? "" : c.get("durationMinutes").asText());
        mode.set(c.text("mode") == null ? null : ContactMode.valueOf(c.text("mode")));
        request.set(c.text("request") == null ? null : RequestType.valueOf(c.text("request")));
        domains.clear();
        if (c.get("domains") != null) for (JsonNode n : c.get("domains")) domains.add(InterventionDomain.valueOf(n.asText()));
        if (ctx.confidential()) {
            summary.set(c.text("summary") == null ? "" : c.text("summary"));
            outcome.set(c.text("outcome") == null ? "" : c.text("outcome"));
        }
        orientedTo.set(c.text("orientedTo") == null ? "" : c.text("orientedTo"));
        dirty.set(false);
    }

    /** Restores a draft left by an earlier session, if there is one; in edit mode, loads the contact first. */
    public void restoreDraft() {
        if (editing()) {
            load();
            return;
        }
        draft.restore(found -> {
            if (found) dirty.set(true);
        });
    }

    public void saveDraft() {
        draft.save();
    }

    public void discardDraft() {
        draft.discard();
        dirty.set(false);
    }

    /** Checks the form and builds the record's fields; empty (with messages under the fields) when it does not hold. */
    Optional<ObjectNode> build() {
        errors.clear();
        Formats fmt = Formats.current();
        ObjectNode f = Json.object();
        f.put("householdId", householdId);
        Optional<LocalDate> d = fmt.parseDate(date.get());
        LocalTime t = null;
        try {
            t = LocalTime.parse(time.get().strip().replace('h', ':'));
        } catch (DateTimeParseException e) {
            errors.put("date", Messages.get("desk.form.badTime"));
        }
        if (d.isEmpty()) errors.put("date", Messages.get("desk.form.badDate", fmt.datePrompt()));
        if (d.isPresent() && t != null)
            f.put("date", d.get().atTime(t).atZone(ZoneId.systemDefault()).toOffsetDateTime().truncatedTo(ChronoUnit.MINUTES).toString());
        if (!duration.get().isBlank()) {
            Optional<Long> n = fmt.parseInteger(duration.get());
            if (n.isEmpty()) errors.put("durationMinutes", Messages.get("desk.form.badNumber"));
            else f.put("durationMinutes", n.get());
        }
        if (mode.get() == null) errors.put("mode", Messages.get("validation.required"));
        else f.put("mode", mode.get().name());
        if (request.get() != null) f.put("request", request.get().name());
        if (!domains.isEmpty()) {
            var arr = f.putArray("domains");
            for (InterventionDomain x : InterventionDomain.values()) if (domains.contains(x)) arr.add(x.name());
        }
        if (ctx.confidential()) {
            if (!summary.get().isBlank()) f.put("summary", summary.get().strip());
            if (!outcome.get().isBlank()) f.put("outcome", outcome.get().strip());
        }
        if (!orientedTo.get().isBlank()) f.put("orientedTo", orientedTo.get().strip());
        return errors.isEmpty() ? Optional.of(f) : Optional.empty();
    }

    public void save(Consumer<String> onSaved) {
        Optional<ObjectNode> f = build();
        if (f.isEmpty()) return;
        if (editing()) {
            saveChanges(f.get(), onSaved);
            return;
        }
        ctx.async().run(() -> {
            return ctx.editor().create(RecordType.CONTACT, f.get());
        }, id -> {
            draft.discard();
            dirty.set(false);
            onSaved.accept(id);
        }, errors::show);
    }

    /** Edit mode: judges the contact as it would be, then writes only what changed. */
    private void saveChanges(ObjectNode edited, Consumer<String> onSaved) {
        if (original == null) return; // not loaded yet
        ObjectNode changes = RecordDiff.changes(original, edited, editable());
        ObjectNode probe = RecordDiff.applied(original, changes);
        errors.show(RecordValidator.validate(RecordType.CONTACT, probe, ctx.today()));
        if (!errors.isEmpty()) return;
        if (changes.isEmpty()) {
            discardDraft();
            onSaved.accept(contactId);
            return;
        }
        ctx.async().run(() -> ctx.editor().update(RecordType.CONTACT, contactId, changes).id(), id -> {
            original = probe;
            discardDraft();
            onSaved.accept(id);
        }, errors::show);
    }

    public boolean confidential() { return ctx.confidential(); }
    public String householdId() { return householdId; }
    public StringProperty dateProperty() { return date; }
    public StringProperty timeProperty() { return time; }
    public StringProperty durationProperty() { return duration; }
    public ObjectProperty<ContactMode> modeProperty() { return mode; }
    public ObjectProperty<RequestType> requestProperty() { return request; }
    public ObservableSet<InterventionDomain> domains() { return domains; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty outcomeProperty() { return outcome; }
    public StringProperty orientedToProperty() { return orientedTo; }
    public BooleanProperty dirtyProperty() { return dirty; }
    public StringProperty draftStatusProperty() { return draft.statusProperty(); }
    public FormErrors errors() { return errors; }
}
