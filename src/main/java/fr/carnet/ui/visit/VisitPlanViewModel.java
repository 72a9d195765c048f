package fr.carnet.ui.visit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.RecordRepository;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.Formats;
import fr.carnet.util.Json;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Planning a home visit for a household: day, time and purpose; the address is the household's. */
public final class VisitPlanViewModel {
    private final DeskContext ctx;
    private final String householdId;
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("10:00");
    private final StringProperty purpose = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors();

    public VisitPlanViewModel(DeskContext ctx, String householdId) {
        this.ctx = ctx;
        this.householdId = householdId;
        date.set(Formats.current().date(ctx.today().plusDays(1)));
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
        f.put("status", "PLANNED");
        ctx.async().run(() -> {
            ctx.store().read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, householdId))
                    .map(h -> h.get("address")).filter(a -> a != null && a.isObject()).ifPresent(a -> f.set("address", a));
            return ctx.editor().create(RecordType.VISIT, f);
        }, onSaved::accept, errors::show);
    }

    public StringProperty dateProperty() { return date; }
    public StringProperty timeProperty() { return time; }
    public StringProperty purposeProperty() { return purpose; }
    public FormErrors errors() { return errors; }
}
