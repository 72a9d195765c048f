package fr.carnet.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.dataset.Importer;
import fr.carnet.domain.RecordType;
import fr.carnet.store.AuditLog;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoredRecord;
import java.nio.file.Path;
import java.util.List;
import org.jooq.impl.DSL;
import fr.carnet.domain.Enums.Role;
import fr.carnet.report.ReportOptions;
import fr.carnet.report.RgpdPdf;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RgpdExportIT {
    @TempDir Path dir;

    @Test
    void exportsEverythingAboutOneChildAndAuditsTheExport() {
        try (Store s = Store.create(dir.resolve("c.db"), "phrase de passe rgpd".toCharArray())) {
            Importer.importDir(s, Path.of(System.getProperty("carnet.sampleData", "sample-data")), Importer.Origin.REFERENCE, null);
            List<StoredRecord> measured = s.read(ctx -> RecordRepository.findAll(ctx, RecordType.MEASUREMENT, DSL.trueCondition()));
            String child = measured.get(0).text("personId");
            ObjectNode export = RgpdExport.person(s, child, "chef");
            assertThat(export.get("person").get("id").asText()).isEqualTo(child);
            assertThat(export.get("household").get("fields").get("label").asText()).isNotBlank();
            assertThat(export.get("measurements")).isNotEmpty();
            assertThat(export.get("measurements")).allSatisfy(m -> assertThat(m.get("fields").get("personId").asText()).isEqualTo(child));
            List<AuditLog.Entry> audit = s.read(ctx -> AuditLog.forRecord(ctx, RecordType.PERSON, child));
            assertThat(audit).extracting(AuditLog.Entry::action).contains(AuditLog.Action.RGPD_EXPORT);
        }
    }

    @Test
    void thePdfFormHoldsThePersonsDataInFrenchWithDatesByLocale() throws Exception {
        try (Store s = Store.create(dir.resolve("p.db"), "phrase de passe rgpd".toCharArray())) {
            Importer.importDir(s, Path.of(System.getProperty("carnet.sampleData", "sample-data")), Importer.Origin.REFERENCE, null);
            List<StoredRecord> measured = s.read(ctx -> RecordRepository.findAll(ctx, RecordType.MEASUREMENT, DSL.trueCondition()));
            String child = measured.get(0).text("personId");
            RgpdExport.person(s, child, "chef"); // an earlier export, now in the audit trail
            ObjectNode export = RgpdExport.person(s, child, "chef");
            StoredRecord person = s.read(ctx -> RecordRepository.find(ctx, RecordType.PERSON, child)).orElseThrow();
            String label = export.get("household").get("fields").get("label").asText();
            Path file = dir.resolve("rgpd.pdf");
            new RgpdPdf(ReportOptions.of(Role.SUPERVISOR, "Luc Leroy", Locale.forLanguageTag("fr-FR"))).write(export, file);
            String text;
            try (PDDocument d = Loader.loadPDF(file.toFile())) {
                text = new PDFTextStripper().getText(d).replace('\u202F', ' ').replace('\u00A0', ' ');
                assertThat(d.getDocumentInformation().getTitle()).contains(person.text("lastName"));
                assertThat(d.getDocumentCatalog().getMetadata()).as("PDF/A metadata").isNotNull();
            }
            assertThat(text).contains("Données personnelles", person.text("firstName"), person.text("lastName"), label,
                    "La personne", "Le ménage", "Mesures de croissance", "Journal d’audit", "Export RGPD", "Luc Leroy");
            DateTimeFormatter fr = DateTimeFormatter.ofPattern("dd/MM/yyyy");
            assertThat(text).contains(LocalDate.parse(person.text("birthDate")).format(fr));
            for (StoredRecord m : measured) {
                if (!m.text("personId").equals(child)) continue;
                assertThat(text).contains(LocalDate.parse(m.text("date")).format(fr));
            }
            assertThat(text).doesNotContain(child).doesNotContain("personId").doesNotContain("householdId");
            // and a look at the first page
            Path shots = Path.of("target", "screenshots");
            Files.createDirectories(shots);
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", file.toString(), shots.resolve("rgpd-export").toString())
                    .redirectErrorStream(true).start();
            assertThat(p.waitFor()).isZero();
            assertThat(shots.resolve("rgpd-export-1.png")).exists();
        }
    }
}
