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
}
