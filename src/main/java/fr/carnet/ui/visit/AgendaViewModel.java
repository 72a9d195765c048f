package fr.carnet.ui.visit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.store.HouseholdFileQueries;
import fr.carnet.store.HouseholdFileQueries.AgendaItem;
import fr.carnet.domain.Enums.Role;
import fr.carnet.ui.common.Debouncer;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormDraft;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
 * appointments and may set their status, not the observations. The outcome being typed is kept as a
 * draft for its visit. "Mes visites" (the default, but for a secretary) shows the visits this worker
 * planned or of households they are a referent of; "Toutes" every visit in scope.
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
    private final BooleanProperty mine = new SimpleBooleanProperty();
    private final FormDraft draft;

    public AgendaViewModel(DeskContext ctx) {
        this(ctx, Debouncer.immediate());
    }

    /** @param draftDebouncer when the outcome being typed is written as a draft (per visit) */
    public AgendaViewModel(DeskContext ctx, Debouncer draftDebouncer) {
        this.ctx = ctx;
        // A secretary keeps the appointments of the whole team: she starts on every visit.
        mine.set(ctx.role() != Role.SMS);
        weekStart.set(ctx.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        weekStart.addListener((o, a, b) -> load());
        mine.addListener((o, a, b) -> load());
        draft = new FormDraft(ctx, "visit-outcome", null, draftDebouncer).choice("status", VisitStatus.class, outcomeStatus);
        if (ctx.confidential()) draft.text("observations", observations).text("nextSteps", nextSteps);
        selected.addListener((o, a, b) -> select(a, b));
    }

    private void select(AgendaItem was, AgendaItem now) {
        errors.clear();
        boolean same = was != null && now != null && was.visit().id().equals(now.visit().id());
        if (same && draft.unsaved()) return; // the list was read again while typing: keep what is typed
        draft.rekey(now == null ? null : "visit:outcome:" + now.visit().id());
        if (now == null) return;
        draft.quietly(() -> {
            String st = now.visit().text("status");
            outcomeStatus.set(st == null || st.equals("PLANNED") ? VisitStatus.DONE : VisitStatus.valueOf(st));
            observations.set(now.visit().text("observations") == null ? "" : now.visit().text("observations"));
            nextSteps.set(now.visit().text("nextSteps") == null ? "" : now.visit().text("nextSteps"));
        });
        draft.restore();
    }

    public void load() {
        LocalDate from = weekStart.get();
        Formats f = Formats.current();
        weekTitle.set(Messages.get("desk.agenda.week", f.date(from), f.date(from.plusDays(6))));
        String keep = selected.get() == null ? null : selected.get().visit().id();
        String worker = mine.get() ? ctx.identity().workerId() : null;
        ctx.async().run(() -> ctx.store().read(c -> HouseholdFileQueries.agenda(c, from, from.plusDays(7), ctx.role(), worker)),
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
            draft.discard();
            message.set(Messages.get("desk.agenda.saved"));
            load();
        }, errors::show);
    }

    /** Keeps the outcome being typed as a draft now (the desk is about to lock). */
    public void saveDraft() {
        draft.save();
    }

    public boolean confidential() { return ctx.confidential(); }
    /** Only this worker's visits (planned by them, or of households they are a referent of), or all in scope. */
    public BooleanProperty mineProperty() { return mine; }
    public StringProperty draftStatusProperty() { return draft.statusProperty(); }
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
