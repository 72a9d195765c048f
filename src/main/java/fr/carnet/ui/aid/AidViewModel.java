package fr.carnet.ui.aid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.common.DeskContext;
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

/** An aid request (amount in the locale's currency, typed as people write it) and its decision. */
public final class AidViewModel {
    private final DeskContext ctx;
    private final String householdId;
    private final StringProperty kind = new SimpleStringProperty("");
    private final StringProperty amount = new SimpleStringProperty("");
    private final StringProperty requestedOn = new SimpleStringProperty("");
    private final ObjectProperty<AidDecision> decision = new SimpleObjectProperty<>(AidDecision.PENDING);
    private final StringProperty decidedOn = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors();

    public AidViewModel(DeskContext ctx, String householdId) {
        this.ctx = ctx;
        this.householdId = householdId;
        requestedOn.set(Formats.current().date(ctx.today()));
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
        ctx.async().run(() -> ctx.editor().create(RecordType.AID, f), onSaved::accept, errors::show);
    }

    /** Records the decision on an existing request, dated today. */
    public void decide(String aidId, AidDecision d, Runnable done) {
        ObjectNode ch = Json.object();
        ch.put("decision", d.name());
        ch.put("decidedOn", d == AidDecision.PENDING ? null : ctx.today().toString());
        ctx.async().run(() -> ctx.editor().update(RecordType.AID, aidId, ch), r -> done.run(), errors::show);
    }

    public StringProperty kindProperty() { return kind; }
    public StringProperty amountProperty() { return amount; }
    public StringProperty requestedOnProperty() { return requestedOn; }
    public ObjectProperty<AidDecision> decisionProperty() { return decision; }
    public StringProperty decidedOnProperty() { return decidedOn; }
    public FormErrors errors() { return errors; }
}
