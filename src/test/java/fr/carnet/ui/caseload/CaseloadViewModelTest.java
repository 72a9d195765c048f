package fr.carnet.ui.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.RecordType;
import fr.carnet.store.CaseloadQueries.Row;
import fr.carnet.store.RecordRepository;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.common.Debouncer;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseloadViewModelTest {
    @TempDir Path dir;
    DeskFixture fx;
    String lefevre, noel;

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.AS);
        lefevre = fx.household("Famille Lefèvre", "Lille");
        fx.person(lefevre, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        fx.person(lefevre, "Lefèvre", "Noé", "2023-05-10", "CHILD");
        fx.contact(lefevre, "2026-11-20", "Premier entretien");
        fx.plan(lefevre, "Diagnostic", "2026-06-01", "2026-12-31");
        noel = fx.household("Famille Nœl", "Roubaix");
        fx.person(noel, "Nœl", "Jérôme", "1970-01-01", "APPLICANT");
        // Noël's household came from the server: synced.
        fx.store.write(c -> {
            RecordRepository.setSyncState(c, RecordType.HOUSEHOLD, noel, SyncState.SYNCED);
            c.execute("UPDATE person SET sync_state = 'SYNCED' WHERE household_id = ?", noel);
            c.execute("UPDATE household SET referent_ids = '[]' WHERE id = ?", noel);
            return null;
        });
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void listsHouseholdsWithLastContactAndFlagsMostRecentFirst() {
        CaseloadViewModel vm = new CaseloadViewModel(fx.ctx, Debouncer.immediate());
        vm.refresh();
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Lefèvre", "Famille Nœl");
        Row l = vm.rows().get(0);
        assertThat(l.lastContact()).hasToString("2026-11-20");
        assertThat(l.mine()).isTrue();
        assertThat(l.openPlan()).isTrue();
        assertThat(l.childUnder6()).isTrue();
        assertThat(l.syncState()).isEqualTo(SyncState.PENDING);
        assertThat(l.applicant()).isEqualTo("Lefèvre Hélène");
        assertThat(l.city()).isEqualTo("Lille");
        assertThat(l.postcode()).isEqualTo("59000");
        Row n = vm.rows().get(1);
        assertThat(n.city()).isEqualTo("Roubaix");
        assertThat(n.lastContact()).isNull();
        assertThat(n.syncState()).isEqualTo(SyncState.SYNCED);
        assertThat(vm.statusProperty().get()).isEqualTo("2 ménage(s)");
    }

    @Test
    void aHouseholdWithNoAddressOrNoCityListsWithEmptyPlaceColumns() {
        fx.store.write(c -> {
            c.execute("UPDATE household SET address = NULL WHERE id = ?", lefevre);
            c.execute("UPDATE household SET address = '{\"line1\":\"2 rue Neuve\",\"postcode\":\"59100\"}' WHERE id = ?", noel);
            return null;
        });
        CaseloadViewModel vm = new CaseloadViewModel(fx.ctx, Debouncer.immediate());
        vm.refresh();
        assertThat(vm.rows()).extracting(Row::city, Row::postcode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", ""), org.assertj.core.groups.Tuple.tuple("", "59100"));
    }

    @Test
    void theFirstPageReadAsTheStoreOpensIsUsedOnceThenTheListIsReadAgain() throws Exception {
        CaseloadViewModel.prefetch(fx.ctx);
        CaseloadViewModel first = new CaseloadViewModel(fx.ctx, Debouncer.immediate());
        first.refresh();
        assertThat(first.rows()).extracting(Row::label).containsExactly("Famille Lefèvre", "Famille Nœl");
        // taken once: a later view model (or a later refresh) reads the store as it is now
        String added = fx.household("Famille Ajoutée", "Lens");
        fx.contact(added, "2026-11-25", "Accueil");
        CaseloadViewModel second = new CaseloadViewModel(fx.ctx, Debouncer.immediate());
        second.refresh();
        assertThat(second.rows()).extracting(Row::label).contains("Famille Ajoutée");
        first.refresh();
        assertThat(first.rows()).extracting(Row::label).contains("Famille Ajoutée");
    }

    @Test
    void aFirstPageOfAnotherFilterIsNotUsed() {
        CaseloadViewModel.prefetch(fx.ctx);
        CaseloadViewModel vm = new CaseloadViewModel(fx.ctx, Debouncer.immediate());
        vm.mineProperty().set(true); // refreshes with the filter "mine": the prefetched page does not fit
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Lefèvre");
        // and it is gone: back to no filter, the list is read as the store is now (a nurse's list starts filtered)
        String added = fx.household("Famille Ajoutée", "Lens");
        fx.contact(added, "2026-11-25", "Accueil");
        vm.mineProperty().set(false);
        assertThat(vm.rows()).extracting(Row::label).contains("Famille Ajoutée");
    }

    @Test
    void searchIgnoresAccentsAndCaseAndIsDebounced() {
        List<Runnable> pending = new ArrayList<>();
        CaseloadViewModel vm = new CaseloadViewModel(fx.ctx, pending::add);
        vm.refresh();
        vm.queryProperty().set("hel");
        vm.queryProperty().set("helene");
        assertThat(vm.rows()).hasSize(2);
        pending.get(pending.size() - 1).run();
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Lefèvre");
        vm.queryProperty().set("JEROME");
        pending.get(pending.size() - 1).run();
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Nœl");
        vm.queryProperty().set("roub");
        pending.get(pending.size() - 1).run();
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Nœl");
        vm.queryProperty().set("zzz");
        pending.get(pending.size() - 1).run();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("Aucun ménage ne correspond");
    }

    @Test
    void filtersNarrowTheList() {
        CaseloadViewModel vm = new CaseloadViewModel(fx.ctx, Debouncer.immediate());
        vm.mineProperty().set(true);
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Lefèvre");
        vm.mineProperty().set(false);
        vm.pendingProperty().set(true);
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Lefèvre");
        vm.pendingProperty().set(false);
        vm.childUnder6Property().set(true);
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Lefèvre");
        vm.childUnder6Property().set(false);
        vm.openPlanProperty().set(true);
        assertThat(vm.rows()).extracting(Row::label).containsExactly("Famille Lefèvre");
        vm.openPlanProperty().set(false);
        vm.conflictProperty().set(true);
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aSecretaryNeitherSeesNorFiltersOpenPlans() {
        CaseloadViewModel vm = new CaseloadViewModel(fx.as(Role.SMS), Debouncer.immediate());
        assertThat(vm.planFilterAvailable()).isFalse();
        vm.refresh();
        assertThat(vm.rows()).noneMatch(Row::openPlan);
        vm.openPlanProperty().set(true);
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void aPendingChildRecordMakesTheHouseholdPending() {
        ObjectNode c = Json.object();
        c.put("householdId", noel);
        c.put("date", "2026-11-25T09:00:00+01:00");
        c.put("mode", "PHONE");
        fx.ctx.editor().create(RecordType.CONTACT, c);
        CaseloadViewModel vm = new CaseloadViewModel(fx.ctx, Debouncer.immediate());
        vm.refresh();
        assertThat(vm.rows()).filteredOn(r -> r.id().equals(noel)).singleElement()
                .extracting(Row::syncState).isEqualTo(SyncState.PENDING);
    }
}
