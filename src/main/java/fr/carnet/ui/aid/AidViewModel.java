package fr.carnet.ui.aid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.common.Debouncer;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormDraft;
import fr.carnet.ui.common.RecordEdit;
import java.util.List;
import java.util.Objects;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.Formats;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * An aid request (amount in the locale's currency, typed as people write it) and its decision; a
 * new one, or an existing one changed in place ({@link #edit}, only the changed fields written).
 * What is typed is kept as a draft until the form is saved or abandoned.
 */
public final class AidViewModel {
    static final String FORM = "aid";
    private final DeskContext ctx;
    private final String householdId;
    private final StringProperty kind = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty requestedOn = new SimpleStringProperty("");
    private final ObjectProperty<AidDecision> decision = new SimpleObjectProperty<>(AidDecision.PENDING);
    private final StringProperty decidedOn = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors();
    private final RecordEdit edit;
    private final FormDraft draft;

    public AidViewModel(DeskContext ctx, String householdId) {
        this(ctx, householdId, null, Debouncer.immediate());
    }

    public AidViewModel(DeskContext ctx, String householdId, Debouncer draftDebouncer) {
        this(ctx, householdId, null, draftDebouncer);
    }

    /** A form on an existing request; {@link #open()} fills it. */
    public static AidViewModel edit(DeskContext ctx, String householdId, String aidId, Debouncer draftDebouncer) {
        return new AidViewModel(ctx, householdId, Objects.requireNonNull(aidId), draftDebouncer);
    }

    private AidViewModel(DeskContext ctx, String householdId, String aidId, Debouncer draftDebouncer) {
        this.ctx = ctx;
        this.householdId = householdId;
        this.edit = aidId == null ? null
                : new RecordEdit(ctx, RecordType.AID, aidId, List.of("kind", "amountCents", "requestedOn", "decision", "decidedOn"));
        requestedOn.set(Formats.current().date(ctx.today()));
        draft = new FormDraft(ctx, FORM, FORM + (aidId == null ? ":new:" + householdId : ":edit:" + aidId), draftDebouncer)
                .text("kind", kind).text("amount", amount).text("requestedOn", requestedOn)
                .choice("decision", AidDecision.class, decision).text("decidedOn", decidedOn);
    }

    public boolean editing() {
        return edit != null;
    }

    /** Fills the form: the request's values in edit mode, then any draft left by an earlier session. */
    public void open() {
        if (edit == null) draft.restore();
        else edit.load(a -> {
            draft.quietly(() -> fill(a));
            draft.restore();
        }, errors);
    }

    private void fill(StoredRecord a) {
        Formats f = Formats.current();
        kind.set(a.text("kind") == null ? "" : a.text("kind"));
        amount.set(a.get("amountCents") == null ? "" : f.money(a.get("amountCents").asLong()));
        requestedOn.set(f.isoDate(a.text("requestedOn")));
        decision.set(a.text("decision") == null ? null : AidDecision.valueOf(a.text("decision")));
        decidedOn.set(f.isoDate(a.text("decidedOn")));
    }

    public void save(Consumer<String> onSaved) {
        errors.clear();
        Formats fmt = Formats.current();
        ObjectNode f = Json.object();
        f.put("householdId", householdId);
        if (!kind.get().isBlank()) f.put("kind", kind.get().strip());
        if (!amount.get().isBlank()) {
            Optional<Long> c = fmt.parseMoney(amount.get());
            if (c.isEmpty()) errors.put("amountCents", Messages.get("desk.form.badAmount", fmt.money(12_345)));
            else f.put("amountCents", c.get());
        }
        Optional<LocalDate> req = fmt.parseDate(requestedOn.get());
        if (req.isEmpty()) errors.put("requestedOn", Messages.get("desk.form.badDate", fmt.datePrompt()));
        else f.put("requestedOn", req.get().toString());
        if (decision.get() != null) f.put("decision", decision.get().name());
        if (!decidedOn.get().isBlank()) {
            Optional<LocalDate> d = fmt.parseDate(decidedOn.get());
            if (d.isEmpty()) errors.put("decidedOn", Messages.get("desk.form.badDate", fmt.datePrompt()));
            else f.put("decidedOn", d.get().toString());
        } else if (decision.get() == AidDecision.GRANTED || decision.get() == AidDecision.REFUSED) {
            f.put("decidedOn", ctx.today().toString());
        }
        if (!errors.isEmpty()) return;
        Consumer<String> done = id -> {
            draft.discard();
            onSaved.accept(id);
        };
        if (edit != null) edit.save(f, errors, done);
        else ctx.async().run(() -> ctx.editor().create(RecordType.AID, f), done, errors::show);
    }

    /** Records the decision on an existing request, dated today. */
    public void decide(String aidId, AidDecision d, Runnable done) {
        ObjectNode ch = Json.object();
        ch.put("decision", d.name());
        ch.put("decidedOn", d == AidDecision.PENDING ? null : ctx.today().toString());
        ctx.async().run(() -> ctx.editor().update(RecordType.AID, aidId, ch), r -> done.run(), errors::show);
    }

    public void discardDraft() {
        draft.discard();
    }

    public void saveDraft() {
        draft.save();
    }

    public String householdId() { return householdId; }
    public StringProperty draftStatusProperty() { return draft.statusProperty(); }
    /** The request's sync state in edit mode (null for a new request). */
    public ObjectProperty<SyncState> syncStateProperty() {
        return edit == null ? new SimpleObjectProperty<>() : edit.syncStateProperty();
    }
    public StringProperty kindProperty() { return kind; }
    public StringProperty amountProperty() { return amount; }
    public StringProperty requestedOnProperty() { return requestedOn; }
    public ObjectProperty<AidDecision> decisionProperty() { return decision; }
    public StringProperty decidedOnProperty() { return decidedOn; }
    public FormErrors errors() { return errors; }
}
