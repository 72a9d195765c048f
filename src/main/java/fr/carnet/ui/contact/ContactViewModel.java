package fr.carnet.ui.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.RequestType;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Debouncer;
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
 */
public final class ContactViewModel {
    static final String FORM = "contact";
    private final DeskContext ctx;
    private final String householdId;
    private final String draftKey;
    private final Debouncer draftDebouncer;
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
    private final StringProperty draftStatus = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors();
    private boolean restoring;

    public ContactViewModel(DeskContext ctx, String householdId, Debouncer draftDebouncer) {
        this.ctx = ctx;
        this.householdId = householdId;
        this.draftKey = FORM + ":new:" + householdId;
        this.draftDebouncer = draftDebouncer;
        OffsetDateTime now = OffsetDateTime.now(ctx.store().clock());
        date.set(Formats.current().date(now.toLocalDate()));
        time.set(String.format("%02d:%02d", now.getHour(), now.getMinute()));
        List<Observable> all = List.of(date, time, duration, mode, request, domains, summary, outcome, orientedTo);
        for (Observable o : all) o.addListener(x -> changed());
    }

    private void changed() {
        if (restoring) return;
        dirty.set(true);
        draftDebouncer.call(this::saveDraft);
    }

    /** Restores a draft left by an earlier session, if there is one. */
    public void restoreDraft() {
        ctx.async().run(() -> ctx.drafts().load(draftKey), d -> d.ifPresent(this::apply), e -> { });
    }

    private void apply(ObjectNode d) {
        restoring = true;
        try {
            date.set(d.path("date").asText(date.get()));
            time.set(d.path("time").asText(time.get()));
            duration.set(d.path("duration").asText(""));
            mode.set(d.hasNonNull("mode") ? ContactMode.valueOf(d.get("mode").asText()) : null);
            request.set(d.hasNonNull("request") ? RequestType.valueOf(d.get("request").asText()) : null);
            domains.clear();
            for (JsonNode n : d.path("domains")) domains.add(InterventionDomain.valueOf(n.asText()));
            if (ctx.confidential()) {
                summary.set(d.path("summary").asText(""));
                outcome.set(d.path("outcome").asText(""));
            }
            orientedTo.set(d.path("orientedTo").asText(""));
            dirty.set(true);
            draftStatus.set(Messages.get("desk.draft.restored"));
        } finally {
            restoring = false;
        }
    }

    public void saveDraft() {
        ObjectNode d = Json.object();
        d.put("date", date.get());
        d.put("time", time.get());
        d.put("duration", duration.get());
        if (mode.get() != null) d.put("mode", mode.get().name());
        if (request.get() != null) d.put("request", request.get().name());
        var arr = d.putArray("domains");
        for (InterventionDomain x : InterventionDomain.values()) if (domains.contains(x)) arr.add(x.name());
        if (ctx.confidential()) {
            d.put("summary", summary.get());
            d.put("outcome", outcome.get());
        }
        d.put("orientedTo", orientedTo.get());
        ctx.async().run(() -> {
            ctx.drafts().save(draftKey, FORM, d);
            return true;
        }, ok -> draftStatus.set(Messages.get("desk.draft.saved")), e -> draftStatus.set(Messages.get("desk.draft.failed")));
    }

    public void discardDraft() {
        ctx.async().run(() -> {
            ctx.drafts().delete(draftKey);
            return true;
        }, ok -> dirty.set(false), e -> { });
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
        ctx.async().run(() -> {
            String id = ctx.editor().create(RecordType.CONTACT, f.get());
            ctx.drafts().delete(draftKey);
            return id;
        }, id -> {
            dirty.set(false);
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
    public StringProperty draftStatusProperty() { return draftStatus; }
    public FormErrors errors() { return errors; }
}
