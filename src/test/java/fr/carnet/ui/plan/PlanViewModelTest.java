package fr.carnet.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.PlanStatus;
import fr.carnet.domain.Enums.Rating;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.HouseholdFileQueries;
import fr.carnet.store.RecordRepository;
import fr.carnet.ui.DeskFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanViewModelTest {
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
    void buildsAPiaWithTwoObjectivesEvaluatesRevisesAndClosesIt() {
        PlanViewModel vm = new PlanViewModel(fx.ctx, hh, null);
        vm.diagnosisProperty().set("Impayés de loyer, isolement.");
        vm.strengthsProperty().set("Mobilisée, soutien familial.");
        vm.agreementDateProperty().set("26/11/2026");
        vm.savePlan();
        assertThat(vm.planIdProperty().get()).isNotNull();
        assertThat(vm.statusProperty().get()).isEqualTo(PlanStatus.ACTIVE);

        vm.objDomainProperty().set(InterventionDomain.HOUSING);
        vm.objStatementProperty().set("Résorber la dette locative");
        vm.objCriteriaProperty().set("Plan d’apurement signé");
        vm.objTargetProperty().set("31/03/2027");
        vm.addObjective();
        vm.objDomainProperty().set(InterventionDomain.SOCIAL_RELATIONS);
        vm.objStatementProperty().set("Rompre l’isolement");
        vm.addObjective();
        assertThat(vm.objectives()).hasSize(2);
        assertThat(vm.objErrors().isEmpty()).isTrue();

        vm.actObjectiveProperty().set(vm.objectives().get(0));
        vm.actDescriptionProperty().set("Saisir la commission de surendettement");
        vm.addAction();
        assertThat(vm.actions()).hasSize(1);

        assertThat(vm.evalRows()).hasSize(2);
        vm.evalRows().get(0).rating.set(Rating.PARTLY_MET);
        vm.evalRows().get(0).workerComment.set("Dossier déposé.");
        vm.evalRows().get(0).personView.set("Je me sens soulagée.");
        vm.evalRows().get(1).rating.set(Rating.MET);
        vm.evaluate();
        assertThat(vm.evalErrors().isEmpty()).isTrue();
        assertThat(vm.evaluations()).singleElement().satisfies(e ->
                assertThat(PlanViewModel.ratingOf(e, vm.objectives().get(0).id())).isEqualTo("PARTLY_MET"));
        assertThat(vm.objectives()).extracting(o -> o.text("status")).containsExactly("PARTLY_MET", "MET");

        vm.diagnosisProperty().set("Impayés de loyer résorbés en partie.");
        vm.savePlan();
        assertThat(vm.history()).hasSize(2);
        assertThat(PlanViewModel.describe(vm.history().get(1))).contains("révision").contains("diagnostic");

        vm.close();
        assertThat(vm.closeErrors().byField()).containsKey("closureReason");
        vm.closureReasonProperty().set("Objectifs atteints");
        vm.close();
        assertThat(vm.closeErrors().isEmpty()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo(PlanStatus.CLOSED);
        var stored = fx.store.read(c -> RecordRepository.find(c, RecordType.PLAN, vm.planIdProperty().get())).orElseThrow();
        assertThat(stored.text("closedOn")).isEqualTo("2026-11-26");
        assertThat(stored.text("closureReason")).isEqualTo("Objectifs atteints");
    }

    @Test
    void anEvaluationMustRateAtLeastOneObjective() {
        PlanViewModel vm = new PlanViewModel(fx.ctx, hh, null);
        vm.savePlan();
        vm.objDomainProperty().set(InterventionDomain.HEALTH);
        vm.objStatementProperty().set("Ouvrir les droits santé");
        vm.addObjective();
        vm.evaluate();
        assertThat(vm.evalErrors().byField()).containsKey("progress");
        assertThat(vm.statusProperty().get()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void objectivesNeedADomainAndAStatement() {
        PlanViewModel vm = new PlanViewModel(fx.ctx, hh, null);
        vm.addObjective();
        assertThat(vm.objErrors().generalProperty().get()).contains("d’abord");
        vm.savePlan();
        vm.addObjective();
        assertThat(vm.objErrors().byField()).containsKeys("domain", "statement");
    }

    @Test
    void flagsPlansPastTheirEndOrWithoutARecentEvaluation() {
        String late = fx.plan(hh, "x", "2026-01-01", "2026-10-31");
        var pf = fx.store.read(c -> HouseholdFileQueries.plan(c, late)).orElseThrow();
        PlanViewModel.Flags f = PlanViewModel.Flags.of(pf, fx.ctx.today());
        assertThat(f.pastPlannedEnd()).isTrue();
        assertThat(f.evaluationDue()).isTrue();
        String fresh = fx.plan(hh, "x", "2026-10-01", "2027-04-01");
        pf = fx.store.read(c -> HouseholdFileQueries.plan(c, fresh)).orElseThrow();
        f = PlanViewModel.Flags.of(pf, fx.ctx.today());
        assertThat(f.pastPlannedEnd()).isFalse();
        assertThat(f.evaluationDue()).isFalse();
    }
}
