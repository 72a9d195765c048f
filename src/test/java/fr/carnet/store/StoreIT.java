package fr.carnet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.ValidationException;
import fr.carnet.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreIT {
    static final char[] PASS = "correct horse battery".toCharArray();
    static final String SECTOR = UUID.randomUUID().toString();

    @TempDir Path dir;

    static ObjectNode household(String label) {
        ObjectNode h = Json.object();
        h.put("sectorId", SECTOR);
        h.put("label", label);
        h.putObject("address").put("line1", "12 rue des Tilleuls").put("postcode", "59000").put("city", "Lille");
        h.put("notes", "Situation confidentielle");
        return h;
    }

    static ObjectNode person(String hh, String last, String first) {
        ObjectNode p = Json.object();
        p.put("householdId", hh);
        p.put("lastName", last);
        p.put("firstName", first);
        p.put("birthDate", "1987-03-14");
        return p;
    }

    @Test
    void migratesFromEmptyAndReopensWithTheSamePassphrase() {
        Path f = dir.resolve("carnet.db");
        String id;
        try (Store s = Store.create(f, PASS)) {
            Editor ed = new Editor(s, UUID.randomUUID().toString(), Role.AS);
            id = ed.create(RecordType.HOUSEHOLD, household("Famille Lefèvre"));
        }
        try (Store s = Store.open(f, PASS)) {
            StoredRecord r = s.read(ctx -> RecordRepository.find(ctx, RecordType.HOUSEHOLD, id)).orElseThrow();
            assertThat(r.text("label")).isEqualTo("Famille Lefèvre");
            assertThat(r.get("address").get("city").asText()).isEqualTo("Lille");
        }
    }

    @Test
    void wrongPassphraseFailsCleanlyAndLeavesTheFileUntouched() throws Exception {
        Path f = dir.resolve("carnet.db");
        try (Store s = Store.create(f, PASS)) {
            new Editor(s, null, Role.AS).create(RecordType.HOUSEHOLD, household("Famille Martin"));
        }
        byte[] before = digest(f);
        assertThatThrownBy(() -> Store.open(f, "not the passphrase".toCharArray()))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).key()).isEqualTo("store.error.wrongPassphrase"))
                .hasMessageContaining("Phrase de passe incorrecte");
        assertThat(digest(f)).isEqualTo(before);
        assertThat(Files.exists(f.resolveSibling("carnet.db-wal"))).isFalse();
        try (Store s = Store.open(f, PASS)) {
            int n = s.read(ctx -> ctx.fetchCount(fr.carnet.store.generated.Tables.HOUSEHOLD));
            assertThat(n).isEqualTo(1);
        }
    }

    @Test
    void aForeignFileIsNotOpened() throws Exception {
        Path f = dir.resolve("other.db");
        Files.writeString(f, "just some text, not a database");
        assertThatThrownBy(() -> Store.open(f, PASS)).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).key()).isEqualTo("store.error.notAStore"));
        assertThat(Files.readString(f)).isEqualTo("just some text, not a database");
    }

    @Test
    void storeFileHoldsNoPlaintext() throws Exception {
        Path f = dir.resolve("carnet.db");
        try (Store s = Store.create(f, PASS)) {
            Editor ed = new Editor(s, null, Role.AS);
            String hh = ed.create(RecordType.HOUSEHOLD, household("Famille Zéphirin-Quesnoy"));
            for (int i = 0; i < 200; i++) ed.create(RecordType.PERSON, person(hh, "Zéphirin-Quesnoy", "Hélène" + i));
        }
        for (Path p : Files.newDirectoryStream(dir)) {
            byte[] bytes = Files.readAllBytes(p);
            String latin = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(latin).doesNotContain("Quesnoy").doesNotContain("Tilleuls").doesNotContain("SQLite format 3");
        }
    }

    @Test
    void everyEditWritesItsJournalEntryInTheSameTransaction() {
        try (Store s = Store.create(dir.resolve("c.db"), PASS)) {
            String me = UUID.randomUUID().toString();
            Editor ed = new Editor(s, me, Role.AS);
            String hh = ed.create(RecordType.HOUSEHOLD, household("Famille Durand"));
            String p = ed.create(RecordType.PERSON, person(hh, "Durand", "Élodie"));
            ed.update(RecordType.PERSON, p, Json.object().put("phone", "06 12 34 56 78"));
            ed.update(RecordType.PERSON, p, Json.object().put("phone", "06 12 34 56 78")); // no change, no entry
            ed.delete(RecordType.PERSON, p);
            var journal = s.read(ChangeJournal::all);
            assertThat(journal).extracting(JournalEntry::op).containsExactly("create", "create", "update", "delete");
            JournalEntry upd = journal.get(2);
            assertThat(upd.patch().get("phone").get("old").isNull()).isTrue();
            assertThat(upd.patch().get("phone").get("new").asText()).isEqualTo("06 12 34 56 78");
            StoredRecord person = s.read(ctx -> RecordRepository.find(ctx, RecordType.PERSON, p)).orElseThrow();
            assertThat(person.deleted()).isTrue();
            StoredRecord household = s.read(ctx -> RecordRepository.find(ctx, RecordType.HOUSEHOLD, hh)).orElseThrow();
            assertThat(household.get("referentIds").get(0).asText()).isEqualTo(me);
        }
    }

    @Test
    void invalidEditChangesNothing() {
        try (Store s = Store.create(dir.resolve("c.db"), PASS)) {
            Editor ed = new Editor(s, null, Role.AS);
            String hh = ed.create(RecordType.HOUSEHOLD, household("Famille Roux"));
            ObjectNode bad = person(hh, "Roux", "Léa");
            bad.put("birthDate", "2999-01-01");
            bad.put("sex", "Z");
            assertThatThrownBy(() -> ed.create(RecordType.PERSON, bad)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).violations())
                            .extracting(v -> v.field()).contains("sex"));
            assertThatThrownBy(() -> ed.create(RecordType.PERSON, person(UUID.randomUUID().toString(), "X", "Y")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("householdId");
            assertThat(s.read(ChangeJournal::all)).hasSize(1);
        }
    }

    @Test
    void secretaryCannotWriteConfidentialFields() {
        try (Store s = Store.create(dir.resolve("c.db"), PASS)) {
            Editor sms = new Editor(s, null, Role.SMS);
            assertThatThrownBy(() -> sms.create(RecordType.HOUSEHOLD, household("Famille Petit")))
                    .isInstanceOf(ValidationException.class);
            ObjectNode h = household("Famille Petit");
            h.remove("notes");
            String hh = sms.create(RecordType.HOUSEHOLD, h);
            ObjectNode plan = Json.object().put("householdId", hh).put("startDate", "2026-01-01").put("plannedEndDate", "2026-12-31");
            assertThatThrownBy(() -> sms.create(RecordType.PLAN, plan)).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void changingThePassphraseKeepsTheData() {
        Path f = dir.resolve("c.db");
        String hh;
        try (Store s = Store.create(f, PASS)) {
            hh = new Editor(s, null, Role.AS).create(RecordType.HOUSEHOLD, household("Famille Blanc"));
            s.changePassphrase("une toute nouvelle phrase".toCharArray());
        }
        assertThatThrownBy(() -> Store.open(f, PASS)).isInstanceOf(StoreException.class);
        try (Store s = Store.open(f, "une toute nouvelle phrase".toCharArray())) {
            java.util.Optional<StoredRecord> o = s.read(ctx -> RecordRepository.find(ctx, RecordType.HOUSEHOLD, hh));
            assertThat(o).isPresent();
        }
    }

    @Test
    void everyChangeAndEveryReadLeavesAnAuditEntryWithoutFieldValues() {
        try (Store s = Store.create(dir.resolve("c.db"), PASS)) {
            String me = UUID.randomUUID().toString();
            Editor ed = new Editor(s, me, Role.AS);
            String hh = ed.create(RecordType.HOUSEHOLD, household("Famille Caron"));
            ed.update(RecordType.HOUSEHOLD, hh, Json.object().put("housing", "Locataire parc social"));
            AuditLog.recordRead(s, me, AuditLog.Action.OPEN_FILE, RecordType.HOUSEHOLD, hh, null);
            AuditLog.recordRead(s, me, AuditLog.Action.PRINT, RecordType.HOUSEHOLD, hh, "pdf");
            var entries = s.read(ctx -> AuditLog.forRecord(ctx, RecordType.HOUSEHOLD, hh));
            assertThat(entries).extracting(AuditLog.Entry::action).containsExactly(
                    AuditLog.Action.CREATE, AuditLog.Action.UPDATE, AuditLog.Action.OPEN_FILE, AuditLog.Action.PRINT);
            assertThat(entries).allSatisfy(e -> assertThat(e.workerId()).isEqualTo(me));
            assertThat(entries.get(1).detail()).isEqualTo("housing");
            assertThat(entries.toString()).doesNotContain("Caron").doesNotContain("Locataire");
        }
    }

    private static byte[] digest(Path f) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
