package fr.carnet.ui.household;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Relationship;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.common.Debouncer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonFormViewModelTest {
    @TempDir Path dir;
    DeskFixture fx;

    @BeforeEach
    void open() {
        fx = new DeskFixture(dir, Role.AS);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void createsAHouseholdWithItsApplicant() {
        PersonFormViewModel vm = new PersonFormViewModel(fx.ctx, null, Debouncer.immediate());
        vm.lastNameProperty().set("Dubois");
        vm.firstNameProperty().set("Amélie");
        vm.birthDateProperty().set("14/03/1987");
        vm.cityProperty().set("Lille");
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isNotNull();
        StoredRecord h = fx.store.read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, saved.get())).orElseThrow();
        assertThat(h.text("label")).isEqualTo("Famille Dubois");
        assertThat(h.get("address").get("city").asText()).isEqualTo("Lille");
        assertThat(h.get("referentIds").toString()).contains(fx.worker.workerId());
        List<StoredRecord> ps = fx.store.read(c -> RecordRepository.children(c, RecordType.PERSON, List.of(saved.get())));
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.text("birthDate")).isEqualTo("1987-03-14");
            assertThat(p.text("relationship")).isEqualTo("APPLICANT");
        });
    }

    @Test
    void showsMessagesUnderTheFieldsAndCreatesNothing() {
        PersonFormViewModel vm = new PersonFormViewModel(fx.ctx, null, Debouncer.immediate());
        vm.lastNameProperty().set("Dubois");
        vm.birthDateProperty().set("31/02/1987");
        vm.emailProperty().set("pas-une-adresse");
        vm.save(id -> { throw new AssertionError("saved"); });
        assertThat(vm.errors().byField()).containsKeys("firstName", "birthDate", "email");
        assertThat(vm.errors().byField().get("firstName")).isEqualTo("Ce champ est obligatoire.");
        int n = fx.store.read(c -> c.fetchCount(RecordRepository.table(RecordType.HOUSEHOLD)));
        assertThat(n).isZero();
    }

    @Test
    void showsLikelyDuplicatesBeforeCreating() {
        String hh = fx.household("Famille Lefèvre", "Lille");
        fx.person(hh, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        fx.person(hh, "Lefebvre", "Paul", "1983-01-01", "PARTNER");
        PersonFormViewModel vm = new PersonFormViewModel(fx.ctx, null, Debouncer.immediate());
        vm.lastNameProperty().set("lefevre");
        assertThat(vm.duplicates()).extracting(m -> m.firstName()).containsExactly("Hélène");
        vm.firstNameProperty().set("hel");
        vm.birthDateProperty().set("02/04/1985");
        assertThat(vm.duplicates()).singleElement().satisfies(m -> {
            assertThat(m.sameBirthDate()).isTrue();
            assertThat(m.householdId()).isEqualTo(hh);
        });
        vm.firstNameProperty().set("Zoé");
        assertThat(vm.duplicates()).isEmpty();
    }

    @Test
    void addsAPersonToAnExistingHousehold() {
        String hh = fx.household("Famille Lefèvre", "Lille");
        PersonFormViewModel vm = new PersonFormViewModel(fx.ctx, hh, Debouncer.immediate());
        assertThat(vm.relationshipProperty().get()).isNull();
        vm.lastNameProperty().set("Lefèvre");
        vm.firstNameProperty().set("Noé");
        vm.relationshipProperty().set(Relationship.CHILD);
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isEqualTo(hh);
        List<StoredRecord> ps = fx.store.read(c -> RecordRepository.children(c, RecordType.PERSON, List.of(hh)));
        assertThat(ps).hasSize(1);
    }

    private List<fr.carnet.store.JournalEntry> updates(RecordType type, String id) {
        return fx.store.read(c -> fr.carnet.store.ChangeJournal.forRecord(c, type, id)).stream()
                .filter(e -> e.op().equals("update")).toList();
    }

    @Test
    void editModeLoadsThePersonAndSavesOnlyWhatChanged() {
        String hh = fx.household("Famille Lefèvre", "Lille");
        String p = fx.person(hh, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        PersonFormViewModel vm = PersonFormViewModel.edit(fx.ctx, hh, p, Debouncer.immediate());
        assertThat(vm.editing()).isTrue();
        vm.load();
        assertThat(vm.lastNameProperty().get()).isEqualTo("Lefèvre");
        assertThat(vm.firstNameProperty().get()).isEqualTo("Hélène");
        assertThat(vm.birthDateProperty().get()).isEqualTo("02/04/1985");
        assertThat(vm.relationshipProperty().get()).isEqualTo(Relationship.APPLICANT);
        assertThat(vm.duplicates()).isEmpty(); // the person is not their own duplicate
        vm.phoneProperty().set("06 12 34 56 78");
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isEqualTo(hh);
        StoredRecord r = fx.store.read(c -> RecordRepository.find(c, RecordType.PERSON, p)).orElseThrow();
        assertThat(r.text("phone")).isEqualTo("06 12 34 56 78");
        assertThat(r.text("birthDate")).isEqualTo("1985-04-02");
        assertThat(updates(RecordType.PERSON, p)).singleElement().satisfies(e ->
                assertThat(e.patch().toString()).isEqualTo("{\"phone\":{\"old\":null,\"new\":\"06 12 34 56 78\"}}"));
        // saving again without a change writes nothing more
        vm.save(saved::set);
        assertThat(updates(RecordType.PERSON, p)).hasSize(1);
    }

    @Test
    void editModeClearsAFieldLeftEmpty() {
        String hh = fx.household("Famille Lefèvre", "Lille");
        String p = fx.person(hh, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        PersonFormViewModel vm = PersonFormViewModel.edit(fx.ctx, hh, p, Debouncer.immediate());
        vm.load();
        vm.birthDateProperty().set("");
        vm.save(id -> { });
        assertThat(updates(RecordType.PERSON, p)).singleElement().satisfies(e ->
                assertThat(e.patch().toString()).isEqualTo("{\"birthDate\":{\"old\":\"1985-04-02\",\"new\":null}}"));
        assertThat(fx.store.read(c -> RecordRepository.find(c, RecordType.PERSON, p)).orElseThrow().text("birthDate")).isNull();
    }

    @Test
    void editModeShowsMessagesUnderTheFieldsAndWritesNothing() {
        String hh = fx.household("Famille Lefèvre", "Lille");
        String p = fx.person(hh, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        PersonFormViewModel vm = PersonFormViewModel.edit(fx.ctx, hh, p, Debouncer.immediate());
        vm.load();
        vm.emailProperty().set("pas-une-adresse");
        vm.firstNameProperty().set(" ");
        vm.save(id -> { throw new AssertionError("saved"); });
        assertThat(vm.errors().byField()).containsKeys("email", "firstName");
        assertThat(vm.errors().byField().get("firstName")).isEqualTo("Ce champ est obligatoire.");
        assertThat(updates(RecordType.PERSON, p)).isEmpty();
        assertThat(fx.store.read(c -> RecordRepository.find(c, RecordType.PERSON, p)).orElseThrow().text("firstName")).isEqualTo("Hélène");
    }
}
