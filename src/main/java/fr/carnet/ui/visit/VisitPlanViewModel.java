package fr.carnet.ui.visit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.common.Debouncer;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormDraft;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.Formats;
import fr.carnet.ui.common.RecordEdit;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Planning a home visit for a household: day, time and purpose; the address is the household's.
 * In edit mode ({@link #edit}) the form loads the visit and saves only what changed. What is typed
 * is kept as a draft until the form is saved or abandoned.
 */
public final class VisitPlanViewModel {
    static final String FORM = "visit";
    private final DeskContext ctx;
    private final String householdId;
    private final RecordEdit edit;
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("10:00");
    private final StringProperty purpose = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors();
    private final FormDraft draft;

    public VisitPlanViewModel(DeskContext ctx, String householdId) {
        this(ctx, householdId, null, Debouncer.immediate());
    }

    public VisitPlanViewModel(DeskContext ctx, String householdId, Debouncer draftDebouncer) {
        this(ctx, householdId, null, draftDebouncer);
    }

    /** A form on an existing visit; {@link #open()} fills it. */
    public static VisitPlanViewModel edit(DeskContext ctx, String householdId, String visitId, Debouncer draftDebouncer) {
        return new VisitPlanViewModel(ctx, householdId, Objects.requireNonNull(visitId), draftDebouncer);
    }

    private VisitPlanViewModel(DeskContext ctx, String householdId, String visitId, Debouncer draftDebouncer) {
        this.ctx = ctx;
        this.householdId = householdId;
        this.edit = visitId == null ? null : new RecordEdit(ctx, RecordType.VISIT, visitId, List.of("plannedAt", "purpose"));
        date.set(Formats.current().date(ctx.today().plusDays(1)));
        draft = new FormDraft(ctx, FORM, FORM + (visitId == null ? ":new:" + householdId : ":edit:" + visitId), draftDebouncer)
                .text("date", date).text("time", time).text("purpose", purpose);
    }

    public boolean editing() {
        return edit != null;
    }

    /** Fills the form: the visit's values in edit mode, then any draft left by an earlier session. */
    public void open() {
        if (edit == null) draft.restore();
        else edit.load(v -> {
            draft.quietly(() -> fill(v));
            draft.restore();
        }, errors);
    }

    private void fill(StoredRecord v) {
        if (v.text("plannedAt") != null) {
            var at = OffsetDateTime.parse(v.text("plannedAt")).atZoneSameInstant(ZoneId.systemDefault());
            date.set(Formats.current().date(at.toLocalDate()));
            time.set(String.format("%02d:%02d", at.getHour(), at.getMinute()));
        }
        purpose.set(v.text("purpose") == null ? "" : v.text("purpose"));
    }

    public void save(Consumer<String> onSaved) {
        errors.clear();
        Optional<LocalDate> d = Formats.current().parseDate(date.get());
        if (d.isEmpty()) errors.put("plannedAt", Messages.get("desk.form.badDate", Formats.current().datePrompt()));
        LocalTime t = null;
        try {
            t = LocalTime.parse(time.get().strip().replace('h', ':'));
        } catch (DateTimeParseException e) {
            errors.put("time", Messages.get("desk.form.badTime"));
        }
        if (!errors.isEmpty()) return;
        ObjectNode f = Json.object();
        f.put("householdId", householdId);
        f.put("plannedAt", d.get().atTime(t).atZone(ZoneId.systemDefault()).toOffsetDateTime().toString());
        if (!purpose.get().isBlank()) f.put("purpose", purpose.get().strip());
        Consumer<String> done = id -> {
            draft.discard();
            onSaved.accept(id);
        };
        if (edit != null) {
            edit.save(f, errors, done);
            return;
        }
        f.put("status", "PLANNED");
        ctx.async().run(() -> {
            ctx.store().read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, householdId))
                    .map(h -> h.get("address")).filter(a -> a != null && a.isObject()).ifPresent(a -> f.set("address", a));
            return ctx.editor().create(RecordType.VISIT, f);
        }, done, errors::show);
    }

    /** Abandons the form: its draft goes. */
    public void discardDraft() {
        draft.discard();
    }

    public void saveDraft() {
        draft.save();
    }

    public String householdId() { return householdId; }
    public StringProperty dateProperty() { return date; }
    public StringProperty timeProperty() { return time; }
    public StringProperty purposeProperty() { return purpose; }
    public FormErrors errors() { return errors; }
    public StringProperty draftStatusProperty() { return draft.statusProperty(); }
    /** The visit's sync state in edit mode (null for a new visit). */
    public javafx.beans.property.ObjectProperty<fr.carnet.domain.Enums.SyncState> syncStateProperty() {
        return edit == null ? new javafx.beans.property.SimpleObjectProperty<>() : edit.syncStateProperty();
    }
}
