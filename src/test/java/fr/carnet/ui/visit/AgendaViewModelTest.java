package fr.carnet.ui.visit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.VisitStatus;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.DeskFixture;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgendaViewModelTest {
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
    void plansAVisitThatShowsInTheWeekThenMarksItDone() {
        VisitPlanViewModel plan = new VisitPlanViewModel(fx.ctx, hh);
        assertThat(plan.dateProperty().get()).isEqualTo("27/11/2026");
        plan.timeProperty().set("14:30");
        plan.purposeProperty().set("Point budget");
        AtomicReference<String> id = new AtomicReference<>();
        plan.save(id::set);
        StoredRecord v = fx.store.read(c -> RecordRepository.find(c, RecordType.VISIT, id.get())).orElseThrow();
        assertThat(v.get("address").get("city").asText()).isEqualTo("Lille");

        AgendaViewModel vm = new AgendaViewModel(fx.ctx);
        vm.load();
        assertThat(vm.weekTitleProperty().get()).isEqualTo("Semaine du 23/11/2026 au 29/11/2026");
        assertThat(vm.items()).singleElement().satisfies(i -> assertThat(i.householdLabel()).isEqualTo("Famille Lefèvre"));
        vm.selectedProperty().set(vm.items().get(0));
        vm.outcomeStatusProperty().set(VisitStatus.DONE);
        vm.observationsProperty().set("Logement humide.");
        vm.nextStepsProperty().set("Signalement au bailleur.");
        vm.complete();
        v = fx.store.read(c -> RecordRepository.find(c, RecordType.VISIT, id.get())).orElseThrow();
        assertThat(v.text("status")).isEqualTo("DONE");
        assertThat(v.text("observations")).isEqualTo("Logement humide.");
        assertThat(v.text("nextSteps")).isEqualTo("Signalement au bailleur.");
        assertThat(vm.selectedProperty().get()).isNotNull();
        vm.nextWeek();
        assertThat(vm.items()).isEmpty();
        vm.thisWeek();
        assertThat(vm.items()).hasSize(1);
    }

    @Test
    void anUnreadableTimeIsShownUnderTheField() {
        VisitPlanViewModel plan = new VisitPlanViewModel(fx.ctx, hh);
        plan.timeProperty().set("vers midi");
        plan.save(x -> { throw new AssertionError(); });
        assertThat(plan.errors().byField()).containsKey("time");
    }

    @Test
    void aSecretaryMarksAVisitAbsentWithoutObservations() {
        VisitPlanViewModel plan = new VisitPlanViewModel(fx.ctx, hh);
        AtomicReference<String> id = new AtomicReference<>();
        plan.save(id::set);
        AgendaViewModel vm = new AgendaViewModel(fx.as(Role.SMS));
        vm.load();
        vm.selectedProperty().set(vm.items().get(0));
        vm.outcomeStatusProperty().set(VisitStatus.ABSENT);
        vm.observationsProperty().set("ne doit pas partir");
        vm.complete();
        assertThat(vm.errors().isEmpty()).isTrue();
        StoredRecord v = fx.store.read(c -> RecordRepository.find(c, RecordType.VISIT, id.get())).orElseThrow();
        assertThat(v.text("status")).isEqualTo("ABSENT");
        assertThat(v.text("observations")).isNull();
    }
}
