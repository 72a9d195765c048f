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
}
