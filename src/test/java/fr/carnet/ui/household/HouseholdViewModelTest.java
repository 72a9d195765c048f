package fr.carnet.ui.household;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.household.HouseholdViewModel.PersonRow;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseholdViewModelTest {
    @TempDir Path dir;
    DeskFixture fx;
    String hh;
    String child;

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.AS);
        hh = fx.household("Famille Lefèvre", "Lille");
        fx.person(hh, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        child = fx.person(hh, "Lefèvre", "Noé", "2026-03-01", "CHILD");
        fx.contact(hh, "2026-11-20", "Compte rendu confidentiel");
        fx.contact(hh, "2026-10-02", null);
        fx.plan(hh, "Diagnostic confidentiel", "2026-06-01", "2026-12-31");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void showsCompositionWithAgesAndTheTimelineNewestFirst() {
        HouseholdViewModel vm = new HouseholdViewModel(fx.ctx, hh);
        vm.load();
        assertThat(vm.titleProperty().get()).isEqualTo("Famille Lefèvre");
        assertThat(vm.addressProperty().get()).isEqualTo("12 rue des Tilleuls, 59000 Lille");
        assertThat(vm.persons()).extracting(PersonRow::name).containsExactly("Lefèvre Hélène", "Lefèvre Noé");
        assertThat(vm.persons()).extracting(PersonRow::relationship).containsExactly("Demandeur", "Enfant");
        assertThat(vm.persons().get(1).age()).isEqualTo("8 mois");
        assertThat(vm.children()).extracting(PersonRow::id).containsExactly(child);
        assertThat(vm.timeline()).hasSize(2);
        assertThat(vm.timeline().get(0).when()).startsWith("20/11/2026");
        assertThat(vm.timeline().get(0).detail()).contains("Compte rendu confidentiel");
        assertThat(vm.plans()).hasSize(1);
        assertThat(vm.notesProperty().get()).isEqualTo("Note confidentielle du ménage");
        assertThat(vm.referentsProperty().get()).isEqualTo("vous");
    }

    @Test
    void aSecretarySeesIdentityAndContactsButNoConfidentialContent() {
        HouseholdViewModel vm = new HouseholdViewModel(fx.as(Role.SMS), hh);
        vm.load();
        assertThat(vm.confidential()).isFalse();
        assertThat(vm.persons()).hasSize(2);
        assertThat(vm.timeline()).hasSize(2);
        assertThat(vm.timeline()).allSatisfy(e -> assertThat(e.detail()).doesNotContain("confidentiel"));
        assertThat(vm.plans()).isEmpty();
        assertThat(vm.aids()).isEmpty();
        assertThat(vm.notesProperty().get()).isEmpty();
    }

    @Test
    void deleteCanBeUndone() {
        HouseholdViewModel vm = new HouseholdViewModel(fx.ctx, hh);
        vm.load();
        vm.delete(RecordType.PERSON, child, "Lefèvre Noé");
        assertThat(vm.persons()).hasSize(1);
        assertThat(vm.messageProperty().get()).contains("supprimé");
        assertThat(vm.lastDeletedProperty().get()).isNotNull();
        vm.undo();
        assertThat(vm.persons()).hasSize(2);
        assertThat(vm.lastDeletedProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).contains("restauré");
    }
}
