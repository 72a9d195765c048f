package fr.carnet.ui.supervisor;

import fr.carnet.i18n.Messages;
import fr.carnet.domain.Enums.Role;
import fr.carnet.report.indicators.IndicatorCsv;
import fr.carnet.report.indicators.IndicatorSettings;
import fr.carnet.report.indicators.IndicatorSettings.Range;
import fr.carnet.report.indicators.TeamIndicators;
import fr.carnet.report.indicators.WorkKind;
import fr.carnet.report.indicators.WorkerIndicators;
import fr.carnet.util.Formats;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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

    /** A choice of the sector chooser: {@code id} null means all the supervisor's sectors. */
    public record SectorChoice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** How a reference is typed: a plain number, a percentage of working time, or a whole number. */
    public enum Kind { NUMBER, PERCENT, INTEGER }

    /** Every value of {@link IndicatorSettings}, in the order of the references panel. */
    public enum Ref {
        ACCOMPANIMENTS_PER_FTE(Kind.NUMBER, 1, 100),
        ACCOMPANIMENT_SHARE(Kind.PERCENT, 0, 100),
        RECEPTION_AS_LOW(Kind.PERCENT, 0, 100),
        RECEPTION_AS_HIGH(Kind.PERCENT, 0, 100),
        RECEPTION_CESF_LOW(Kind.PERCENT, 0, 100),
        RECEPTION_CESF_HIGH(Kind.PERCENT, 0, 100),
        RECEPTION_SMS_LOW(Kind.PERCENT, 0, 100),
        RECEPTION_SMS_HIGH(Kind.PERCENT, 0, 100),
        COLLECTIVE_AS_LOW(Kind.PERCENT, 0, 100),
        COLLECTIVE_AS_HIGH(Kind.PERCENT, 0, 100),
        COLLECTIVE_CESF_LOW(Kind.PERCENT, 0, 100),
        COLLECTIVE_CESF_HIGH(Kind.PERCENT, 0, 100),
        PERIOD_DAYS(Kind.INTEGER, 7, 3660),
        VISIT_DUE_DAYS(Kind.INTEGER, 0, 365),
        EVALUATION_MONTHS(Kind.INTEGER, 1, 120),
        CONTACT_WEEKS(Kind.INTEGER, 1, 520);

        public final Kind kind;
        public final double min;
        public final double max;

        Ref(Kind kind, double min, double max) {
            this.kind = kind;
            this.min = min;
            this.max = max;
        }

        /** For the high end of a range, its low end; else null. */
        Ref low() {
            return name().endsWith("_HIGH") ? valueOf(name().replace("_HIGH", "_LOW")) : null;
        }
    }

    /** One field of the references panel: what is typed, and the message under it (null when fine). */
    public static final class RefField {
        private final Ref ref;
        private final String label;
        private final StringProperty text = new SimpleStringProperty("");
        private final StringProperty error = new SimpleStringProperty();

        RefField(Ref ref, String label) {
            this.ref = ref;
            this.label = label;
        }

        public Ref ref() {
            return ref;
        }

        public String label() {
            return label;
        }

        public StringProperty textProperty() {
            return text;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error;
        }
    }

    private final SupervisorTeam team;
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
    private final ObservableList<SectorChoice> sectorChoices = FXCollections.observableArrayList();
    private final ObjectProperty<SectorChoice> sector = new SimpleObjectProperty<>();
    private final BooleanProperty severalSectors = new SimpleBooleanProperty();
    private final ObjectProperty<IndicatorSettings> settings = new SimpleObjectProperty<>(IndicatorSettings.defaults());
    private final Map<Ref, RefField> fields = new EnumMap<>(Ref.class);
    private final StringProperty referencesMessage = new SimpleStringProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private List<String> mySectors = List.of();
    private boolean loading;
    private int generation;

    /** A screen over fixed indicators (no sectors to choose, references kept in memory). */
    public SupervisorViewModel(Supplier<TeamIndicators> source, Executor background, Executor ui, Locale locale) {
        this(new SupervisorTeam() {
            private volatile IndicatorSettings saved = IndicatorSettings.defaults();

            @Override
            public List<Sector> sectors() {
                return List.of();
            }

            @Override
            public IndicatorSettings settings() {
                return saved;
            }

            @Override
            public void save(IndicatorSettings s) {
                saved = s;
            }

            @Override
            public TeamIndicators compute(Collection<String> sectorIds, IndicatorSettings s) {
                return source.get();
            }
        }, background, ui, locale);
    }

    public SupervisorViewModel(SupervisorTeam team, Executor background, Executor ui, Locale locale) {
        this.team = team;
        this.background = background;
        this.ui = ui;
        this.locale = locale;
        this.fmt = Formats.of(locale);
        for (Ref r : Ref.values()) fields.put(r, new RefField(r, msg("report.references.field." + r.name())));
        fill(settings.get());
        sector.addListener((o, was, now) -> {
            if (!loading && now != null && !now.equals(was)) refresh();
        });
    }

    /** Reads the supervisor's sectors and the saved references in the background, then computes. */
    public void load() {
        busy.set(true);
        error.set(null);
        background.execute(() -> {
            try {
                List<SupervisorTeam.Sector> sectors = team.sectors();
                IndicatorSettings s = team.settings();
                ui.execute(() -> {
                    loading = true;
                    mySectors = sectors.stream().map(SupervisorTeam.Sector::id).toList();
                    List<SectorChoice> choices = new ArrayList<>();
                    choices.add(new SectorChoice(null, msg("report.supervisor.allSectors")));
                    for (SupervisorTeam.Sector x : sectors) choices.add(new SectorChoice(x.id(), x.name()));
                    sectorChoices.setAll(choices);
                    severalSectors.set(sectors.size() > 1);
                    sector.set(choices.get(0));
                    settings.set(s);
                    fill(s);
                    loading = false;
                    refresh();
                });
            } catch (RuntimeException e) {
                LOG.warn("The team could not be read", e);
                ui.execute(() -> {
                    error.set(msg("report.supervisor.error"));
                    busy.set(false);
                });
            }
        });
    }

    /** The sectors the indicators cover now: the chosen one, or all the supervisor's (null: every worker). */
    List<String> chosenSectors() {
        SectorChoice c = sector.get();
        if (c != null && c.id() != null) return List.of(c.id());
        return mySectors.isEmpty() ? null : mySectors;
    }

    /** Recomputes the indicators in the background and shows them. */
    public void refresh() {
        busy.set(true);
        error.set(null);
        List<String> sectors = chosenSectors();
        IndicatorSettings s = settings.get();
        int gen = ++generation;
        background.execute(() -> {
            try {
                TeamIndicators t = team.compute(sectors, s);
                ui.execute(() -> {
                    if (gen != generation) return; // a newer computation is on its way
                    show(t);
                    busy.set(false);
                });
            } catch (RuntimeException e) {
                LOG.warn("Indicators could not be computed", e);
                ui.execute(() -> {
                    if (gen != generation) return;
                    error.set(msg("report.supervisor.error"));
                    busy.set(false);
                });
            }
        });
    }

    // ---- references ---------------------------------------------------------------------------

    /** Puts these references into the fields, formatted the French way, and clears the messages. */
    private void fill(IndicatorSettings s) {
        for (Ref r : Ref.values()) {
            RefField f = fields.get(r);
            f.text.set(format(r, value(s, r)));
            f.error.set(null);
        }
    }

    /** Puts the references back in the fields as they are saved (forgets what was typed). */
    public void revertReferences() {
        fill(settings.get());
        referencesMessage.set(null);
    }

    /** Puts PRODUCT.md's references in the fields; they apply once saved. */
    public void resetReferences() {
        fill(IndicatorSettings.defaults());
        referencesMessage.set(msg("report.references.resetDone"));
    }

    /**
     * Checks the fields and, when all are good, saves the references in the background and
     * recomputes the indicators with them. Returns false (nothing saved, a message under each bad
     * field) when some value is not acceptable.
     */
    public boolean saveReferences() {
        Optional<IndicatorSettings> checked = validate();
        if (checked.isEmpty()) {
            referencesMessage.set(msg("report.references.invalid"));
            return false;
        }
        IndicatorSettings s = checked.get();
        saving.set(true);
        referencesMessage.set(null);
        background.execute(() -> {
            try {
                team.save(s);
                ui.execute(() -> {
                    settings.set(s);
                    fill(s);
                    saving.set(false);
                    referencesMessage.set(msg("report.references.saved"));
                    refresh();
                });
            } catch (RuntimeException e) {
                LOG.warn("References could not be saved", e);
                ui.execute(() -> {
                    saving.set(false);
                    referencesMessage.set(msg("report.references.saveFailed"));
                });
            }
        });
        return true;
    }

    /** The references the fields describe, or empty with a message under each bad field. */
    Optional<IndicatorSettings> validate() {
        Map<Ref, Double> v = new EnumMap<>(Ref.class);
        boolean ok = true;
        for (Ref r : Ref.values()) {
            RefField f = fields.get(r);
            String err = null;
            String t = f.text.get() == null ? "" : f.text.get().strip();
            if (r.kind == Kind.PERCENT && t.endsWith("%")) t = t.substring(0, t.length() - 1);
            OptionalDouble d = fmt.parseDecimal(t);
            if (t.isBlank()) err = msg("report.references.error.empty");
            else if (d.isEmpty()) err = msg(r.kind == Kind.INTEGER ? "report.references.error.integer" : "report.references.error.number");
            else if (r.kind == Kind.INTEGER && d.getAsDouble() != Math.rint(d.getAsDouble())) err = msg("report.references.error.integer");
            else if (d.getAsDouble() < r.min || d.getAsDouble() > r.max)
                err = msg("report.references.error.range", plain(r.min), plain(r.max));
            else {
                double x = r.kind == Kind.PERCENT ? d.getAsDouble() / 100 : d.getAsDouble();
                Ref low = r.low();
                if (low != null && v.containsKey(low) && x < v.get(low)) err = msg("report.references.error.order");
                else v.put(r, x);
            }
            f.error.set(err);
            ok &= err == null;
        }
        if (!ok) return Optional.empty();
        return Optional.of(new IndicatorSettings(v.get(Ref.ACCOMPANIMENTS_PER_FTE), v.get(Ref.ACCOMPANIMENT_SHARE),
                new Range(v.get(Ref.RECEPTION_AS_LOW), v.get(Ref.RECEPTION_AS_HIGH)),
                new Range(v.get(Ref.RECEPTION_CESF_LOW), v.get(Ref.RECEPTION_CESF_HIGH)),
                new Range(v.get(Ref.RECEPTION_SMS_LOW), v.get(Ref.RECEPTION_SMS_HIGH)),
                new Range(v.get(Ref.COLLECTIVE_AS_LOW), v.get(Ref.COLLECTIVE_AS_HIGH)),
                new Range(v.get(Ref.COLLECTIVE_CESF_LOW), v.get(Ref.COLLECTIVE_CESF_HIGH)),
                v.get(Ref.PERIOD_DAYS).intValue(), v.get(Ref.VISIT_DUE_DAYS).intValue(), v.get(Ref.EVALUATION_MONTHS).intValue(),
                v.get(Ref.CONTACT_WEEKS).intValue()));
    }

    private static double value(IndicatorSettings s, Ref r) {
        return switch (r) {
            case ACCOMPANIMENTS_PER_FTE -> s.accompanimentsPerFte();
            case ACCOMPANIMENT_SHARE -> s.accompanimentShare();
            case RECEPTION_AS_LOW -> s.receptionAs().low();
            case RECEPTION_AS_HIGH -> s.receptionAs().high();
            case RECEPTION_CESF_LOW -> s.receptionCesf().low();
            case RECEPTION_CESF_HIGH -> s.receptionCesf().high();
            case RECEPTION_SMS_LOW -> s.receptionSms().low();
            case RECEPTION_SMS_HIGH -> s.receptionSms().high();
            case COLLECTIVE_AS_LOW -> s.collectiveAs().low();
            case COLLECTIVE_AS_HIGH -> s.collectiveAs().high();
            case COLLECTIVE_CESF_LOW -> s.collectiveCesf().low();
            case COLLECTIVE_CESF_HIGH -> s.collectiveCesf().high();
            case PERIOD_DAYS -> s.periodDays();
            case VISIT_DUE_DAYS -> s.visitDueDays();
            case EVALUATION_MONTHS -> s.evaluationMonths();
            case CONTACT_WEEKS -> s.contactWeeks();
        };
    }

    private String format(Ref r, double v) {
        return plain(r.kind == Kind.PERCENT ? v * 100 : v);
    }

    /** A number with only the decimals it needs (at most 2), French style: 20, 17,5. */
    private String plain(double v) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return fmt.decimal(v, Math.max(0, b.scale()));
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
                share(w, WorkKind.RECEPTION_DIAGNOSIS, w.receptionReference()), share(w, WorkKind.ACCOMPANIMENT, accompanimentRef(w.role())),
                share(w, WorkKind.COLLECTIVE_ACTION, w.collectiveReference()),
                msg("report.supervisor.visits", w.visitsDue(), w.visitsOverdue()),
                msg("report.supervisor.plans", w.plansPastEnd(), w.plansWithoutEvaluation()),
                Integer.toString(w.householdsWithoutContact()), above);
    }

    private Range accompanimentRef(Role role) {
        double a = settings.get().accompanimentShare();
        return role == Role.AS || role == Role.CESF ? new Range(a, a) : null;
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

    /** « Tous mes secteurs » then each sector the supervisor supervises. */
    public ObservableList<SectorChoice> sectorChoices() {
        return sectorChoices;
    }

    /** The chosen sector; changing it recomputes the indicators. */
    public ObjectProperty<SectorChoice> sectorProperty() {
        return sector;
    }

    /** Whether the supervisor supervises more than one sector (the chooser is shown only then). */
    public ReadOnlyBooleanProperty severalSectorsProperty() {
        return severalSectors;
    }

    /** The references in force (as saved). */
    public ReadOnlyObjectProperty<IndicatorSettings> settingsProperty() {
        return settings;
    }

    /** The fields of the references panel, in order. */
    public List<RefField> referenceFields() {
        return List.copyOf(fields.values());
    }

    public RefField field(Ref r) {
        return fields.get(r);
    }

    /** What happened to the references last (saved, refused, reset), or null. */
    public ReadOnlyStringProperty referencesMessageProperty() {
        return referencesMessage;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    /** The kinds of work, in the order of the stacked bars, with their labels. */
    public List<String> workKindLabels() {
        return List.of(msg("report.supervisor.kind.RECEPTION_DIAGNOSIS"), msg("report.supervisor.kind.ACCOMPANIMENT"),
                msg("report.supervisor.kind.COLLECTIVE_ACTION"));
    }
}
