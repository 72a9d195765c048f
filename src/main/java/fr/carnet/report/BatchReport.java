package fr.carnet.report;

import static fr.carnet.store.generated.Tables.SECTOR;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoredRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the summaries of many households — those of a worker, of a sector, all, or any filter —
 * into one PDF or one PDF per household, reporting progress and stopping when cancelled. Plain
 * Java: the UI runs {@link #run} in a background task and binds its progress.
 *
 * <pre>{@code
 * BatchReport.Result r = new BatchReport(store, options).run(BatchReport.Selection.sector(sectorId),
 *         BatchReport.Output.FILE_PER_HOUSEHOLD, outDir, (done, total) -> updateProgress(done, total), this::isCancelled);
 * }</pre>
 */
public final class BatchReport {
    private static final Logger LOG = LoggerFactory.getLogger(BatchReport.class);

    /** One PDF holding every summary (each with its own page numbers), or one PDF per household. */
    public enum Output { ONE_FILE, FILE_PER_HOUSEHOLD }

    /** Told after each household; called on the batch's thread. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /**
     * Which households to print.
     *
     * @param name   what the selection is called in a batch file name (« Secteur-Nord »)
     * @param filter which live households
     */
    public record Selection(String name, Predicate<StoredRecord> filter) {
        public Selection {
            Objects.requireNonNull(filter, "filter");
        }

        /** Every live household of the store. */
        public static Selection all() {
            return new Selection("Tous-les-dossiers", h -> true);
        }

        /** The households of one sector (by id). */
        public static Selection sector(String sectorId, String sectorName) {
            return new Selection("Secteur-" + (sectorName == null ? sectorId : sectorName), h -> sectorId.equals(h.text("sectorId")));
        }

        /** The households where a worker is a referent. */
        public static Selection worker(String workerId, String workerName) {
            return new Selection("Referent-" + (workerName == null ? workerId : workerName), h -> {
                JsonNode refs = h.get("referentIds");
                if (refs == null || !refs.isArray()) return false;
                for (JsonNode r : refs) if (workerId.equals(r.asText())) return true;
                return false;
            });
        }

        /** These households. */
        public static Selection households(List<String> ids) {
            java.util.Set<String> set = java.util.Set.copyOf(ids);
            return new Selection(ids.size() == 1 ? "Dossier" : "Selection", h -> set.contains(h.id()));
        }
    }

    /**
     * What a batch produced.
     *
     * @param files     the PDFs written, in order
     * @param printed   how many summaries were printed
     * @param total     how many households the selection held
     * @param cancelled whether it was stopped before the end (no partial single file is left)
     */
    public record Result(List<Path> files, int printed, int total, boolean cancelled) {}

    private final Store store;
    private final ReportOptions options;

    public BatchReport(Store store, ReportOptions options) {
        this.store = store;
        this.options = options;
    }

    /** The ids of the selected live households, by label. */
    public List<String> select(Selection selection) {
        return store.read(ctx -> select(ctx, selection));
    }

    static List<String> select(DSLContext ctx, Selection selection) {
        List<StoredRecord> hs = new ArrayList<>(RecordRepository.findAll(ctx, RecordType.HOUSEHOLD,
                RecordRepository.column(RecordType.HOUSEHOLD, "deleted").eq(0)));
        hs.removeIf(selection.filter().negate());
        hs.sort(Comparator.comparing((StoredRecord h) -> Optional.ofNullable(h.text("label")).orElse("")).thenComparing(StoredRecord::id));
        return hs.stream().map(StoredRecord::id).toList();
    }

    /** The id of the sector with this name or id, if the store knows it. */
    public Optional<String> sectorId(String nameOrId) {
        return store.read(ctx -> Optional.ofNullable(ctx.select(SECTOR.ID).from(SECTOR)
                .where(SECTOR.ID.eq(nameOrId).or(SECTOR.NAME.equalIgnoreCase(nameOrId))).limit(1).fetchOne(SECTOR.ID)));
    }

    /**
     * Prints the selection into {@code outDir}. Cancellation is checked between households (and
     * the thread's interrupt flag too); a cancelled single-file batch writes nothing, a cancelled
     * per-household batch keeps the files already finished.
     */
    public Result run(Selection selection, Output output, Path outDir, Progress progress, BooleanSupplier cancelled) {
        List<String> ids = select(selection);
        return run(ids, selection.name(), output, outDir, progress, cancelled);
    }

    /** Prints these households (see {@link #run(Selection, Output, Path, Progress, BooleanSupplier)}). */
    public Result run(List<String> ids, String selectionName, Output output, Path outDir, Progress progress, BooleanSupplier cancelled) {
        Progress p = progress == null ? (d, t) -> {} : progress;
        BooleanSupplier stop = () -> Thread.currentThread().isInterrupted() || (cancelled != null && cancelled.getAsBoolean());
        LocalDate today = LocalDate.now(options.clock());
        CaseSummaryPdf pdf = new CaseSummaryPdf(options);
        List<Path> files = new ArrayList<>();
        int total = ids.size();
        int done = 0;
        p.update(0, total);
        try {
            Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the output folder", e);
        }
        if (output == Output.ONE_FILE) {
            try (CaseSummaryPdf.Document doc = pdf.open()) {
                for (String id : ids) {
                    if (stop.getAsBoolean()) return cancelled(files, done, total);
                    doc.add(load(id, today));
                    p.update(++done, total);
                }
                if (stop.getAsBoolean()) return cancelled(files, done, total);
                Path file = outDir.resolve(ReportFileNames.batch(today, selectionName));
                doc.save(file, pdf.msg("report.batch.title", selectionName.replace('-', ' '), total));
                files.add(file);
            }
        } else {
            for (String id : ids) {
                if (stop.getAsBoolean()) return cancelled(files, done, total);
                CaseSummary s = load(id, today);
                Path file = outDir.resolve(ReportFileNames.household(today, s.label(), s.householdId()));
                pdf.write(s, file);
                files.add(file);
                p.update(++done, total);
            }
        }
        LOG.info("Printed {} case summaries into {} file(s)", done, files.size());
        return new Result(List.copyOf(files), done, total, false);
    }

    private Result cancelled(List<Path> files, int done, int total) {
        LOG.info("Batch print cancelled after {} of {} summaries", done, total);
        return new Result(List.copyOf(files), done, total, true);
    }

    private CaseSummary load(String id, LocalDate today) {
        return store.read(ctx -> new CaseSummaryLoader(ctx, options.role()).load(id, today, options.printedBy()));
    }
}
