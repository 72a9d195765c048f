package fr.carnet.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.i18n.Messages;
import fr.carnet.ui.DeskFixture;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox in words, from a real store's change journal. */
class OutboxViewModelTest {
    @TempDir Path dir;
    DeskFixture f;

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.FRANCE);
        f = new DeskFixture(dir, Role.AS);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void listsPendingChangesInWordsAndRefusedOnesWithTheirReason() {
        String h = f.household("Famille D.", "Lille");
        ObjectNode v = Json.object();
        v.put("householdId", h);
        v.put("plannedAt", "2026-03-12T14:00:00+01:00");
        v.put("purpose", "Point budget");
        String visit = f.ctx.editor().create(RecordType.VISIT, v);
        ObjectNode ch = Json.object();
        ch.put("purpose", "Point budget et logement");
        f.ctx.editor().update(RecordType.VISIT, visit, ch);
        // The server refused the household's creation.
        f.store.write(c -> c.execute("UPDATE change_journal SET status = 'REJECTED', result = ? WHERE seq = 1",
                "{\"seq\":1,\"status\":\"rejected\",\"reason\":\"forbidden\"}"));
        OutboxViewModel vm = new OutboxViewModel(f.ctx);
        vm.load();
        assertThat(vm.pending()).extracting(OutboxViewModel.Row::record, OutboxViewModel.Row::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Visite · Famille D., 12/03/2026", "création"),
                        org.assertj.core.groups.Tuple.tuple("Visite · Famille D., 12/03/2026", "modification"));
        assertThat(vm.pending()).allSatisfy(r -> assertThat(r.status()).isEqualTo("en attente d’envoi"));
        assertThat(vm.rejected()).singleElement().satisfies(r -> {
            assertThat(r.record()).isEqualTo("Dossier · Famille D.");
            assertThat(r.status()).isEqualTo("refusée : hors de votre périmètre ou de votre rôle");
        });
    }
}
