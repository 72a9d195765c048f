package fr.carnet.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.security.RgpdExport;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.household.HouseholdViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads leave a trace: opening a file, printing, exporting; supervisors see and export the trail. */
class AuditTrailTest {
    @TempDir Path dir;

    @Test
    void openingAFileIsAuditedOnceEvenWhenItReloads() {
        try (DeskFixture fx = new DeskFixture(dir, Role.AS)) {
            String hh = fx.household("Famille Lefèvre", "Lille");
            HouseholdViewModel vm = new HouseholdViewModel(fx.ctx, hh);
            vm.load();
            vm.load();
            List<AuditLog.Entry> opens = fx.store.read(c -> AuditLog.forRecord(c, RecordType.HOUSEHOLD, hh)).stream()
                    .filter(e -> e.action() == AuditLog.Action.OPEN_FILE).toList();
            assertThat(opens).singleElement().satisfies(e -> {
                assertThat(e.workerId()).isEqualTo(fx.worker.workerId());
                assertThat(e.detail()).isNull();
            });
        }
    }

    @Test
    void supervisorsSeeWhoDidWhatAndExportItAsCsvWhichIsItselfAudited() throws Exception {
        try (DeskFixture fx = new DeskFixture(dir, Role.SUPERVISOR)) {
            String hh = fx.household("Famille Lefèvre", "Lille");
            String p = fx.person(hh, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
            new HouseholdViewModel(fx.ctx, hh).load();
            AuditLog.recordRead(fx.store, fx.worker.workerId(), AuditLog.Action.PRINT, RecordType.HOUSEHOLD, hh, null);
            RgpdExport.person(fx.store, p, fx.worker.workerId());

            assertThat(AuditViewModel.allowed(Role.AS)).isFalse();
            assertThat(AuditViewModel.allowed(Role.ADMIN)).isTrue();
            AuditViewModel vm = new AuditViewModel(fx.ctx);
            vm.load();
            assertThat(vm.rows()).extracting(AuditViewModel.Row::action)
                    .contains(AuditLog.Action.OPEN_FILE, AuditLog.Action.PRINT, AuditLog.Action.RGPD_EXPORT, AuditLog.Action.CREATE);
            assertThat(vm.rows().get(0).action()).isEqualTo(AuditLog.Action.RGPD_EXPORT); // newest first
            assertThat(vm.rows()).allSatisfy(r -> assertThat(r.who()).isEqualTo("Claire Martin"));
            assertThat(vm.rows()).extracting(AuditViewModel.Row::actionLabel).contains("Ouverture de dossier", "Impression");

            Path csv = dir.resolve("audit.csv");
            vm.export(csv);
            byte[] bytes = Files.readAllBytes(csv);
            assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFDate;Qui;Action;Type de fiche;Identifiant;Détail\r\n");
            assertThat(text).contains(";Claire Martin;OPEN_FILE;household;" + hh + ";");
            assertThat(text).doesNotContain("Hélène"); // the trail names records, never their content
            assertThat(fx.store.read(AuditLog::all)).extracting(AuditLog.Entry::action).contains(AuditLog.Action.EXPORT);
        }
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        var r = new AuditViewModel.Row(java.time.OffsetDateTime.parse("2026-11-26T10:00:00+01:00"), "=HYPERLINK(\"x\")",
                AuditLog.Action.PRINT, "Impression", null, null, "a;b");
        String csv = AuditViewModel.csv(List.of(r));
        assertThat(csv).contains(";\"'=HYPERLINK(\"\"x\"\")\";PRINT;;;\"a;b\"\r\n");
    }
}
