package fr.carnet.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.SearchRepository.HouseholdHit;
import fr.carnet.store.SearchRepository.PersonHit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchIT {
    @TempDir Path dir;
    Store store;
    Editor editor;
    String hh;

    @BeforeEach
    void fill() {
        store = Store.create(dir.resolve("c.db"), StoreIT.PASS);
        editor = new Editor(store, null, Role.AS);
        hh = editor.create(RecordType.HOUSEHOLD, StoreIT.household("Famille Lefèvre"));
        editor.create(RecordType.PERSON, StoreIT.person(hh, "Lefèvre", "Hélène"));
        editor.create(RecordType.PERSON, StoreIT.person(hh, "Lefèvre", "Héloïse"));
        String other = editor.create(RecordType.HOUSEHOLD, StoreIT.household("Famille Nœl"));
        editor.create(RecordType.PERSON, StoreIT.person(other, "Nœl", "Jérôme"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<PersonHit> persons(String typed) {
        return store.read(ctx -> SearchRepository.persons(ctx, typed, 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"helene", "HELENE", "Hélène", "hél", "HEL", "lefevre hel", "LEFÈVRE"})
    void findsHeleneWhicheverWayItIsTyped(String typed) {
        assertThat(persons(typed)).extracting(PersonHit::firstName).contains("Hélène");
    }

    @Test
    void aPrefixFindsEveryMatchingName() {
        assertThat(persons("hel")).extracting(PersonHit::firstName).containsExactlyInAnyOrder("Hélène", "Héloïse");
        assertThat(persons("jero")).extracting(PersonHit::firstName).containsExactly("Jérôme");
        assertThat(persons("xyz")).isEmpty();
        assertThat(persons("  ' \" * ")).isEmpty();
    }

    @Test
    void householdsAreFoundByLabelCityAndTheirPersons() {
        List<HouseholdHit> byCity = store.read(ctx -> SearchRepository.households(ctx, "lil", 50));
        assertThat(byCity).hasSize(2);
        List<HouseholdHit> byPerson = store.read(ctx -> SearchRepository.households(ctx, "heloise", 50));
        assertThat(byPerson).extracting(HouseholdHit::label).containsExactly("Famille Lefèvre");
    }

    @Test
    void deletedPersonsAndRenamesFollowTheIndex() {
        String p = persons("helo").get(0).id();
        editor.update(RecordType.PERSON, p, fr.carnet.util.Json.object().put("firstName", "Maëlle"));
        assertThat(persons("helo")).isEmpty();
        assertThat(persons("mael")).hasSize(1);
        editor.delete(RecordType.PERSON, p);
        assertThat(persons("mael")).isEmpty();
    }
}
