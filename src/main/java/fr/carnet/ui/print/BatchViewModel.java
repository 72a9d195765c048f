package fr.carnet.ui.print;

import static fr.carnet.store.generated.Tables.SECTOR;

import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.report.BatchReport;
import fr.carnet.report.BatchReport.Output;
import fr.carnet.report.BatchReport.Selection;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.common.DeskContext;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Prints the summaries of many households — all of mine, one sector, or the caseload list as
 * currently filtered — into one PDF or one per household, with progress and a Stop. Work runs on
 * {@code background}, properties change on {@code ui}: tests pass {@code Runnable::run} for both.
 * Each printed household is recorded in the audit log as an export.
 */
public final class BatchViewModel {
    /** Which households. */
    public enum Scope { MINE, SECTOR, FILTER }

    /** A sector to choose from. */
    public record Sector(String id, String name) {}

    private final DeskContext ctx;
    private final Supplier<List<String>> currentFilter;
    private final Executor background;
    private final Executor ui;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.MINE);
    private final ObservableList<Sector> sectors = FXCollections.observableArrayList();
    private final ObjectProperty<Sector> sector = new SimpleObjectProperty<>();
    private final ObjectProperty<Output> output = new SimpleObjectProperty<>(Output.ONE_FILE);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<BatchReport.Result> result = new SimpleObjectProperty<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param currentFilter the ids of the households the caseload shows now (read on the FX thread when starting)
     */
    public BatchViewModel(DeskContext ctx, Supplier<List<String>> currentFilter, Executor background, Executor ui) {
        this.ctx = ctx;
        this.currentFilter = currentFilter;
        this.background = background;
        this.ui = ui;
    }

    /** Reads the sectors (in the background) and preselects the worker's own. */
    public void load() {
        background.execute(() -> {
            List<Sector> s = ctx.store().read(c -> c.select(SECTOR.ID, SECTOR.NAME).from(SECTOR).orderBy(SECTOR.NAME)
                    .fetch(r -> new Sector(r.value1(), r.value2())));
            ui.execute(() -> {
                sectors.setAll(s);
                sector.set(s.stream().filter(x -> x.id().equals(ctx.identity().sectorId())).findFirst().orElse(s.isEmpty() ? null : s.get(0)));
            });
        });
    }

    /** The batch's selection as chosen now. */
    public Selection selection() {
        return switch (scope.get()) {
            case MINE -> Selection.worker(ctx.identity().workerId(), ctx.identity().displayName());
            case SECTOR -> sector.get() == null ? Selection.households(List.of()) : Selection.sector(sector.get().id(), sector.get().name());
            case FILTER -> new Selection("Liste", Selection.households(currentFilter.get()).filter());
        };
    }

    /** Starts printing into the chosen folder. */
    public void start() {
        if (running.get()) return;
        Path dir = folder.get();
        if (dir == null) {
            message.set(Messages.get("desk.batch.noFolder"));
            return;
        }
        Selection sel = selection();
        Output out = output.get();
        cancelled.set(false);
        running.set(true);
        result.set(null);
        progress.set(0);
        progressText.set("");
        message.set("");
        background.execute(() -> {
            try {
                BatchReport batch = new BatchReport(ctx.store(), PrintViewModel.options(ctx));
                List<String> ids = batch.select(sel);
                if (ids.isEmpty()) {
                    ui.execute(() -> {
                        running.set(false);
                        message.set(Messages.get("desk.batch.empty"));
                    });
                    return;
                }
                BatchReport.Result r = batch.run(ids, sel.name(), out, dir, (done, total) -> ui.execute(() -> {
                    progress.set(total == 0 ? 0 : (double) done / total);
                    progressText.set(Messages.get("desk.batch.progress", done, total));
                }), cancelled::get);
                String workerId = ctx.identity().workerId();
                for (String id : ids.subList(0, r.printed()))
                    AuditLog.recordRead(ctx.store(), workerId, AuditLog.Action.EXPORT, RecordType.HOUSEHOLD, id, "case-summary-batch");
                ui.execute(() -> {
                    running.set(false);
                    result.set(r);
                    message.set(r.cancelled() ? Messages.get("desk.batch.cancelled", r.printed(), r.total())
                            : Messages.get("desk.batch.done", r.printed(), r.files().size()));
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    running.set(false);
                    message.set(Messages.get("desk.batch.failed"));
                });
            }
        });
    }

    /** Asks the batch to stop after the household being printed. */
    public void cancel() {
        cancelled.set(true);
    }

    public ObjectProperty<Scope> scopeProperty() { return scope; }
    public ObservableList<Sector> sectors() { return sectors; }
    public ObjectProperty<Sector> sectorProperty() { return sector; }
    public ObjectProperty<Output> outputProperty() { return output; }
    public ObjectProperty<Path> folderProperty() { return folder; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    public StringProperty messageProperty() { return message; }
    public BooleanProperty runningProperty() { return running; }
    public ObjectProperty<BatchReport.Result> resultProperty() { return result; }
}
