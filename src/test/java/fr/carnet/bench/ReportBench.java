package fr.carnet.bench;

import fr.carnet.dataset.Importer;
import fr.carnet.domain.Enums.Role;
import fr.carnet.report.BatchReport;
import fr.carnet.report.CaseSummary;
import fr.carnet.report.CaseSummaryLoader;
import fr.carnet.report.CaseSummaryPdf;
import fr.carnet.report.ReportOptions;
import fr.carnet.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Case-summary timings on the sample dataset, printed as a Markdown table: one summary warm
 * (goal ≤ 200 ms) and every sample household in one batch, one file each and one file (goal ≤ 30 s).
 * Run with the test class path: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) fr.carnet.bench.ReportBench}.
 */
public final class ReportBench {
    private ReportBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("carnet-report-bench");
        try (Store store = Store.create(dir.resolve("bench.db"), "bench-passphrase-2026".toCharArray())) {
            Importer.importDir(store, Path.of(System.getProperty("carnet.sampleData", "sample-data")), Importer.Origin.REFERENCE, null);
            ReportOptions options = ReportOptions.of(Role.SUPERVISOR, "Anne Leroy");
            BatchReport batch = new BatchReport(store, options);
            List<String> ids = batch.select(BatchReport.Selection.all());
            CaseSummaryPdf pdf = new CaseSummaryPdf(options);
            LocalDate today = LocalDate.now();
            // the household with the most pages: the longest history with children
            String heavy = "36ed5c29-29a7-4a1b-93cb-9f8819c76483";
            for (int i = 0; i < 30; i++) render(store, pdf, ids.get(i % ids.size()), today); // warm-up
            long[] one = new long[40];
            for (int i = 0; i < one.length; i++) {
                long t0 = System.nanoTime();
                render(store, pdf, heavy, today);
                one[i] = System.nanoTime() - t0;
            }
            Arrays.sort(one);
            long t0 = System.nanoTime();
            BatchReport.Result perFile = batch.run(ids, "bench", BatchReport.Output.FILE_PER_HOUSEHOLD, dir.resolve("each"), null, null);
            long each = System.nanoTime() - t0;
            t0 = System.nanoTime();
            BatchReport.Result single = batch.run(ids, "bench", BatchReport.Output.ONE_FILE, dir.resolve("one"), null, null);
            long oneFile = System.nanoTime() - t0;
            long bytes = Files.size(single.files().get(0));

            System.out.println("| measure | result | goal |");
            System.out.println("|---|---|---|");
            System.out.printf("| one summary warm (load + PDF, Famille Petit, 5 pages, 4 charts), median of %d | %.0f ms (p90 %.0f ms) | ≤ 200 ms |%n",
                    one.length, one[one.length / 2] / 1e6, one[one.length * 9 / 10] / 1e6);
            System.out.printf("| %d sample households, one PDF each | %.1f s | ≤ 30 s |%n", perFile.printed(), each / 1e9);
            System.out.printf("| %d sample households, one PDF (%.1f MB) | %.1f s | ≤ 30 s |%n", single.printed(), bytes / 1e6, oneFile / 1e9);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static byte[] render(Store store, CaseSummaryPdf pdf, String id, LocalDate today) {
        CaseSummary s = store.read(ctx -> new CaseSummaryLoader(ctx, Role.SUPERVISOR).load(id, today, "Anne Leroy"));
        return pdf.render(s);
    }
}
