package fr.carnet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.ActionWho;
import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.Rating;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.aid.AidViewModel;
import fr.carnet.ui.household.HouseholdFormViewModel;
import fr.carnet.ui.household.PersonFormViewModel;
import fr.carnet.ui.plan.PlanViewModel;
import fr.carnet.ui.visit.AgendaViewModel;
import fr.carnet.ui.visit.VisitPlanViewModel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every form where a worker types keeps a draft: typing, then dropping the form without saving
 * (a crash, a closed lid) and opening it again — on the store reopened from its file — brings the
 * text back. Saving drops the draft.
 */
class FormDraftsTest {
    /** A debouncer that holds the autosave until the test says typing paused. */
    static final class Pause implements Debouncer {
        Runnable pending;

        @Override
        public void call(Runnable action) {
            pending = action;
        }

        void elapse() {
            Runnable r = pending;
            pending = null;
            if (r != null) r.run();
        }
    }

    @TempDir Path dir;
    DeskFixture fx;
    String hh;
    Pause pause = new Pause();
    Store reopened;

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.AS);
        hh = fx.household("Famille Lefèvre", "Lille");
    }

    @AfterEach
    void close() {
        if (reopened != null) reopened.close();
        else fx.close();
    }

    /** The crash: the form is dropped unsaved and the store closed; the desk starts again on the same file. */
    private DeskContext crashAndRestart() {
        fx.store.close();
        reopened = Store.open(dir.resolve("carnet.db"), DeskFixture.PASS, DeskFixture.CLOCK);
        return DeskContext.of(reopened, fx.worker, Async.direct());
    }

    @Test
    void aVisitBeingPlannedIsRestored() {
        VisitPlanViewModel vm = new VisitPlanViewModel(fx.ctx, hh, pause);
        vm.open();
        vm.purposeProperty().set("Point budget et factures d’énergie");
        vm.timeProperty().set("15:30");
        assertThat(vm.draftStatusProperty().get()).isEmpty();
        pause.elapse();
        assertThat(vm.draftStatusProperty().get()).isEqualTo("Brouillon enregistré.");

        VisitPlanViewModel again = new VisitPlanViewModel(crashAndRestart(), hh, Debouncer.immediate());
        again.open();
        assertThat(again.purposeProperty().get()).isEqualTo("Point budget et factures d’énergie");
        assertThat(again.timeProperty().get()).isEqualTo("15:30");
        assertThat(again.draftStatusProperty().get()).isEqualTo("Brouillon restauré.");
        again.save(id -> { });
        assertThat(again.errors().isEmpty()).isTrue();
        assertThat(DeskContext.of(reopened, fx.worker, Async.direct()).drafts().load("visit:new:" + hh)).isEmpty();
    }

    @Test
    void aVisitOutcomeBeingTypedOnSiteIsRestoredForThatVisit() {
        VisitPlanViewModel plan = new VisitPlanViewModel(fx.ctx, hh);
        AtomicReference<String> id = new AtomicReference<>();
        plan.save(id::set);
        AgendaViewModel vm = new AgendaViewModel(fx.ctx, pause);
        vm.load();
        vm.selectedProperty().set(vm.items().get(0));
        vm.outcomeStatusProperty().set(VisitStatus.ABSENT);
        vm.observationsProperty().set("Personne absente, voisin rencontré.");
        vm.nextStepsProperty().set("Repasser jeudi.");
        pause.elapse();

        AgendaViewModel again = new AgendaViewModel(crashAndRestart(), Debouncer.immediate());
        again.load();
        assertThat(again.observationsProperty().get()).isEmpty(); // nothing selected yet
        again.selectedProperty().set(again.items().get(0));
        assertThat(again.outcomeStatusProperty().get()).isEqualTo(VisitStatus.ABSENT);
        assertThat(again.observationsProperty().get()).isEqualTo("Personne absente, voisin rencontré.");
        assertThat(again.nextStepsProperty().get()).isEqualTo("Repasser jeudi.");
        again.complete();
        assertThat(reopened.read(c -> RecordRepository.find(c, RecordType.VISIT, id.get())).orElseThrow().text("observations"))
                .isEqualTo("Personne absente, voisin rencontré.");
        assertThat(DeskContext.of(reopened, fx.worker, Async.direct()).drafts().load("visit:outcome:" + id.get())).isEmpty();
    }

    @Test
    void aPiasDiagnosisAndStrengthsAreRestored() {
        String planId = fx.plan(hh, "Impayés de loyer", "2026-06-01", "2026-12-31");
        PlanViewModel vm = new PlanViewModel(fx.ctx, hh, planId, pause);
        vm.load();
        assertThat(vm.diagnosisProperty().get()).isEqualTo("Impayés de loyer");
        vm.diagnosisProperty().set("Impayés de loyer, isolement depuis le départ du conjoint.");
        vm.strengthsProperty().set("Réseau amical, mobilisée.");
        pause.elapse();

        PlanViewModel again = new PlanViewModel(crashAndRestart(), hh, planId, Debouncer.immediate());
        again.load();
        assertThat(again.diagnosisProperty().get()).isEqualTo("Impayés de loyer, isolement depuis le départ du conjoint.");
        assertThat(again.strengthsProperty().get()).isEqualTo("Réseau amical, mobilisée.");
        // an objective added meanwhile does not wipe what is being typed
        again.objDomainProperty().set(InterventionDomain.HOUSING);
        again.objStatementProperty().set("Résorber la dette");
        again.addObjective();
        assertThat(again.objectives()).hasSize(1);
        assertThat(again.diagnosisProperty().get()).isEqualTo("Impayés de loyer, isolement depuis le départ du conjoint.");
    }

    @Test
    void aNewPiaBeingWrittenIsRestored() {
        PlanViewModel vm = new PlanViewModel(fx.ctx, hh, null, pause);
        vm.load();
        vm.diagnosisProperty().set("Premier diagnostic");
        pause.elapse();
        PlanViewModel again = new PlanViewModel(crashAndRestart(), hh, null, Debouncer.immediate());
        again.load();
        assertThat(again.diagnosisProperty().get()).isEqualTo("Premier diagnostic");
        again.savePlan();
        assertThat(again.planIdProperty().get()).isNotNull();
        assertThat(DeskContext.of(reopened, fx.worker, Async.direct()).drafts().load("plan:new:" + hh)).isEmpty();
    }

    @Test
    void anObjectiveAnActionAndACoEvaluationBeingTypedAreRestored() {
        String planId = fx.plan(hh, "Impayés", "2026-06-01", "2026-12-31");
        PlanViewModel setup = new PlanViewModel(fx.ctx, hh, planId);
        setup.load();
        setup.objDomainProperty().set(InterventionDomain.HOUSING);
        setup.objStatementProperty().set("Résorber la dette");
        setup.addObjective();

        PlanViewModel vm = new PlanViewModel(fx.ctx, hh, planId, pause);
        vm.load();
        vm.objDomainProperty().set(InterventionDomain.HEALTH);
        vm.objStatementProperty().set("Ouvrir les droits santé");
        vm.objCriteriaProperty().set("Attestation reçue");
        pause.elapse();
        vm.actObjectiveProperty().set(vm.objectives().get(0));
        vm.actWhoProperty().set(ActionWho.PARTNER);
        vm.actPartnerProperty().set("CCAS");
        vm.actDescriptionProperty().set("Instruire le FSL");
        pause.elapse();
        vm.evalRows().get(0).rating.set(Rating.PARTLY_MET);
        vm.evalRows().get(0).personView.set("Ça avance.");
        vm.evalNotesProperty().set("Bilan à trois mois");
        pause.elapse();

        PlanViewModel again = new PlanViewModel(crashAndRestart(), hh, planId, Debouncer.immediate());
        again.load();
        assertThat(again.objDomainProperty().get()).isEqualTo(InterventionDomain.HEALTH);
        assertThat(again.objStatementProperty().get()).isEqualTo("Ouvrir les droits santé");
        assertThat(again.objCriteriaProperty().get()).isEqualTo("Attestation reçue");
        assertThat(again.actObjectiveProperty().get().text("statement")).isEqualTo("Résorber la dette");
        assertThat(again.actWhoProperty().get()).isEqualTo(ActionWho.PARTNER);
        assertThat(again.actPartnerProperty().get()).isEqualTo("CCAS");
        assertThat(again.actDescriptionProperty().get()).isEqualTo("Instruire le FSL");
        assertThat(again.evalRows().get(0).rating.get()).isEqualTo(Rating.PARTLY_MET);
        assertThat(again.evalRows().get(0).personView.get()).isEqualTo("Ça avance.");
        assertThat(again.evalNotesProperty().get()).isEqualTo("Bilan à trois mois");
    }

    @Test
    void anAidRequestIsRestored() {
        AidViewModel vm = new AidViewModel(fx.ctx, hh, pause);
        vm.open();
        vm.kindProperty().set("Aide à l’énergie");
        vm.amountProperty().set("150,50");
        vm.decisionProperty().set(AidDecision.GRANTED);
        pause.elapse();
        AidViewModel again = new AidViewModel(crashAndRestart(), hh, Debouncer.immediate());
        again.open();
        assertThat(again.kindProperty().get()).isEqualTo("Aide à l’énergie");
        assertThat(again.amountProperty().get()).isEqualTo("150,50");
        assertThat(again.decisionProperty().get()).isEqualTo(AidDecision.GRANTED);
    }

    @Test
    void anEditOfTheHouseholdsSituationIsRestoredOverTheStoredValues() {
        HouseholdFormViewModel vm = new HouseholdFormViewModel(fx.ctx, hh, pause);
        vm.load();
        assertThat(vm.cityProperty().get()).isEqualTo("Lille");
        assertThat(pause.pending).isNull(); // filling the form is not typing
        vm.housingProperty().set("Logement social, T3");
        pause.elapse();
        HouseholdFormViewModel again = new HouseholdFormViewModel(crashAndRestart(), hh, Debouncer.immediate());
        again.load();
        assertThat(again.housingProperty().get()).isEqualTo("Logement social, T3");
        assertThat(again.cityProperty().get()).isEqualTo("Lille");
        again.save(x -> { });
        assertThat(reopened.read(c -> RecordRepository.find(c, RecordType.HOUSEHOLD, hh)).orElseThrow().text("housing"))
                .isEqualTo("Logement social, T3");
        assertThat(DeskContext.of(reopened, fx.worker, Async.direct()).drafts().load("household:edit:" + hh)).isEmpty();
    }

    @Test
    void aNewPersonAndAnEditOfAPersonAreRestored() {
        String helene = fx.person(hh, "Lefèvre", "Hélène", "1985-04-02", "APPLICANT");
        PersonFormViewModel add = new PersonFormViewModel(fx.ctx, hh, Debouncer.immediate(), pause);
        add.load();
        add.firstNameProperty().set("Noé");
        add.sexProperty().set(Sex.M);
        pause.elapse();
        PersonFormViewModel edit = PersonFormViewModel.edit(fx.ctx, hh, helene, Debouncer.immediate(), pause);
        edit.load();
        edit.phoneProperty().set("06 12 34 56 78");
        pause.elapse();

        DeskContext ctx = crashAndRestart();
        PersonFormViewModel add2 = new PersonFormViewModel(ctx, hh, Debouncer.immediate(), Debouncer.immediate());
        add2.load();
        assertThat(add2.firstNameProperty().get()).isEqualTo("Noé");
        assertThat(add2.sexProperty().get()).isEqualTo(Sex.M);
        PersonFormViewModel edit2 = PersonFormViewModel.edit(ctx, hh, helene, Debouncer.immediate(), Debouncer.immediate());
        edit2.load();
        assertThat(edit2.firstNameProperty().get()).isEqualTo("Hélène");
        assertThat(edit2.phoneProperty().get()).isEqualTo("06 12 34 56 78");
    }

    @Test
    void cancellingAFormDropsItsDraftAndALatePauseWritesNothing() {
        VisitPlanViewModel vm = new VisitPlanViewModel(fx.ctx, hh, pause);
        vm.purposeProperty().set("Visite");
        vm.discardDraft();
        pause.elapse(); // the autosave scheduled before the cancel
        assertThat(fx.ctx.drafts().load("visit:new:" + hh)).isEmpty();
    }
}
