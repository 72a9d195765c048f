package fr.carnet.ui.visit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.HouseholdFileQueries;
import fr.carnet.store.HouseholdFileQueries.AgendaItem;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.Formats;
import fr.carnet.util.Json;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The week's home visits (Monday to Sunday), and marking the selected one done, absent or
 * cancelled with observations and next steps (captured on site, offline). A secretary sees the
 * appointments and may set their status, not the observations.
 */
public final class AgendaViewModel {
    private final DeskContext ctx;
    private final ObjectProperty<LocalDate> weekStart = new SimpleObjectProperty<>();
    private final StringProperty weekTitle = new SimpleStringProperty("");
    private final ObservableList<AgendaItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<AgendaItem> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<VisitStatus> outcomeStatus = new SimpleObjectProperty<>(VisitStatus.DONE);
    private final StringProperty observations = new SimpleStringProperty("");
    private final StringProperty nextSteps = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors();
    private final StringProperty message = new SimpleStringProperty("");

    public AgendaViewModel(DeskContext ctx) {
        this.ctx = ctx;
        weekStart.set(ctx.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        weekStart.addListener((o, a, b) -> load());
        selected.addListener((o, a, b) -> {
            errors.clear();
            if (b == null) return;
            String st = b.visit().text("status");
            outcomeStatus.set(st == null || st.equals("PLANNED") ? VisitStatus.DONE : VisitStatus.valueOf(st));
            observations.set(b.visit().text("observations") == null ? "" : b.visit().text("observations"));
            nextSteps.set(b.visit().text("nextSteps") == null ? "" : b.visit().text("nextSteps"));
        });
    }

    public void load() {
        LocalDate from = weekStart.get();
        Formats f = Formats.current();
        weekTitle.set(Messages.get("desk.agenda.week", f.date(from), f.date(from.plusDays(6))));
        String keep = selected.get() == null ? null : selected.get().visit().id();
        ctx.async().run(() -> ctx.store().read(c -> HouseholdFileQueries.agenda(c, from, from.plusDays(7), ctx.role())),
                r -> {
                    items.setAll(r);
                    selected.set(r.stream().filter(i -> i.visit().id().equals(keep)).findFirst().orElse(null));
                }, e -> message.set(Messages.get("desk.error.unexpected")));
    }

    public void previousWeek() { weekStart.set(weekStart.get().minusWeeks(1)); }
    public void nextWeek() { weekStart.set(weekStart.get().plusWeeks(1)); }
    public void thisWeek() { weekStart.set(ctx.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))); }

    /** Records the selected visit's outcome. */
    public void complete() {
        AgendaItem item = selected.get();
        if (item == null) return;
        errors.clear();
        if (outcomeStatus.get() == null || outcomeStatus.get() == VisitStatus.PLANNED) {
            errors.put("status", Messages.get("desk.agenda.chooseOutcome"));
            return;
        }
        ObjectNode ch = Json.object();
        ch.put("status", outcomeStatus.get().name());
        if (ctx.confidential()) {
            ch.put("observations", observations.get().isBlank() ? null : observations.get().strip());
            ch.put("nextSteps", nextSteps.get().isBlank() ? null : nextSteps.get().strip());
        }
        ctx.async().run(() -> ctx.editor().update(RecordType.VISIT, item.visit().id(), ch), r -> {
            message.set(Messages.get("desk.agenda.saved"));
            load();
        }, errors::show);
    }

    public boolean confidential() { return ctx.confidential(); }
    public ObjectProperty<LocalDate> weekStartProperty() { return weekStart; }
    public StringProperty weekTitleProperty() { return weekTitle; }
    public ObservableList<AgendaItem> items() { return items; }
    public ObjectProperty<AgendaItem> selectedProperty() { return selected; }
    public ObjectProperty<VisitStatus> outcomeStatusProperty() { return outcomeStatus; }
    public StringProperty observationsProperty() { return observations; }
    public StringProperty nextStepsProperty() { return nextSteps; }
    public FormErrors errors() { return errors; }
    public StringProperty messageProperty() { return message; }
}
