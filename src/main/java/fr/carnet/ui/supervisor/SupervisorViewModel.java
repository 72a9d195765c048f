package fr.carnet.ui.supervisor;

import fr.carnet.i18n.Messages;
import fr.carnet.report.indicators.IndicatorCsv;
import fr.carnet.report.indicators.IndicatorSettings.Range;
import fr.carnet.report.indicators.TeamIndicators;
import fr.carnet.report.indicators.WorkKind;
import fr.carnet.report.indicators.WorkerIndicators;
import fr.carnet.util.Formats;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the supervisor's indicators screen: one row per worker with figures next to
 * their references, the data of the two charts, and what waits on this laptop. Computing runs
 * on {@code background}, properties change on {@code ui} only; no JavaFX toolkit is needed to
 * test it (pass {@code Runnable::run} for both).
 */
public final class SupervisorViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorViewModel.class);

    /** One line of the table, formatted for display. */
    public record Row(String name, String role, String accompaniments, String reception, String accompaniment, String collective,
                      String visits, String plans, String withoutContact, boolean aboveReference) {}

    /** One bar of the accompaniment chart: the worker's active accompaniments and their reference (or null). */
    public record Load(String name, int accompaniments, Double reference) {}

    /** One stacked bar of the time chart: shares of recorded contact time in percent. */
    public record Split(String name, double reception, double accompaniment, double collective) {}

    private final Supplier<TeamIndicators> source;
    private final Executor background;
    private final Executor ui;
    private final Locale locale;
    private final Formats fmt;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Load> loads = FXCollections.observableArrayList();
    private final ObservableList<Split> splits = FXCollections.observableArrayList();
    private final ObjectProperty<TeamIndicators> indicators = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public SupervisorViewModel(Supplier<TeamIndicators> source, Executor background, Executor ui, Locale locale) {
        this.source = source;
        this.background = background;
        this.ui = ui;
        this.locale = locale;
        this.fmt = Formats.of(locale);
    }

    /** Recomputes the indicators in the background and shows them. */
    public void refresh() {
        busy.set(true);
        error.set(null);
        background.execute(() -> {
            try {
                TeamIndicators t = source.get();
                ui.execute(() -> {
                    show(t);
                    busy.set(false);
                });
            } catch (RuntimeException e) {
                LOG.warn("Indicators could not be computed", e);
                ui.execute(() -> {
                    error.set(msg("report.supervisor.error"));
                    busy.set(false);
                });
            }
        });
    }

    /** Shows these indicators (on the UI thread). */
    public void show(TeamIndicators t) {
        indicators.set(t);
        rows.setAll(t.workers().stream().map(this::row).toList());
        loads.setAll(t.workers().stream().map(w -> new Load(w.name(), w.activeAccompaniments(), w.accompanimentReference())).toList());
        splits.setAll(t.workers().stream().map(w -> new Split(w.name(), 100 * w.share(WorkKind.RECEPTION_DIAGNOSIS),
                100 * w.share(WorkKind.ACCOMPANIMENT), 100 * w.share(WorkKind.COLLECTIVE_ACTION))).toList());
        String oldest = t.oldestUnsentChange() == null ? msg("report.supervisor.nothingUnsent")
                : msg("report.supervisor.oldestUnsent", fmt.dateTime(t.oldestUnsentChange(), ZoneId.systemDefault()));
        status.set(msg("report.supervisor.status", fmt.longDate(t.asOf()), t.openConflicts(), t.unsentChanges(), oldest));
    }

    private Row row(WorkerIndicators w) {
        String acc = w.accompanimentReference() == null ? Integer.toString(w.activeAccompaniments())
                : msg("report.supervisor.ofReference", w.activeAccompaniments(), fmt.decimal(w.accompanimentReference(), 0));
        boolean above = w.loadRatio() != null && w.loadRatio() > 1.0;
        return new Row(w.name(), msg("report.role." + w.role().name()), acc,
                share(w, WorkKind.RECEPTION_DIAGNOSIS, w.receptionReference()), share(w, WorkKind.ACCOMPANIMENT, null),
                share(w, WorkKind.COLLECTIVE_ACTION, w.collectiveReference()),
                msg("report.supervisor.visits", w.visitsDue(), w.visitsOverdue()),
                msg("report.supervisor.plans", w.plansPastEnd(), w.plansWithoutEvaluation()),
                Integer.toString(w.householdsWithoutContact()), above);
    }

    private String share(WorkerIndicators w, WorkKind k, Range ref) {
        if (w.totalMinutes() == 0) return "—";
        String v = fmt.percent(w.share(k));
        if (ref == null) return v;
        String r = ref.low() == ref.high() ? fmt.percent(ref.low()) : fmt.decimal(100 * ref.low(), 0) + "–" + fmt.percent(ref.high());
        return msg("report.supervisor.shareOfReference", v, r);
    }

    /** Writes the CSV export in the background; {@code done} runs on the UI thread with success or not. */
    public void exportCsv(Path file, java.util.function.Consumer<Boolean> done) {
        TeamIndicators t = indicators.get();
        if (t == null) return;
        background.execute(() -> {
            boolean ok;
            try {
                IndicatorCsv.write(t, locale, file);
                ok = true;
            } catch (RuntimeException e) {
                LOG.warn("CSV export failed", e);
                ok = false;
            }
            boolean result = ok;
            ui.execute(() -> done.accept(result));
        });
    }

    String msg(String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Load> loads() {
        return loads;
    }

    public ObservableList<Split> splits() {
        return splits;
    }

    public ReadOnlyObjectProperty<TeamIndicators> indicatorsProperty() {
        return indicators;
    }

    /** Conflicts, unsent changes and the date, in one sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** A message when computing failed, else null. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The kinds of work, in the order of the stacked bars, with their labels. */
    public List<String> workKindLabels() {
        return List.of(msg("report.supervisor.kind.RECEPTION_DIAGNOSIS"), msg("report.supervisor.kind.ACCOMPANIMENT"),
                msg("report.supervisor.kind.COLLECTIVE_ACTION"));
    }
}
