package fr.carnet.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.cli.CarnetCli;
import fr.carnet.dataset.Importer;
import fr.carnet.domain.Enums.Role;
import fr.carnet.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchReportTest {
    @TempDir
    static Path dir;
    static ReportFixture fx;

    @BeforeAll
    static void setUp() {
        fx = new ReportFixture(dir);
    }

    @AfterAll
    static void tearDown() {
        fx.store.close();
    }

    @Test
    void printsASectorOneFilePerHouseholdWithProgressAndFindableNames(@TempDir Path out) {
        BatchReport batch = new BatchReport(fx.store, ReportFixture.options(Role.AS));
        List<String> ids = batch.select(BatchReport.Selection.sector(ReportFixture.NORD, "Nord"));
        List<int[]> progress = new ArrayList<>();
        BatchReport.Result r = batch.run(ids.subList(0, 12), "Secteur-Nord", BatchReport.Output.FILE_PER_HOUSEHOLD, out,
                (d, t) -> progress.add(new int[] {d, t}), () -> false);
        assertThat(r.cancelled()).isFalse();
        assertThat(r.files()).hasSize(12).allSatisfy(f -> {
            assertThat(f).exists();
            assertThat(f.getFileName().toString()).matches("2026-11-26_[A-Za-z0-9-]+_[0-9a-f]{8}\\.pdf");
        });
        assertThat(progress.getLast()).containsExactly(12, 12);
        assertThat(batch.sectorId("nord")).contains(ReportFixture.NORD);
    }

    @Test
    void cancellingStopsBetweenHouseholdsAndLeavesNoPartialSingleFile(@TempDir Path out) {
        BatchReport batch = new BatchReport(fx.store, ReportFixture.options(Role.AS));
        List<String> ids = batch.select(BatchReport.Selection.all()).subList(0, 10);
        AtomicInteger done = new AtomicInteger();
        BatchReport.Result each = batch.run(ids, "x", BatchReport.Output.FILE_PER_HOUSEHOLD, out.resolve("each"), (d, t) -> done.set(d),
                () -> done.get() >= 3);
        assertThat(each.cancelled()).isTrue();
        assertThat(each.files()).hasSize(3);
        done.set(0);
        BatchReport.Result one = batch.run(ids, "x", BatchReport.Output.ONE_FILE, out.resolve("one"), (d, t) -> done.set(d),
                () -> done.get() >= 3);
        assertThat(one.cancelled()).isTrue();
        assertThat(one.files()).isEmpty();
        assertThat(out.resolve("one")).isEmptyDirectory();
    }

    @Test
    void aWorkersHouseholdsGoIntoOneDocumentWithPagesNumberedPerHousehold(@TempDir Path out) throws Exception {
        BatchReport batch = new BatchReport(fx.store, ReportFixture.options(Role.SUPERVISOR));
        BatchReport.Selection sel = BatchReport.Selection.worker(ReportFixture.MARTIN, "Claire Martin");
        List<String> ids = batch.select(sel);
        assertThat(ids).contains(fx.longHistory);
        BatchReport.Result r = batch.run(sel, BatchReport.Output.ONE_FILE, out, null, null);
        assertThat(r.files()).hasSize(1);
        assertThat(r.files().get(0).getFileName().toString()).isEqualTo("2026-11-26_Referent-Claire-Martin.pdf");
        try (PDDocument d = Loader.loadPDF(r.files().get(0).toFile())) {
            assertThat(d.getNumberOfPages()).isGreaterThan(ids.size());
            String t = new PDFTextStripper().getText(d);
            assertThat(t.split("page 1 / ", -1).length - 1).isEqualTo(ids.size());
            assertThat(d.getDocumentInformation().getTitle()).contains("Referent Claire Martin");
        }
    }

    @Test
    void fileNamesAreAsciiAndFindable() {
        assertThat(ReportFileNames.household(LocalDate.of(2026, 11, 26), "Famille Lefèvre-Œuvray", "32e51d6c-8794-46ea-9c38-92b8d7777ad5"))
                .isEqualTo("2026-11-26_Famille-Lefevre-Oeuvray_32e51d6c.pdf");
        assertThat(ReportFileNames.household(LocalDate.of(2026, 11, 26), "  / ?", "abc")).isEqualTo("2026-11-26_Menage_abc.pdf");
    }

    @Test
    void theCommandLinePrintsASectorForTheSecretaryWithoutConfidentialContent(@TempDir Path tmp) throws Exception {
        Path storeFile = tmp.resolve("cli.db");
        try (Store s = Store.create(storeFile, "cli-report-passphrase".toCharArray())) {
            Importer.importDir(s, Path.of("sample-data"), Importer.Origin.REFERENCE, null);
        }
        Path pass = tmp.resolve("pass.txt");
        Files.writeString(pass, "cli-report-passphrase\n");
        Path out = tmp.resolve("out");
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = new CarnetCli().run(List.of("report", "--store", storeFile.toString(), "--passphrase-file", pass.toString(),
                "--out", out.toString(), "--household", ReportFixture.PETIT, "--role", "SMS", "--locale", "fr-CH"),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        assertThat(code).as(e.toString(StandardCharsets.UTF_8)).isZero();
        String name = o.toString(StandardCharsets.UTF_8).strip();
        assertThat(name).matches("\\d{4}-\\d{2}-\\d{2}_Famille-Petit_36ed5c29\\.pdf");
        try (PDDocument d = Loader.loadPDF(out.resolve(name).toFile())) {
            String t = new PDFTextStripper().getText(d);
            assertThat(t).contains("Famille Petit", "médico-sociale", "27.12.59").doesNotContain("Diagnostic social", "Demandes d’aide");
            assertThat(d.getDocumentCatalog().getLanguage()).isEqualTo("fr-CH");
        }
        int usage = new CarnetCli().run(List.of("report", "--store", storeFile.toString(), "--passphrase-file", pass.toString(),
                "--out", out.toString()), new PrintStream(o), new PrintStream(e));
        assertThat(usage).isEqualTo(2);
    }
}
