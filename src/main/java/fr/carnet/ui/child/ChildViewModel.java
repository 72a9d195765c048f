package fr.carnet.ui.child;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.ScreeningArea;
import fr.carnet.domain.Enums.ScreeningResult;
import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.RecordValidator;
import fr.carnet.domain.Violation;
import fr.carnet.domain.growth.ChildAge;
import fr.carnet.domain.growth.GrowthAlert;
import fr.carnet.domain.growth.GrowthAlerts;
import fr.carnet.domain.growth.GrowthChart;
import fr.carnet.domain.growth.GrowthPlausibility;
import fr.carnet.domain.growth.GrowthPoint;
import fr.carnet.domain.growth.Indicator;
import fr.carnet.domain.growth.ScreeningGuide;
import fr.carnet.domain.growth.ZScoreSet;
import fr.carnet.domain.growth.ZScores;
import fr.carnet.i18n.Messages;
import fr.carnet.report.GrowthChartPng;
import fr.carnet.store.AuditLog;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.FormErrors;
import fr.carnet.ui.common.Formats;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One child's follow-up: age, a quick measurement form (length lying down before 2 years, height
 * standing after, switched by the age on the measurement's date), the measurements with their
 * z-scores, the growth chart of the chosen indicator, the alerts, and the screenings with what to
 * watch at the child's age. Values WHO flags as implausible are refused before saving.
 */
