package fr.carnet.ui.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.dataset.Dataset;
import fr.carnet.dataset.Importer;
import fr.carnet.dataset.Organisation;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.report.indicators.IndicatorSettings;
import fr.carnet.store.Editor;
import fr.carnet.store.Store;
import fr.carnet.store.StoreMeta;
import fr.carnet.ui.supervisor.SupervisorViewModel.Ref;
import fr.carnet.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The references panel and the sector chooser of the Équipe tab, on a real store filled through
 * {@link Editor}, without the JavaFX toolkit (both executors run inline).
 */
class SupervisorReferencesTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, PARIS).toInstant(), PARIS);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final String T = id("t"), NORD = id("s1"), SUD = id("s2"), AS1 = id("as1"), CESF = id("cesf"), SMS = id("sms"),
            CHEF = id("chef"), AS2 = id("as2"), CHEF_NORD = id("chef-nord");
    static final Locale FR = Locale.forLanguageTag("fr-FR");

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void team() {
        store = Store.create(dir.resolve("refs.db"), "references-test-passphrase".toCharArray(), CLOCK);
        Organisation org = new Organisation(List.of(new Organisation.Territory(T, "Territoire")),
                List.of(new Organisation.Sector(NORD, T, "Nord"), new Organisation.Sector(SUD, T, "Sud")),
                List.of(new Organisation.Worker(AS1, "as1", "Alice Aubert", Role.AS, List.of(NORD), 1.0),
                        new Organisation.Worker(CESF, "cesf", "Céline Éluard", Role.CESF, List.of(NORD), 0.5),
                        new Organisation.Worker(SMS, "sms", "Samia Sow", Role.SMS, List.of(NORD), 1.0),
                        new Organisation.Worker(CHEF, "chef", "Charles Chef", Role.SUPERVISOR, List.of(SUD, NORD), 1.0),
                        new Organisation.Worker(CHEF_NORD, "chefn", "Nina Nord", Role.SUPERVISOR, List.of(NORD), 1.0),
                        new Organisation.Worker(AS2, "as2", "Bruno Sud", Role.AS, List.of(SUD), 1.0)));
        Importer.importDataset(store, new Dataset(org, List.of()), Importer.Origin.REFERENCE, null);

        Editor as1 = new Editor(store, AS1, Role.AS);
        String h1 = household(as1, NORD, "Famille Un");
        plan(as1, h1, "2026-01-01", "2027-06-30");
        contact(as1, h1, "2026-10-15T10:00+02:00", 60); // six weeks ago
        household(as1, NORD, "Famille Deux"); // never met
        Editor cesf = new Editor(store, CESF, Role.CESF);
        String h3 = household(cesf, NORD, "Mme Trois");
        plan(cesf, h3, "2026-10-01", "2027-03-31");
        contact(cesf, h3, "2026-11-20T10:00+01:00", 45);
        Editor as2 = new Editor(store, AS2, Role.AS);
        contact(as2, household(as2, SUD, "Famille Sud"), "2026-11-02T10:00+01:00", 50);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String household(Editor ed, String sector, String label) {
        ObjectNode h = Json.object();
        h.put("sectorId", sector);
        h.put("label", label);
        return ed.create(RecordType.HOUSEHOLD, h);
    }

    private static void plan(Editor ed, String hid, String start, String end) {
        ObjectNode p = Json.object();
        p.put("householdId", hid);
        p.put("startDate", start);
        p.put("plannedEndDate", end);
        p.put("status", "ACTIVE");
        ed.create(RecordType.PLAN, p);
    }

    private static void contact(Editor ed, String hid, String date, int minutes) {
        ObjectNode c = Json.object();
        c.put("householdId", hid);
        c.put("date", date);
        c.put("durationMinutes", minutes);
        c.put("mode", "PHONE");
        c.putArray("domains").add("HOUSING");
        ed.create(RecordType.CONTACT, c);
    }

    private SupervisorViewModel open(String supervisor) {
        SupervisorViewModel vm = new SupervisorViewModel(SupervisorTeam.of(store, supervisor, () -> TODAY), Runnable::run, Runnable::run, FR);
        vm.load();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isNull();
        return vm;
    }

    private static SupervisorViewModel.Row row(SupervisorViewModel vm, String name) {
        return vm.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static SupervisorViewModel.Load load(SupervisorViewModel vm, String name) {
        return vm.loads().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void type(SupervisorViewModel vm, Ref r, String text) {
        vm.field(r).textProperty().set(text);
    }

    private boolean nothingSaved() {
        return store.read(ctx -> StoreMeta.get(ctx, IndicatorSettings.META_KEY)).isEmpty();
    }

    @Test
    void theFieldsShowTheDefaultReferencesFrenchStyle() {
        SupervisorViewModel vm = open(CHEF);
        assertThat(vm.referenceFields()).hasSize(Ref.values().length);
        assertThat(vm.field(Ref.ACCOMPANIMENTS_PER_FTE).textProperty().get()).isEqualTo("20");
        assertThat(vm.field(Ref.RECEPTION_AS_LOW).textProperty().get()).isEqualTo("40");
        assertThat(vm.field(Ref.RECEPTION_AS_HIGH).textProperty().get()).isEqualTo("50");
        assertThat(vm.field(Ref.EVALUATION_MONTHS).textProperty().get()).isEqualTo("6");
        assertThat(vm.field(Ref.CONTACT_WEEKS).textProperty().get()).isEqualTo("8");
        assertThat(vm.field(Ref.ACCOMPANIMENTS_PER_FTE).label()).contains("repère");
        assertThat(vm.referenceFields()).allSatisfy(f -> {
            assertThat(f.label()).doesNotContainIgnoringCase("quota").doesNotContain("'");
            assertThat(f.errorProperty().get()).isNull();
        });
        assertThat(row(vm, "Alice Aubert").accompaniment()).endsWith("(réf. 40\u202F%)");
    }

    @Test
    void editedReferencesAreSavedAndTheFiguresRecomputedWithThem() {
        SupervisorViewModel vm = open(CHEF);
        assertThat(load(vm, "Alice Aubert").reference()).isEqualTo(20.0);
        assertThat(row(vm, "Alice Aubert").withoutContact()).isEqualTo("1"); // Famille Deux only

        type(vm, Ref.ACCOMPANIMENTS_PER_FTE, " 17,5 ");
        type(vm, Ref.CONTACT_WEEKS, "4");
        type(vm, Ref.RECEPTION_AS_HIGH, "55 %");
        assertThat(vm.saveReferences()).isTrue();

        IndicatorSettings saved = store.read(IndicatorSettings::read);
        assertThat(saved.accompanimentsPerFte()).isEqualTo(17.5);
        assertThat(saved.contactWeeks()).isEqualTo(4);
        assertThat(saved.receptionAs().high()).isEqualTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(saved.evaluationMonths()).isEqualTo(6); // untouched values kept
        assertThat(vm.settingsProperty().get()).isEqualTo(saved);
        assertThat(vm.referencesMessageProperty().get()).isEqualTo("Références enregistrées ; les indicateurs sont recalculés.");

        assertThat(load(vm, "Alice Aubert").reference()).isEqualTo(17.5);
        assertThat(load(vm, "Céline Éluard").reference()).isEqualTo(8.75); // half time
        assertThat(row(vm, "Alice Aubert").withoutContact()).isEqualTo("2"); // Famille Un, six weeks ago, now counts
        assertThat(row(vm, "Alice Aubert").reception()).endsWith("(réf. 40–55\u202F%)");
        assertThat(vm.field(Ref.ACCOMPANIMENTS_PER_FTE).textProperty().get()).isEqualTo("17,5");

        // a new screen (another session) reads what was saved
        SupervisorViewModel again = open(CHEF);
        assertThat(again.field(Ref.CONTACT_WEEKS).textProperty().get()).isEqualTo("4");
        assertThat(load(again, "Alice Aubert").reference()).isEqualTo(17.5);
    }

    @Test
    void badInputIsRefusedWithAMessageUnderTheFieldAndNothingIsSaved() {
        SupervisorViewModel vm = open(CHEF);
        type(vm, Ref.ACCOMPANIMENTS_PER_FTE, "vingt");
        type(vm, Ref.CONTACT_WEEKS, "2,5");
        type(vm, Ref.COLLECTIVE_AS_LOW, "30");          // above its top (20)
        type(vm, Ref.RECEPTION_CESF_HIGH, "140");
        type(vm, Ref.VISIT_DUE_DAYS, "");
        type(vm, Ref.EVALUATION_MONTHS, "17.5.2");
        assertThat(vm.saveReferences()).isFalse();

        assertThat(nothingSaved()).isTrue();
        assertThat(vm.referencesMessageProperty().get()).isEqualTo("Certaines valeurs ne conviennent pas : rien n’a été enregistré.");
        assertThat(vm.field(Ref.ACCOMPANIMENTS_PER_FTE).errorProperty().get()).isEqualTo("Saisissez un nombre, par exemple 20 ou 17,5.");
        assertThat(vm.field(Ref.CONTACT_WEEKS).errorProperty().get()).isEqualTo("Saisissez un nombre entier, par exemple 8.");
        assertThat(vm.field(Ref.COLLECTIVE_AS_HIGH).errorProperty().get())
                .isEqualTo("Le haut de la fourchette ne peut pas être inférieur au bas.");
        assertThat(vm.field(Ref.RECEPTION_CESF_HIGH).errorProperty().get()).isEqualTo("Saisissez une valeur de 0 à 100.");
        assertThat(vm.field(Ref.VISIT_DUE_DAYS).errorProperty().get()).isEqualTo("Saisissez une valeur.");
        assertThat(vm.field(Ref.EVALUATION_MONTHS).errorProperty().get()).isNotNull();
        assertThat(vm.field(Ref.PERIOD_DAYS).errorProperty().get()).isNull();
        // the figures keep the references in force
        assertThat(vm.settingsProperty().get()).isEqualTo(IndicatorSettings.defaults());
        assertThat(load(vm, "Alice Aubert").reference()).isEqualTo(20.0);

        // corrected, it saves and the messages go
        vm.revertReferences();
        type(vm, Ref.COLLECTIVE_AS_LOW, "15");
        assertThat(vm.saveReferences()).isTrue();
        assertThat(vm.referenceFields()).allSatisfy(f -> assertThat(f.errorProperty().get()).isNull());
        assertThat(store.read(IndicatorSettings::read).collectiveAs()).isEqualTo(new IndicatorSettings.Range(0.15, 0.20));
    }

    @Test
    void resetPutsTheDefaultsBackAndSavingAppliesThem() {
        SupervisorViewModel vm = open(CHEF);
        type(vm, Ref.ACCOMPANIMENTS_PER_FTE, "12");
        type(vm, Ref.PERIOD_DAYS, "90");
        assertThat(vm.saveReferences()).isTrue();
        assertThat(load(vm, "Alice Aubert").reference()).isEqualTo(12.0);

        vm.resetReferences();
        assertThat(vm.field(Ref.ACCOMPANIMENTS_PER_FTE).textProperty().get()).isEqualTo("20");
        assertThat(vm.field(Ref.PERIOD_DAYS).textProperty().get()).isEqualTo("365");
        assertThat(vm.referencesMessageProperty().get()).contains("enregistrez");
        assertThat(store.read(IndicatorSettings::read).accompanimentsPerFte()).isEqualTo(12.0); // not until saved

        assertThat(vm.saveReferences()).isTrue();
        assertThat(store.read(IndicatorSettings::read)).isEqualTo(IndicatorSettings.defaults());
        assertThat(load(vm, "Alice Aubert").reference()).isEqualTo(20.0);
    }

    @Test
    void theSectorChoiceNarrowsTheTeam() {
        SupervisorViewModel vm = open(CHEF);
        assertThat(vm.severalSectorsProperty().get()).isTrue();
        assertThat(vm.sectorChoices()).extracting(SupervisorViewModel.SectorChoice::label).containsExactly("Tous mes secteurs", "Nord", "Sud");
        assertThat(vm.sectorProperty().get().id()).isNull();
        assertThat(vm.rows()).extracting(SupervisorViewModel.Row::name)
                .containsExactlyInAnyOrder("Alice Aubert", "Céline Éluard", "Samia Sow", "Bruno Sud");

        vm.sectorProperty().set(vm.sectorChoices().get(2));
        assertThat(vm.rows()).extracting(SupervisorViewModel.Row::name).containsExactly("Bruno Sud");
        vm.sectorProperty().set(vm.sectorChoices().get(1));
        assertThat(vm.rows()).extracting(SupervisorViewModel.Row::name).containsExactlyInAnyOrder("Alice Aubert", "Céline Éluard", "Samia Sow");
        vm.sectorProperty().set(vm.sectorChoices().get(0));
        assertThat(vm.rows()).hasSize(4);

        // the chosen sector is kept when the references change
        vm.sectorProperty().set(vm.sectorChoices().get(2));
        type(vm, Ref.ACCOMPANIMENTS_PER_FTE, "25");
        assertThat(vm.saveReferences()).isTrue();
        assertThat(vm.rows()).extracting(SupervisorViewModel.Row::name).containsExactly("Bruno Sud");
        assertThat(load(vm, "Bruno Sud").reference()).isEqualTo(25.0);
    }

    @Test
    void aSupervisorOfOneSectorGetsNoChooserAndOnlyTheirTeam() {
        SupervisorViewModel vm = open(CHEF_NORD);
        assertThat(vm.severalSectorsProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(SupervisorViewModel.Row::name).containsExactlyInAnyOrder("Alice Aubert", "Céline Éluard", "Samia Sow");
    }

    @Test
    void aFailedSaveSaysSoAndKeepsTheReferencesInForce() {
        SupervisorTeam real = SupervisorTeam.of(store, CHEF, () -> TODAY);
        SupervisorTeam failing = new SupervisorTeam() {
            @Override
            public List<Sector> sectors() {
                return real.sectors();
            }

            @Override
            public IndicatorSettings settings() {
                return real.settings();
            }

            @Override
            public void save(IndicatorSettings s) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public fr.carnet.report.indicators.TeamIndicators compute(java.util.Collection<String> ids, IndicatorSettings s) {
                return real.compute(ids, s);
            }
        };
        SupervisorViewModel vm = new SupervisorViewModel(failing, Runnable::run, Runnable::run, FR);
        vm.load();
        type(vm, Ref.ACCOMPANIMENTS_PER_FTE, "10");
        vm.saveReferences();
        assertThat(vm.referencesMessageProperty().get()).isEqualTo("Les références n’ont pas pu être enregistrées.");
        assertThat(vm.savingProperty().get()).isFalse();
        assertThat(vm.settingsProperty().get()).isEqualTo(IndicatorSettings.defaults());
        assertThat(nothingSaved()).isTrue();
    }
}
