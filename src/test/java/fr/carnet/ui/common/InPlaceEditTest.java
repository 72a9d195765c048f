package fr.carnet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.ActionWho;
import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.Enums.InterventionDomain;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.RecordType;
import fr.carnet.store.ChangeJournal;
import fr.carnet.store.JournalEntry;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.aid.AidViewModel;
import fr.carnet.ui.plan.PlanViewModel;
import fr.carnet.ui.visit.AgendaViewModel;
import fr.carnet.ui.visit.VisitPlanViewModel;
import fr.carnet.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Visits, objectives, actions and aid requests changed in place: the form loads the record, writes
 * only the changed fields through Editor (one journal entry), puts messages under the fields and
 * writes nothing when a value is bad, and shows the record's sync state.
 */
class InPlaceEditTest {
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

    private List<JournalEntry> updates(RecordType t, String id) {
        return fx.store.read(c -> ChangeJournal.forRecord(c, t, id)).stream().filter(e -> e.op().equals("update")).toList();
    }

    private StoredRecord find(RecordType t, String id) {
        return fx.store.read(c -> RecordRepository.find(c, t, id)).orElseThrow();
    }

    @Test
    void aPlannedVisitIsMovedAndItsPurposeChanged() {
        VisitPlanViewModel plan = new VisitPlanViewModel(fx.ctx, hh);
        plan.purposeProperty().set("Point budget");
        AtomicReference<String> id = new AtomicReference<>();
        plan.save(id::set);

        VisitPlanViewModel vm = VisitPlanViewModel.edit(fx.ctx, hh, id.get(), Debouncer.immediate());
        assertThat(vm.editing()).isTrue();
        vm.open();
        assertThat(vm.dateProperty().get()).isEqualTo("27/11/2026");
        assertThat(vm.timeProperty().get()).isEqualTo("10:00");
        assertThat(vm.purposeProperty().get()).isEqualTo("Point budget");
        assertThat(vm.syncStateProperty().get()).isEqualTo(SyncState.PENDING);
        vm.timeProperty().set("14:00");
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isEqualTo(id.get());
        StoredRecord v = find(RecordType.VISIT, id.get());
        assertThat(v.text("plannedAt")).startsWith("2026-11-27T14:00");
        assertThat(v.text("purpose")).isEqualTo("Point budget");
        assertThat(v.text("status")).isEqualTo("PLANNED");
        assertThat(updates(RecordType.VISIT, id.get())).singleElement()
                .satisfies(e -> assertThat(e.patch().fieldNames()).toIterable().containsExactly("plannedAt"));
        assertThat(fx.ctx.drafts().load("visit:edit:" + id.get())).isEmpty();
    }

    @Test
    void aBadDateInAVisitEditStaysUnderTheFieldAndWritesNothing() {
        VisitPlanViewModel plan = new VisitPlanViewModel(fx.ctx, hh);
        AtomicReference<String> id = new AtomicReference<>();
        plan.save(id::set);
        VisitPlanViewModel vm = VisitPlanViewModel.edit(fx.ctx, hh, id.get(), Debouncer.immediate());
        vm.open();
        vm.dateProperty().set("31/02/2026");
        vm.save(x -> { throw new AssertionError("saved"); });
        assertThat(vm.errors().byField()).containsKey("plannedAt");
        assertThat(updates(RecordType.VISIT, id.get())).isEmpty();
    }

    @Test
    void anObjectiveAndAnActionAreChangedInPlace() {
        String planId = fx.plan(hh, "Impayés", "2026-06-01", "2026-12-31");
        PlanViewModel vm = new PlanViewModel(fx.ctx, hh, planId);
        vm.load();
        vm.objDomainProperty().set(InterventionDomain.HOUSING);
        vm.objStatementProperty().set("Résorber la dette");
        vm.addObjective();
        vm.actDescriptionProperty().set("Saisir la commission");
        vm.addAction();
        StoredRecord objective = vm.objectives().get(0);
        StoredRecord action = vm.actions().get(0);

        vm.editObjective(objective);
        assertThat(vm.objEditProperty().get()).isNotNull();
        assertThat(vm.objStatementProperty().get()).isEqualTo("Résorber la dette");
        assertThat(vm.objEditProperty().get().syncStateProperty().get()).isEqualTo(SyncState.PENDING);
        vm.objStatementProperty().set("");
        vm.addObjective();
        assertThat(vm.objErrors().byField()).containsKey("statement");
        vm.objStatementProperty().set("Résorber la dette locative");
        vm.objTargetProperty().set("31/03/2027");
        vm.addObjective();
        assertThat(vm.objErrors().isEmpty()).isTrue();
        assertThat(vm.objEditProperty().get()).isNull(); // back to adding
        assertThat(vm.objStatementProperty().get()).isEmpty();
        assertThat(vm.objectives()).singleElement().satisfies(o -> {
            assertThat(o.text("statement")).isEqualTo("Résorber la dette locative");
            assertThat(o.text("targetDate")).isEqualTo("2027-03-31");
            assertThat(o.text("status")).isEqualTo("OPEN");
        });
        assertThat(updates(RecordType.OBJECTIVE, objective.id())).singleElement()
                .satisfies(e -> assertThat(e.patch().fieldNames()).toIterable().containsExactlyInAnyOrder("statement", "targetDate"));

        vm.editAction(action);
        assertThat(vm.actDescriptionProperty().get()).isEqualTo("Saisir la commission");
        vm.actWhoProperty().set(ActionWho.WORKER);
        vm.actObjectiveProperty().set(vm.objectives().get(0));
        vm.addAction();
        assertThat(vm.actErrors().isEmpty()).isTrue();
        assertThat(vm.actions()).singleElement().satisfies(a -> {
            assertThat(a.text("who")).isEqualTo("WORKER");
            assertThat(a.text("objectiveId")).isEqualTo(objective.id());
            assertThat(a.get("done").asBoolean()).isFalse();
        });
        assertThat(updates(RecordType.ACTION, action.id())).singleElement()
                .satisfies(e -> assertThat(e.patch().fieldNames()).toIterable().containsExactlyInAnyOrder("who", "objectiveId"));
    }

