package fr.carnet.ui.contact;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.ContactMode;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.RequestType;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.common.Debouncer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactViewModelTest {
    @TempDir Path dir;
    DeskFixture fx;
    String hh;

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.AS);
        hh = fx.household("Famille Lefèvre", "Lille");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void recordsAContactWithModeRequestDomainsDurationSummaryOutcomeAndOrientation() {
        ContactViewModel vm = new ContactViewModel(fx.ctx, hh, Debouncer.immediate());
        assertThat(vm.dateProperty().get()).isEqualTo("26/11/2026");
        vm.modeProperty().set(ContactMode.HOME_VISIT);
        vm.requestProperty().set(RequestType.OPTIONAL_AID);
        vm.domains().add(InterventionDomain.HOUSING);
        vm.domains().add(InterventionDomain.ECONOMIC_AUTONOMY);
        vm.durationProperty().set("45");
        vm.summaryProperty().set("Point sur les impayés d’énergie.");
        vm.outcomeProperty().set("Demande d’aide à instruire.");
        vm.orientedToProperty().set("CCAS");
        AtomicReference<String> id = new AtomicReference<>();
        vm.save(id::set);
        StoredRecord c = fx.store.read(x -> RecordRepository.find(x, RecordType.CONTACT, id.get())).orElseThrow();
        assertThat(c.text("mode")).isEqualTo("HOME_VISIT");
        assertThat(c.text("request")).isEqualTo("OPTIONAL_AID");
        assertThat(c.get("domains").toString()).isEqualTo("[\"HOUSING\",\"ECONOMIC_AUTONOMY\"]");
        assertThat(c.get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(c.text("summary")).isEqualTo("Point sur les impayés d’énergie.");
        assertThat(c.text("orientedTo")).isEqualTo("CCAS");
        assertThat(c.text("date")).startsWith("2026-11-26T10:00");
        assertThat(fx.ctx.drafts().load("contact:new:" + hh)).isEmpty();
    }

    @Test
    void validationMessagesGoUnderTheirFields() {
        ContactViewModel vm = new ContactViewModel(fx.ctx, hh, Debouncer.immediate());
        vm.durationProperty().set("45 min");
        vm.dateProperty().set("hier");
        vm.save(x -> { throw new AssertionError(); });
        assertThat(vm.errors().byField()).containsKeys("durationMinutes", "date");
        vm.durationProperty().set("2000");
        vm.dateProperty().set("26/11/2026");
        vm.save(x -> { throw new AssertionError(); });
        assertThat(vm.errors().byField()).containsOnlyKeys("durationMinutes");
        assertThat(vm.errors().byField().get("durationMinutes")).contains("24 heures");
    }

    @Test
    void typingIsKeptAsADraftAndRestoredAfterAClose() {
        List<Runnable> pending = new ArrayList<>();
        ContactViewModel vm = new ContactViewModel(fx.ctx, hh, pending::add);
        vm.summaryProperty().set("Début du compte rendu");
        vm.domains().add(InterventionDomain.HEALTH);
        pending.get(pending.size() - 1).run();
        assertThat(vm.draftStatusProperty().get()).isEqualTo("Brouillon enregistré.");
        ContactViewModel again = new ContactViewModel(fx.ctx, hh, Debouncer.immediate());
        again.restoreDraft();
        assertThat(again.summaryProperty().get()).isEqualTo("Début du compte rendu");
        assertThat(again.domains()).containsExactly(InterventionDomain.HEALTH);
        assertThat(again.draftStatusProperty().get()).isEqualTo("Brouillon restauré.");
        again.discardDraft();
        assertThat(fx.ctx.drafts().load("contact:new:" + hh)).isEmpty();
    }

    @Test
    void aSecretaryRecordsAContactWithoutSummaryOrOutcome() {
        ContactViewModel vm = new ContactViewModel(fx.as(Role.SMS), hh, Debouncer.immediate());
        assertThat(vm.confidential()).isFalse();
        vm.modeProperty().set(ContactMode.PHONE);
        vm.summaryProperty().set("ne doit pas partir");
        AtomicReference<String> id = new AtomicReference<>();
        vm.save(id::set);
        assertThat(vm.errors().isEmpty()).isTrue();
        StoredRecord c = fx.store.read(x -> RecordRepository.find(x, RecordType.CONTACT, id.get())).orElseThrow();
        assertThat(c.text("summary")).isNull();
    }

    private List<fr.carnet.store.JournalEntry> updates(String id) {
        return fx.store.read(c -> fr.carnet.store.ChangeJournal.forRecord(c, RecordType.CONTACT, id)).stream()
                .filter(e -> e.op().equals("update")).toList();
    }

    @Test
    void editModeLoadsTheContactAndSavesOnlyWhatChanged() {
        String id = fx.contact(hh, "2026-11-20", "Premier entretien");
        ContactViewModel vm = ContactViewModel.edit(fx.ctx, hh, id, Debouncer.immediate());
        assertThat(vm.editing()).isTrue();
        vm.restoreDraft(); // in edit mode: loads the contact
        assertThat(vm.dateProperty().get()).isEqualTo("20/11/2026");
        assertThat(vm.modeProperty().get()).isEqualTo(ContactMode.PHONE);
        assertThat(vm.summaryProperty().get()).isEqualTo("Premier entretien");
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.summaryProperty().set("Premier entretien, loyer à jour");
        vm.durationProperty().set("30");
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isEqualTo(id);
        StoredRecord c = fx.store.read(x -> RecordRepository.find(x, RecordType.CONTACT, id)).orElseThrow();
        assertThat(c.text("summary")).isEqualTo("Premier entretien, loyer à jour");
        assertThat(c.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(c.text("date")).isEqualTo("2026-11-20T10:00:00+01:00"); // untouched, not rewritten
        assertThat(updates(id)).singleElement().satisfies(e -> {
            assertThat(e.patch().fieldNames()).toIterable().containsExactlyInAnyOrder("summary", "durationMinutes");
            assertThat(e.patch().get("summary").get("old").asText()).isEqualTo("Premier entretien");
            assertThat(e.patch().get("summary").get("new").asText()).isEqualTo("Premier entretien, loyer à jour");
            assertThat(e.patch().get("durationMinutes").get("old").isNull()).isTrue();
        });
        // no draft is kept for an edit
        assertThat(fx.ctx.drafts().load(ContactViewModel.FORM + ":new:" + hh)).isEmpty();
    }

    @Test
    void editModeShowsAMessageOnABadValueAndWritesNothing() {
        String id = fx.contact(hh, "2026-11-20", "Premier entretien");
        ContactViewModel vm = ContactViewModel.edit(fx.ctx, hh, id, Debouncer.immediate());
        vm.load();
        vm.durationProperty().set("trois quarts d’heure");
        vm.modeProperty().set(null);
        vm.save(x -> { throw new AssertionError("saved"); });
        assertThat(vm.errors().byField()).containsKeys("durationMinutes", "mode");
        assertThat(updates(id)).isEmpty();
    }

    @Test
    void aSecretaryEditsAContactWithoutTouchingTheSummary() {
        String id = fx.contact(hh, "2026-11-20", "Premier entretien");
        ContactViewModel vm = ContactViewModel.edit(fx.as(Role.SMS), hh, id, Debouncer.immediate());
        vm.load();
        assertThat(vm.summaryProperty().get()).isEmpty();
        vm.orientedToProperty().set("CCAS");
        vm.save(x -> { });
        assertThat(vm.errors().isEmpty()).isTrue();
        StoredRecord c = fx.store.read(x -> RecordRepository.find(x, RecordType.CONTACT, id)).orElseThrow();
        assertThat(c.text("summary")).isEqualTo("Premier entretien");
        assertThat(c.text("orientedTo")).isEqualTo("CCAS");
        assertThat(updates(id)).singleElement().satisfies(e -> assertThat(e.patch().fieldNames()).toIterable().containsExactly("orientedTo"));
    }
}
