package fr.carnet.ui.household;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.ChangeJournal;
import fr.carnet.store.JournalEntry;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.DeskFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HouseholdFormViewModelTest {
    @TempDir Path dir;
    DeskFixture fx;
    String hh;

    @BeforeEach
    void open() {
        fx = new DeskFixture(dir, Role.AS);
        hh = fx.household("Famille Lefèvre", "Lille");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<JournalEntry> updates() {
        return fx.store.read(c -> ChangeJournal.forRecord(c, RecordType.HOUSEHOLD, hh)).stream()
                .filter(e -> e.op().equals("update")).toList();
    }

    private StoredRecord household() {
        return fx.store.read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, hh)).orElseThrow();
    }

    @Test
    void loadsTheSituationAndSavesOnlyWhatChanged() {
        HouseholdFormViewModel vm = new HouseholdFormViewModel(fx.ctx, hh);
        vm.load();
        assertThat(vm.labelProperty().get()).isEqualTo("Famille Lefèvre");
        assertThat(vm.line1Property().get()).isEqualTo("12 rue des Tilleuls");
        assertThat(vm.postcodeProperty().get()).isEqualTo("59000");
        assertThat(vm.cityProperty().get()).isEqualTo("Lille");
        assertThat(vm.notesProperty().get()).isEqualTo("Note confidentielle du ménage");
        vm.housingProperty().set("Logement social, T3");
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isEqualTo(hh);
        assertThat(household().text("housing")).isEqualTo("Logement social, T3");
        assertThat(updates()).singleElement().satisfies(e ->
                assertThat(e.patch().toString()).isEqualTo("{\"housing\":{\"old\":null,\"new\":\"Logement social, T3\"}}"));
    }

    @Test
    void anAddressChangeIsJournalledAsTheWholeAddress() {
        HouseholdFormViewModel vm = new HouseholdFormViewModel(fx.ctx, hh);
        vm.load();
        vm.line2Property().set("Bâtiment B");
        vm.save(id -> { });
        assertThat(household().get("address").get("line2").asText()).isEqualTo("Bâtiment B");
        assertThat(updates()).singleElement().satisfies(e -> {
            assertThat(e.patch().fieldNames()).toIterable().containsExactly("address");
            assertThat(e.patch().get("address").get("old").has("line2")).isFalse();
            assertThat(e.patch().get("address").get("new").get("city").asText()).isEqualTo("Lille");
        });
    }

    @Test
    void aSecretaryEditsTheSituationWithoutSeeingOrSendingTheNotes() {
        HouseholdFormViewModel vm = new HouseholdFormViewModel(fx.as(Role.SMS), hh);
        assertThat(vm.showsNotes()).isFalse();
        vm.load();
        assertThat(vm.notesProperty().get()).isEmpty();
        vm.labelProperty().set("Famille Lefèvre-Martin");
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(vm.errors().isEmpty()).isTrue();
        assertThat(saved.get()).isEqualTo(hh);
        assertThat(household().text("label")).isEqualTo("Famille Lefèvre-Martin");
        assertThat(household().text("notes")).isEqualTo("Note confidentielle du ménage");
        assertThat(updates()).singleElement().satisfies(e ->
                assertThat(e.patch().fieldNames()).toIterable().containsExactly("label"));
    }

    @Test
    void anUntouchedFormWritesNothing() {
        HouseholdFormViewModel vm = new HouseholdFormViewModel(fx.ctx, hh);
        vm.load();
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isEqualTo(hh);
        assertThat(updates()).isEmpty();
    }
}