    @Test
    void cancellingAnObjectiveEditWritesNothingAndLeavesTheFormForANewOne() {
        String planId = fx.plan(hh, "Impayés", "2026-06-01", "2026-12-31");
        PlanViewModel vm = new PlanViewModel(fx.ctx, hh, planId);
        vm.load();
        vm.objDomainProperty().set(InterventionDomain.HOUSING);
        vm.objStatementProperty().set("Résorber la dette");
        vm.addObjective();
        StoredRecord objective = vm.objectives().get(0);
        vm.editObjective(objective);
        vm.objStatementProperty().set("Autre chose");
        vm.cancelObjectiveEdit();
        assertThat(vm.objEditProperty().get()).isNull();
        assertThat(vm.objStatementProperty().get()).isEmpty();
        assertThat(updates(RecordType.OBJECTIVE, objective.id())).isEmpty();
        assertThat(fx.ctx.drafts().load("objective:edit:" + objective.id())).isEmpty();
    }

    @Test
    void anAidRequestsAmountAndDecisionAreChangedInPlace() {
        ObjectNode a = Json.object();
        a.put("householdId", hh);
        a.put("kind", "Aide à l’énergie");
        a.put("amountCents", 15_000);
        a.put("requestedOn", "2026-11-20");
        a.put("decision", "PENDING");
        String id = fx.ctx.editor().create(RecordType.AID, a);

        AidViewModel vm = AidViewModel.edit(fx.ctx, hh, id, Debouncer.immediate());
        vm.open();
        assertThat(vm.kindProperty().get()).isEqualTo("Aide à l’énergie");
        assertThat(Formats.current().parseMoney(vm.amountProperty().get())).contains(15_000L);
        assertThat(vm.requestedOnProperty().get()).isEqualTo("20/11/2026");
        vm.amountProperty().set("douze euros");
        vm.save(x -> { throw new AssertionError("saved"); });
        assertThat(vm.errors().byField()).containsKey("amountCents");
        assertThat(updates(RecordType.AID, id)).isEmpty();

        vm.amountProperty().set("180,00");
        vm.decisionProperty().set(AidDecision.GRANTED);
        vm.decidedOnProperty().set("25/11/2026");
        AtomicReference<String> saved = new AtomicReference<>();
        vm.save(saved::set);
        assertThat(saved.get()).isEqualTo(id);
        StoredRecord stored = find(RecordType.AID, id);
        assertThat(stored.get("amountCents").asLong()).isEqualTo(18_000);
        assertThat(stored.text("decision")).isEqualTo("GRANTED");
        assertThat(stored.text("decidedOn")).isEqualTo("2026-11-25");
        assertThat(stored.text("kind")).isEqualTo("Aide à l’énergie");
        assertThat(updates(RecordType.AID, id)).singleElement()
                .satisfies(e -> assertThat(e.patch().fieldNames()).toIterable().containsExactlyInAnyOrder("amountCents", "decision", "decidedOn"));
    }

    @Test
    void theAgendaShowsMyVisitsByDefaultAndAllOnRequest() {
        // a household of another worker (not a referent of mine), with a visit another worker planned
        DeskContext colleague = fx.as(Role.AS);
        ObjectNode h = Json.object();
        h.put("sectorId", fx.worker.sectorId());
        h.put("label", "Famille Martin");
        String other = colleague.editor().create(RecordType.HOUSEHOLD, h);
        new VisitPlanViewModel(colleague, other).save(x -> { });
        // my household, visit planned by the colleague: mine (I am its referent)
        new VisitPlanViewModel(colleague, hh).save(x -> { });
        // the colleague's household, but I planned the visit: mine
        VisitPlanViewModel mineThere = new VisitPlanViewModel(fx.ctx, other);
        mineThere.timeProperty().set("16:00");
        mineThere.save(x -> { });

        AgendaViewModel vm = new AgendaViewModel(fx.ctx);
        assertThat(vm.mineProperty().get()).isTrue();
        vm.load();
        assertThat(vm.items()).extracting(i -> i.householdLabel() + " " + i.visit().text("plannedAt").substring(11, 16))
                .containsExactly("Famille Lefèvre 10:00", "Famille Martin 16:00");
        vm.mineProperty().set(false);
        assertThat(vm.items()).hasSize(3);
        // a secretary keeps everyone's appointments: she starts on all of them
        AgendaViewModel sms = new AgendaViewModel(fx.as(Role.SMS));
        assertThat(sms.mineProperty().get()).isFalse();
        sms.load();
        assertThat(sms.items()).hasSize(3);
    }
}
