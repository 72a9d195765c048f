package fr.carnet.ui.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.DeskFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Printing one household's summary, without the toolkit: the PDF, the audit entry, the message. */
public class PrintViewModelTest {
    @TempDir
    Path dir;
    DeskFixture fx;
    String household;

    @BeforeEach
    void store() {
        fx = new DeskFixture(dir, Role.AS);
        household = fx.household("Famille Lefèvre", "Roubaix");
        fx.person(household, "Lefèvre", "Sophie", "1988-04-02", "APPLICANT");
        fx.contact(household, "2026-11-20", "Point sur le logement");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    public static String text(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void writesTheSummaryWhereAskedAndRecordsThePrint() throws Exception {
        PrintViewModel vm = new PrintViewModel(fx.ctx);
        assertThat(vm.suggestedName(household, "Famille Lefèvre")).startsWith("2026-11-26_Famille-Lefevre_").endsWith(".pdf");
        Path file = dir.resolve("out/synthese.pdf");
        AtomicReference<Path> done = new AtomicReference<>();
        vm.print(household, file, done::set);
        assertThat(done.get()).isEqualTo(file);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Synthèse enregistrée : synthese.pdf");
        String text = text(file);
        assertThat(text).contains("Famille Lefèvre").contains("Sophie");
        assertThat(fx.store.read(AuditLog::all)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditLog.Action.PRINT);
            assertThat(e.recordId()).isEqualTo(household);
            assertThat(e.detail()).doesNotContain("Lefèvre");
        });
    }

    @Test
    void aSecretarysPrintLeavesTheConfidentialNotesOut() throws Exception {
        Path file = dir.resolve("sms.pdf");
        new PrintViewModel(fx.as(Role.SMS)).print(household, file, null);
        assertThat(text(file)).contains("Famille Lefèvre").doesNotContain("Note confidentielle du ménage");
    }

    @Test
    void aFailureSaysSoAndWritesNothing() {
        PrintViewModel vm = new PrintViewModel(fx.ctx);
        Path file = dir.resolve("missing.pdf");
        vm.print("no-such-household", file, null);
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("La synthèse n’a pas pu être enregistrée.");
        assertThat(Files.exists(file)).isFalse();
    }
}