public final class ChildViewModel {
    /** Form field of the length or height; the errors of lengthCm/heightCm are shown under it. */
    public static final String STATURE = "stature";
    /** Width and height of the exported chart image, in pixels. */
    public static final int PNG_WIDTH = 1400, PNG_HEIGHT = 1000;
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u202F]+");

    /** One measurement as the table shows it (already formatted). */
    public record MeasurementRow(String id, LocalDate date, String when, String age, String weight, String stature, String head,
                                 String zWeight, String zStature, String zHead, String zWeightForStature, String zBmi, String notes) {}

    /** One alert: the message and whether it calls for action (otherwise: to watch). */
    public record AlertRow(String message, boolean urgent) {}

    /** One screening as the table shows it. */
    public record ScreeningRow(String id, String when, String area, String result, ScreeningResult resultValue, String notes) {}

    /** One thing to watch at the child's age. */
    public record GuideRow(String area, String text) {}

    private final DeskContext ctx;
    private final String personId;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty ageText = new SimpleStringProperty("");
    private final StringProperty sexText = new SimpleStringProperty("");
    private final StringProperty guideTitle = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty chartMessage = new SimpleStringProperty("");
    private final ObjectProperty<Indicator> indicator = new SimpleObjectProperty<>(Indicator.WEIGHT_FOR_AGE);
    private final ObjectProperty<GrowthChart> chart = new SimpleObjectProperty<>();
    private final ObservableList<MeasurementRow> measurements = FXCollections.observableArrayList();
    private final ObservableList<AlertRow> alerts = FXCollections.observableArrayList();
    private final ObservableList<ScreeningRow> screenings = FXCollections.observableArrayList();
    private final ObservableList<GuideRow> guide = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    // the measurement form
    private final StringProperty date = new SimpleStringProperty("");
    private final StringProperty weight = new SimpleStringProperty("");
    private final StringProperty stature = new SimpleStringProperty("");
    private final StringProperty head = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final BooleanProperty lengthExpected = new SimpleBooleanProperty(true);
    private final StringProperty statureLabel = new SimpleStringProperty(Messages.get("growth.child.form.length"));
    private final FormErrors errors = new FormErrors();

    // the screening form
    private final StringProperty screeningDate = new SimpleStringProperty("");
    private final ObjectProperty<ScreeningArea> screeningArea = new SimpleObjectProperty<>();
    private final ObjectProperty<ScreeningResult> screeningResult = new SimpleObjectProperty<>();
    private final StringProperty screeningNotes = new SimpleStringProperty("");
    private final FormErrors screeningErrors = new FormErrors();

    private LocalDate birthDate;
    private Sex sex;
    private List<GrowthPoint> points = List.of();

    public ChildViewModel(DeskContext ctx, String personId) {
        this.ctx = ctx;
        this.personId = personId;
        Formats f = Formats.current();
        date.set(f.date(ctx.today()));
        screeningDate.set(f.date(ctx.today()));
        date.addListener((o, a, b) -> updateStatureField());
        indicator.addListener((o, a, b) -> rebuildChart());
    }

    private record Loaded(StoredRecord person, List<StoredRecord> measurements, List<StoredRecord> screenings) {}

    /** Reads the child, the measurements and the screenings in the background. */
    public void load() {
        if (!ctx.confidential()) return; // a secretary never sees child health data
        ctx.async().run(() -> ctx.store().read(c -> {
                    StoredRecord p = RecordRepository.find(c, RecordType.PERSON, personId).filter(r -> !r.deleted()).orElse(null);
                    if (p == null) return null;
                    return new Loaded(p, RecordRepository.children(c, RecordType.MEASUREMENT, List.of(personId)),
                            RecordRepository.children(c, RecordType.SCREENING, List.of(personId)));
                }),
                l -> {
                    if (l == null) message.set(Messages.get("growth.child.missing"));
                    else show(l);
                },
                e -> message.set(Messages.get("desk.error.unexpected")));
    }

    private void show(Loaded l) {
        Formats f = Formats.current();
        StoredRecord p = l.person();
        name.set((nz(p.text("firstName")) + " " + nz(p.text("lastName"))).strip());
        birthDate = p.text("birthDate") == null ? null : LocalDate.parse(p.text("birthDate"));
        sex = parseSex(p.text("sex"));
        sexText.set(sex == null ? "" : Messages.get("growth.child.sex." + sex.name()));
        LocalDate today = ctx.today();
        if (birthDate != null && !today.isBefore(birthDate)) {
            ChildAge a = ChildAge.of(birthDate, today);
            ageText.set(Messages.get("growth.child.age", a.days(), a.completedMonths(), a.completedYears(), f.date(birthDate)));
            Optional<ScreeningGuide.Stage> stage = ScreeningGuide.stageFor(a);
            guideTitle.set(stage.map(s -> Messages.get("growth.child.guide.title", s.label())).orElse(Messages.get("growth.child.guide.none")));
            guide.setAll(ScreeningGuide.itemsFor(a).stream().map(i -> new GuideRow(Messages.get(i.areaKey()), i.text())).toList());
        } else {
            ageText.set(Messages.get("growth.child.noBirthDate"));
            guideTitle.set(Messages.get("growth.child.guide.none"));
            guide.clear();
        }
        List<StoredRecord> ms = new ArrayList<>(l.measurements());
        ms.sort(Comparator.comparing((StoredRecord m) -> nz(m.text("date"))).reversed());
        List<GrowthPoint> pts = new ArrayList<>();
        List<MeasurementRow> rows = new ArrayList<>();
        for (StoredRecord m : ms) {
            if (m.text("date") == null) continue;
            GrowthPoint gp = new GrowthPoint(LocalDate.parse(m.text("date")), dbl(m, "weightKg"), dbl(m, "lengthCm"), dbl(m, "heightCm"), dbl(m, "headCm"));
            pts.add(gp);
            rows.add(row(m.id(), gp, m.text("notes")));
        }
        points = List.copyOf(pts);
        measurements.setAll(rows);
        List<ScreeningRow> sr = new ArrayList<>();
        List<StoredRecord> ss = new ArrayList<>(l.screenings());
        ss.sort(Comparator.comparing((StoredRecord s) -> nz(s.text("date"))).reversed());
        for (StoredRecord s : ss) {
            ScreeningResult r = s.text("result") == null ? null : ScreeningResult.valueOf(s.text("result"));
            sr.add(new ScreeningRow(s.id(), f.isoDate(s.text("date")), s.text("area") == null ? "" : Messages.get("growth.screening.area." + s.text("area")),
                    r == null ? "" : Messages.get("growth.child.result." + r.name()), r, nz(s.text("notes"))));
        }
        screenings.setAll(sr);
        rebuildAlerts();
        rebuildChart();
        updateStatureField();
        loaded.set(true);
    }

    private MeasurementRow row(String id, GrowthPoint p, String note) {
        Formats f = Formats.current();
        String age = "", zw = "", zs = "", zh = "", zwl = "", zb = "";
        if (birthDate != null && !p.date().isBefore(birthDate)) {
            ChildAge a = ChildAge.of(birthDate, p.date());
            age = a.completedMonths() < 1 ? Messages.get("growth.child.ageDays", a.days()) : Messages.get("growth.child.ageMonths", a.completedMonths());
            if (sex == Sex.F || sex == Sex.M) {
                ZScoreSet z = ZScores.of(sex, birthDate, p);
                zw = z(z.z(Indicator.WEIGHT_FOR_AGE));
                zs = z(z.z(Indicator.LENGTH_HEIGHT_FOR_AGE));
                zh = z(z.z(Indicator.HEAD_FOR_AGE));
                zwl = z(z.z(Indicator.WEIGHT_FOR_LENGTH_HEIGHT));
                zb = z(z.z(Indicator.BMI_FOR_AGE));
            }
        }
        String st = p.lengthCm() != null ? Messages.get("growth.child.lengthValue", f.decimal(p.lengthCm(), 1))
                : p.heightCm() != null ? Messages.get("growth.child.heightValue", f.decimal(p.heightCm(), 1)) : "";
        return new MeasurementRow(id, p.date(), f.date(p.date()), age, p.weightKg() == null ? "" : weight(p.weightKg()),
                st, p.headCm() == null ? "" : f.decimal(p.headCm(), 1), zw, zs, zh, zwl, zb, nz(note));
    }

    /** A z-score as shown: one decimal with the locale's comma and a true minus sign. */
    public static String z(Double v) {
        if (v == null) return "";
        String s = Formats.current().decimal(Math.abs(v), 1);
        return (Math.round(v * 10) == 0 ? "" : v < 0 ? "\u2212" : "+") + s;
    }

    private void rebuildAlerts() {
        if (birthDate == null || (sex != Sex.F && sex != Sex.M) || points.isEmpty()) {
            alerts.clear();
            return;
        }
        List<GrowthAlert> a = GrowthAlerts.evaluate(sex, birthDate, points);
        List<AlertRow> out = new ArrayList<>();
        // newest first: what happened lately matters most
        for (int i = a.size() - 1; i >= 0; i--) out.add(new AlertRow(a.get(i).message(), a.get(i).severity() == GrowthAlert.Severity.ALERT));
        alerts.setAll(out);
    }

    private void rebuildChart() {
        if (birthDate == null || (sex != Sex.F && sex != Sex.M)) {
            chart.set(null);
            chartMessage.set(Messages.get(birthDate == null ? "growth.child.noBirthDate" : "growth.child.noChartForSex"));
            return;
        }
        chartMessage.set(points.isEmpty() ? Messages.get("growth.child.noMeasurement") : "");
        chart.set(GrowthChart.of(indicator.get(), sex, birthDate, points));
    }

    private void updateStatureField() {
        Optional<LocalDate> d = Formats.current().parseDate(date.get());
        boolean length = birthDate == null || d.isEmpty() || d.get().isBefore(birthDate) || ChildAge.of(birthDate, d.get()).lengthExpected();
        lengthExpected.set(length);
        statureLabel.set(Messages.get(length ? "growth.child.form.length" : "growth.child.form.height"));
    }

    /**
     * Checks and saves the measurement typed in the form: readable date and numbers, the record's
     * rules, then {@link GrowthPlausibility}; anything refused is shown under its field.
     */
    public void save(Runnable onSaved) {
        if (busy.get()) return;
        errors.clear();
        message.set("");
        Formats f = Formats.current();
        Optional<LocalDate> d = f.parseDate(date.get());
        if (d.isEmpty()) errors.put("date", Messages.get("desk.form.badDate", f.datePrompt()));
        Double w = decimal("weightKg", weight.get());
        Double s = decimal(STATURE, stature.get());
        Double h = decimal("headCm", head.get());
        if (!errors.isEmpty()) return;
        boolean length = lengthExpected.get();
        GrowthPoint p = new GrowthPoint(d.get(), w, length ? s : null, length ? null : s, h);
        ObjectNode fields = Json.object();
        fields.put("personId", personId);
        fields.put("date", d.get().toString());
        if (w != null) fields.put("weightKg", w);
        if (s != null) fields.put(length ? "lengthCm" : "heightCm", s);
        if (h != null) fields.put("headCm", h);
        if (!notes.get().isBlank()) fields.put("notes", notes.get().strip());
        List<Violation> v = new ArrayList<>(RecordValidator.validate(RecordType.MEASUREMENT, fields, ctx.today()));
        if (v.isEmpty()) v.addAll(GrowthPlausibility.check(sex == Sex.X ? null : sex, birthDate, p));
        if (!v.isEmpty()) {
            errors.show(onForm(v));
            return;
        }
        busy.set(true);
        ctx.async().run(() -> ctx.editor().create(RecordType.MEASUREMENT, fields), id -> {
            busy.set(false);
            weight.set("");
            stature.set("");
            head.set("");
            notes.set("");
            message.set(Messages.get("growth.child.saved"));
            load();
            if (onSaved != null) onSaved.run();
        }, e -> {
            busy.set(false);
            errors.show(e);
        });
    }

    // The length and the height share one field on the form; whole-record messages go under the weight.
    private static List<Violation> onForm(List<Violation> v) {
        List<Violation> out = new ArrayList<>();
        for (Violation x : v) {
            String field = switch (x.field()) {
                case "lengthCm", "heightCm" -> STATURE;
                case "" -> "weightKg";
                default -> x.field();
            };
            out.add(new Violation(field, x.code(), x.args()));
        }
        return out;
    }

    private Double decimal(String field, String text) {
        Optional<Double> v = parseDecimal(text);
        if (text != null && !text.isBlank() && v.isEmpty()) {
            errors.put(field, Messages.get("growth.child.form.badDecimal"));
            return null;
        }
        return v.orElse(null);
    }

    /** A decimal typed with a comma or a point (3,450 or 3.45); empty when blank or not entirely a number. */
    public static Optional<Double> parseDecimal(String text) {
        if (text == null) return Optional.empty();
        String t = SPACES.matcher(text.strip()).replaceAll("");
        if (!t.matches("\\d{1,4}([.,]\\d{1,3})?")) return Optional.empty();
        return Optional.of(Double.parseDouble(t.replace(',', '.')));
    }

    /** Saves the screening typed in its form. */
    public void saveScreening(Runnable onSaved) {
        if (busy.get()) return;
        screeningErrors.clear();
        message.set("");
        Formats f = Formats.current();
        Optional<LocalDate> d = f.parseDate(screeningDate.get());
        if (d.isEmpty()) screeningErrors.put("date", Messages.get("desk.form.badDate", f.datePrompt()));
        if (screeningArea.get() == null) screeningErrors.put("area", Messages.get("growth.child.screening.chooseArea"));
        if (screeningResult.get() == null) screeningErrors.put("result", Messages.get("growth.child.screening.chooseResult"));
        if (!screeningErrors.isEmpty()) return;
        ObjectNode fields = Json.object();
        fields.put("personId", personId);
        fields.put("date", d.get().toString());
        fields.put("area", screeningArea.get().name());
        fields.put("result", screeningResult.get().name());
        if (!screeningNotes.get().isBlank()) fields.put("notes", screeningNotes.get().strip());
        List<Violation> v = RecordValidator.validate(RecordType.SCREENING, fields, ctx.today());
        if (!v.isEmpty()) {
            screeningErrors.show(v);
            return;
        }
        busy.set(true);
        ctx.async().run(() -> ctx.editor().create(RecordType.SCREENING, fields), id -> {
            busy.set(false);
            screeningArea.set(null);
            screeningResult.set(null);
            screeningNotes.set("");
            message.set(Messages.get("growth.child.screening.saved"));
            load();
            if (onSaved != null) onSaved.run();
        }, e -> {
            busy.set(false);
            screeningErrors.show(e);
        });
    }

    /** The file name offered when exporting the chart: ASCII, no name of the child. */
    public String suggestedImageName() {
        return ctx.today() + "_courbe-" + indicator.get().code() + ".png";
    }

    /** Writes the chart shown as a PNG in the background, and records the export in the audit log. */
    public void exportChart(Path file, Runnable onDone) {
        GrowthChart c = chart.get();
        if (c == null || file == null) return;
        busy.set(true);
        ctx.async().run(() -> {
            GrowthChartPng.write(c, file, PNG_WIDTH, PNG_HEIGHT);
            AuditLog.recordRead(ctx.store(), ctx.identity().workerId(), AuditLog.Action.EXPORT, RecordType.PERSON, personId,
                    "growth-chart-" + c.indicator().code());
            return file;
        }, f -> {
            busy.set(false);
            message.set(Messages.get("growth.child.exported", f.getFileName().toString()));
            if (onDone != null) onDone.run();
        }, e -> {
            busy.set(false);
            message.set(Messages.get("growth.child.exportFailed"));
        });
    }

    // to the gram, as in the health booklet; a fixed scale keeps the column aligned
    private static String weight(double kg) {
        return Formats.current().decimal(kg, 3);
    }

    private static Sex parseSex(String wire) {
        if (wire == null) return null;
        try {
            return Sex.valueOf(wire);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Double dbl(StoredRecord r, String f) {
        var n = r.get(f);
        return n == null || n.isNull() || !n.isNumber() ? null : n.asDouble();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public String personId() { return personId; }
    public LocalDate birthDate() { return birthDate; }
    public Sex sex() { return sex; }
    public List<GrowthPoint> points() { return points; }
    public StringProperty nameProperty() { return name; }
    public StringProperty ageTextProperty() { return ageText; }
    public StringProperty sexTextProperty() { return sexText; }
    public StringProperty guideTitleProperty() { return guideTitle; }
    public StringProperty messageProperty() { return message; }
    public StringProperty chartMessageProperty() { return chartMessage; }
    public ObjectProperty<Indicator> indicatorProperty() { return indicator; }
    public ObjectProperty<GrowthChart> chartProperty() { return chart; }
    public ObservableList<MeasurementRow> measurements() { return measurements; }
    public ObservableList<AlertRow> alerts() { return alerts; }
    public ObservableList<ScreeningRow> screenings() { return screenings; }
    public ObservableList<GuideRow> guide() { return guide; }
    public ReadOnlyBooleanProperty loadedProperty() { return loaded.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public StringProperty dateProperty() { return date; }
    public StringProperty weightProperty() { return weight; }
    public StringProperty statureProperty() { return stature; }
    public StringProperty headProperty() { return head; }
    public StringProperty notesProperty() { return notes; }
    public BooleanProperty lengthExpectedProperty() { return lengthExpected; }
    public StringProperty statureLabelProperty() { return statureLabel; }
    public FormErrors errors() { return errors; }
    public StringProperty screeningDateProperty() { return screeningDate; }
    public ObjectProperty<ScreeningArea> screeningAreaProperty() { return screeningArea; }
    public ObjectProperty<ScreeningResult> screeningResultProperty() { return screeningResult; }
    public StringProperty screeningNotesProperty() { return screeningNotes; }
    public FormErrors screeningErrors() { return screeningErrors; }
}
