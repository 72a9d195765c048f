package fr.carnet.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.i18n.Messages;
import fr.carnet.sync.LocalConflict;
import fr.carnet.sync.SyncResult;
import fr.carnet.ui.DeskFixture;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conflict screen's model, without the toolkit: a real store for the words, a gateway the test drives. */
class ConflictsViewModelTest {
    static final String BRUNO = "00000000-0000-4000-8000-000000000002";
    @TempDir Path dir;
    DeskFixture f;
    FakeGateway gateway = new FakeGateway();
    ConflictsViewModel vm;
    String household;

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.FRANCE);
        f = new DeskFixture(dir, Role.AS);
        f.store.write(c -> {
            c.execute("INSERT INTO worker (id, login, display_name, role, sector_ids) VALUES (?,?,?,?,?)", BRUNO, "as.bernard", "Bruno Bernard", "AS", "[]");
            c.execute("INSERT INTO worker (id, login, display_name, role, sector_ids) VALUES (?,?,?,?,?)", f.worker.workerId(), "as.martin", "Claire Martin", "AS", "[]");
            return null;
        });
        household = f.household("Famille Durand", "Lille");
        gateway.conflicts.add(new LocalConflict("c1", "household", household, List.of("label", "housing"),
                o("label", "Famille Durand", "housing", null),
                new LocalConflict.Side(o("label", "Famille Martin-Durand", "housing", "HLM"), f.worker.workerId(), "r1", "2026-11-26T09:00:00Z"),
                new LocalConflict.Side(o("label", "Famille Durand-Petit", "housing", "Foyer"), BRUNO, "r2", "2026-11-26T09:05:00Z"),
                List.of(), false));
        gateway.merges.add(new SyncResult.MergeNote("household", household, List.of("phone", "notes"), BRUNO, "2026-11-26T09:05:00Z"));
        vm = new ConflictsViewModel(f.ctx, gateway);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    static ObjectNode o(String k1, String v1, String k2, String v2) {
        ObjectNode n = Json.object();
        n.put(k1, v1);
        if (v2 == null) n.putNull(k2);
        else n.put(k2, v2);
        return n;
    }

    @Test
    void showsEachFieldBeforeMineAndTheirsWithAuthorsInWords() {
        assertThat(vm.items()).hasSize(1);
        ConflictsViewModel.Item i = vm.selectedProperty().get();
        assertThat(i.record()).isEqualTo("Dossier · Famille Durand");
        assertThat(i.fields()).extracting(ConflictsViewModel.FieldRow::label).containsExactly("Nom du dossier", "Logement");
        ConflictsViewModel.FieldRow label = i.fields().get(0);
        assertThat(label.before()).isEqualTo("Famille Durand");
        assertThat(label.mine()).isEqualTo("Famille Martin-Durand");
        assertThat(label.theirs()).isEqualTo("Famille Durand-Petit");
        assertThat(i.fields().get(1).before()).isEqualTo("(vide)");
        assertThat(i.mineBy()).startsWith("Claire Martin (moi), 26/11/2026 ");
        assertThat(i.theirsBy()).startsWith("Bruno Bernard, 26/11/2026 ");
    }

    @Test
    void listsTheFieldsMergedAutomatically() {
        assertThat(vm.merges()).singleElement().satisfies(m -> {
            assertThat(m.record()).isEqualTo("Dossier · Famille Durand");
            assertThat(m.fields()).isEqualTo("Téléphone, Notes");
            assertThat(m.by()).startsWith("Bruno Bernard, ");
        });
    }

    @Test
    void keepingMineGoesThroughTheEngineAndEmptiesTheList() {
        List<String> resolved = new java.util.ArrayList<>();
        vm.addResolvedListener(() -> resolved.add("x"));
        vm.keepMine(vm.selectedProperty().get());
        assertThat(gateway.calls).containsExactly("mine:c1");
        assertThat(vm.items()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Votre version est gardée pour Dossier · Famille Durand.");
        assertThat(resolved).hasSize(1);
    }

    @Test
    void keepingTheirsGoesThroughTheEngine() {
        vm.keepTheirs(vm.selectedProperty().get());
        assertThat(gateway.calls).containsExactly("theirs:c1");
        assertThat(vm.messageProperty().get()).startsWith("La version de votre collègue est gardée");
    }

    @Test
    void combiningSendsTheTypedValuesForEachField() {
        ConflictsViewModel.Item i = vm.selectedProperty().get();
        assertThat(i.fields().get(0).initialCombined()).isEqualTo("Famille Martin-Durand");
        assertThat(vm.combine(i, Map.of("label", "Famille Durand (Martin, Petit)", "housing", ""))).isTrue();
        assertThat(gateway.calls).containsExactly("resolve:c1");
        assertThat(gateway.resolved.get("label").asText()).isEqualTo("Famille Durand (Martin, Petit)");
        assertThat(gateway.resolved.get("housing").isNull()).isTrue();
    }

    @Test
    void aNumberFieldRefusesTextWhenCombined() {
        ObjectNode mine = Json.object().put("amountCents", 12000);
        ObjectNode theirs = Json.object().put("amountCents", 15000);
        gateway.conflicts.add(new LocalConflict("c2", "household", household, List.of("amountCents"), Json.object(),
                new LocalConflict.Side(mine, null, null, null), new LocalConflict.Side(theirs, null, null, null), List.of(), false));
        vm.load();
        ConflictsViewModel.Item i = vm.items().get(1);
        assertThat(i.fields().get(0).mine()).isEqualTo("12\u202F000");
        assertThat(vm.combine(i, Map.of("amountCents", "beaucoup"))).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("« Montant » attend un nombre.");
        assertThat(vm.combine(i, Map.of("amountCents", "13 500"))).isTrue();
        assertThat(gateway.resolved.get("amountCents").asLong()).isEqualTo(13500);
    }
}
