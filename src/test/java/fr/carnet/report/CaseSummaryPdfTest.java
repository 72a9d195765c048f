package fr.carnet.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseSummaryPdfTest {
    @TempDir
    static Path dir;
    static ReportFixture fx;
    static final Path OUT = Path.of("target", "report-samples");

    @BeforeAll
    static void setUp() throws Exception {
        fx = new ReportFixture(dir);
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void tearDown() {
        fx.store.close();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    private static int pages(byte[] pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }

    @Test
    void printsEverySectionOfAnAccompaniedFamilyWithAccents() throws Exception {
        CaseSummary s = fx.summary(ReportFixture.PETIT, Role.SUPERVISOR, "Anne Leroy");
        byte[] pdf = new CaseSummaryPdf(ReportFixture.options(Role.SUPERVISOR)).render(s);
        Files.write(OUT.resolve("petit-supervisor.pdf"), pdf);
        String t = text(pdf);
        assertThat(t).contains("Famille Petit", "Composition du ménage", "Situation", "Projet individualisé d’accompagnement (PIA)",
                "Objectifs", "Historique des co-évaluations", "Entretiens et visites à domicile", "Demandes d’aide",
                "Suivi de la croissance des enfants de moins de 6 ans", "Anne Leroy", "secret professionnel", "Diagnostic social");
        assertThat(t).contains("page 1 / " + pages(pdf));
        for (CaseSummary.Person p : s.persons()) assertThat(t).contains(p.firstName());
        assertThat(s.plan()).isNotNull();
        assertThat(t).contains(s.plan().diagnosis().substring(0, 20));
        assertThat(s.children()).isNotEmpty();
    }

    @Test
    void aLongHistoryBreaksAcrossPagesWithNumbersAndTheFrenchAmount() throws Exception {
        CaseSummary s = fx.summary(fx.longHistory, Role.AS, "Claire Martin");
        byte[] pdf = new CaseSummaryPdf(ReportFixture.options(Role.AS)).render(s);
        Files.write(OUT.resolve("lefevre-as.pdf"), pdf);
        String t = text(pdf);
        int n = pages(pdf);
        assertThat(n).isGreaterThanOrEqualTo(4);
        for (int i = 1; i <= n; i++) assertThat(t).contains("page " + i + " / " + n);
        assertThat(t).contains("justificatifs", "Document confidentiel", "Lefèvre-Étienne", "Hélène", "Noé", "1\u202F234,50\u00A0€", "NOTE-CONFIDENTIELLE");
        for (int i = 0; i < 70; i++) assertThat(t).contains("COMPTE-RENDU-" + i + " ");
        // The table header is drawn again on every page the timeline runs onto.
        assertThat(t.split("Objet, compte rendu et suite", -1).length - 1).isGreaterThanOrEqualTo(n - 2);
    }

    @Test
    void theSecretarysPrintLeavesOutWhatSheMayNotRead() throws Exception {
        CaseSummary full = fx.summary(ReportFixture.PETIT, Role.AS, "Claire Martin");
        CaseSummary s = fx.summary(ReportFixture.PETIT, Role.SMS, "Sofia Garcia");
        assertThat(s.plan()).isNull();
        assertThat(s.aids()).isEmpty();
        assertThat(s.children()).isEmpty();
        assertThat(s.situation().notes()).isNull();
        assertThat(s.timeline()).allSatisfy(e -> assertThat(e.summary()).isNull());
        byte[] pdf = new CaseSummaryPdf(ReportFixture.options(Role.SMS)).render(s);
        Files.write(OUT.resolve("petit-sms.pdf"), pdf);
        String t = text(pdf);
        assertThat(t).contains("Famille Petit", "Composition du ménage", "Entretiens et visites à domicile", "secrétaire médico-sociale");
        assertThat(t).doesNotContain("Diagnostic social", "Projet individualisé", "Demandes d’aide", "Suivi de la croissance");
        assertThat(t).doesNotContain(full.plan().diagnosis().substring(0, 20));
        assertThat(t).doesNotContain(full.situation().notes().substring(0, 20));
        for (CaseSummary.TimelineEntry e : full.timeline())
            if (e.summary() != null && e.summary().length() > 20) assertThat(t).doesNotContain(e.summary().substring(0, 20));

        byte[] lefevre = new CaseSummaryPdf(ReportFixture.options(Role.SMS)).render(fx.summary(fx.longHistory, Role.SMS, "Sofia Garcia"));
        assertThat(text(lefevre)).doesNotContain("NOTE-CONFIDENTIELLE", "COMPTE-RENDU", "1\u202F234,50");
    }

    @Test
    void swissPrintsUseFrancsAndTwoDigitYears() throws Exception {
        ReportOptions ch = new ReportOptions(Role.AS, "Claire Martin", fr.carnet.util.Formats.FR_CH, ReportFixture.PARIS, ReportFixture.CLOCK);
        String t = text(new CaseSummaryPdf(ch).render(fx.summary(fx.longHistory, Role.AS, "Claire Martin")));
        assertThat(t).contains("1\u202F234.50\u00A0CHF", "14.03.88");
    }

    @Test
    void theDocumentIsTaggedWithTitleAuthorAndLanguage() throws Exception {
        byte[] pdf = new CaseSummaryPdf(ReportFixture.options(Role.AS)).render(fx.summary(ReportFixture.PETIT, Role.AS, "Claire Martin"));
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getDocumentInformation().getTitle()).isEqualTo("Synthèse du dossier — Famille Petit");
            assertThat(d.getDocumentInformation().getAuthor()).isEqualTo("Anne Leroy");
            assertThat(d.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
            assertThat(d.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(d.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(d.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(new String(d.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("<pdfaid:part>2</pdfaid:part>");
        }
    }
}
