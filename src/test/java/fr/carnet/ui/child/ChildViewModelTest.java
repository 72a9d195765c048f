package fr.carnet.ui.child;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.ScreeningArea;
import fr.carnet.domain.Enums.ScreeningResult;
import fr.carnet.domain.RecordType;
import fr.carnet.domain.growth.Indicator;
import fr.carnet.store.AuditLog;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.DeskFixture;
import fr.carnet.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child panel's logic, on a real store, without the toolkit (background work runs inline). */
public class ChildViewModelTest {
    @TempDir
    Path dir;
    DeskFixture fx;
    String household;

    @BeforeEach
    void store() {
        fx = new DeskFixture(dir, Role.PUERICULTRICE);
        household = fx.household("Famille Benali", "Lille");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** A child of this household; the fixture's today is 26/11/2026. */
    public static String child(DeskFixture fx, String household, String first, String birth, String sex) {
        ObjectNode p = Json.object();
        p.put("householdId", household);
        p.put("lastName", "Benali");
        p.put("firstName", first);
        p.put("birthDate", birth);
        p.put("sex", sex);
        p.put("relationship", "CHILD");
        return fx.ctx.editor().create(RecordType.PERSON, p);
    }

    private List<StoredRecord> measurements(String child) {
        return fx.store.read(c -> RecordRepository.children(c, RecordType.MEASUREMENT, List.of(child)));
    }

    /** Enters the three weighings of a baby girl whose weight falls from the median to below −2 SD. */
    static void fallingWeight(ChildViewModel vm) {
        for (String[] m : new String[][] {{"01/07/2026", "4,2"}, {"01/08/2026", "5,1"}, {"01/10/2026", "4,9"}}) {
            vm.dateProperty().set(m[0]);
            vm.weightProperty().set(m[1]);
            vm.save(null);
            assertThat(vm.errors().byField()).as("errors after %s", m[0]).isEmpty();
        }
    }

    @Test
    void showsTheAgeInDaysMonthsAndYears() {
        ChildViewModel vm = new ChildViewModel(fx.ctx, child(fx, household, "Inès", "2024-11-26", "F"));
        vm.load();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.nameProperty().get()).isEqualTo("Inès Benali");
        assertThat(vm.ageTextProperty().get()).startsWith("730 jours · 24 mois · 2 an(s) — né(e) le 26/11/2024");
        assertThat(vm.guideTitleProperty().get()).isEqualTo("À surveiller — Examen du 24e mois");
        assertThat(vm.guide()).extracting(ChildViewModel.GuideRow::area).contains("Langage", "Motricité");
    }

    @Test
    void switchesFromLengthToHeightAtTwoYearsOnTheMeasurementDate() {
        String id = child(fx, household, "Inès", "2024-11-20", "F");
        ChildViewModel vm = new ChildViewModel(fx.ctx, id);
        vm.load();
        // today the child is 736 days old: standing height
        assertThat(vm.lengthExpectedProperty().get()).isFalse();
        assertThat(vm.statureLabelProperty().get()).isEqualTo("_Taille debout (cm)");
        vm.dateProperty().set("19/11/2026"); // 729 days: still lying down
        assertThat(vm.lengthExpectedProperty().get()).isTrue();
        assertThat(vm.statureLabelProperty().get()).isEqualTo("_Taille couchée (cm)");
        vm.statureProperty().set("86,5");
        vm.weightProperty().set("11,8");
        vm.save(null);
        assertThat(vm.errors().byField()).isEmpty();
        vm.dateProperty().set("21/11/2026"); // 731 days: standing
        assertThat(vm.lengthExpectedProperty().get()).isFalse();
        vm.statureProperty().set("86");
        vm.save(null);
        assertThat(measurements(id)).extracting(m -> m.get("lengthCm") == null ? null : m.get("lengthCm").asDouble(),
                m -> m.get("heightCm") == null ? null : m.get("heightCm").asDouble()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(86.5, null), org.assertj.core.groups.Tuple.tuple(null, 86.0));
        assertThat(vm.measurements()).extracting(ChildViewModel.MeasurementRow::stature).containsExactly("86,0 (debout)", "86,5 (couché)");
    }

    @Test
    void refusesAnImplausibleWeightWithTheMessageUnderTheField() {
        String id = child(fx, household, "Yanis", "2026-05-26", "M");
        ChildViewModel vm = new ChildViewModel(fx.ctx, id);
        vm.load();
        vm.weightProperty().set("25"); // six months old: z far above +5
        vm.save(null);
        assertThat(vm.errors().byField()).containsKey("weightKg");
        assertThat(vm.errors().byField().get("weightKg")).startsWith("Poids très improbable pour l’âge");
        vm.weightProperty().set("7,9");
        vm.statureProperty().set("300"); // no child is 3 m long
        vm.save(null);
        assertThat(vm.errors().byField()).containsOnlyKeys(ChildViewModel.STATURE);
        vm.statureProperty().set("67,5");
        vm.headProperty().set("abc");
        vm.save(null);
        assertThat(vm.errors().byField()).containsEntry("headCm", "Nombre attendu, par exemple 7,45.");
        assertThat(measurements(id)).isEmpty();
        vm.headProperty().set("43,2");
        vm.save(null);
        assertThat(vm.errors().byField()).isEmpty();
        assertThat(measurements(id)).hasSize(1);
        assertThat(vm.measurements().get(0).weight()).isEqualTo("7,900");
        assertThat(vm.measurements().get(0).zWeight()).matches("[+\u2212]?\\d,\\d");
        assertThat(vm.weightProperty().get()).isEmpty(); // the form is ready for the next child
    }

    @Test
    void listsTheAlertsOfAWeightFallingAcrossTwoLines() {
        String id = child(fx, household, "Lina", "2026-06-01", "F");
        ChildViewModel vm = new ChildViewModel(fx.ctx, id);
        vm.load();
        assertThat(vm.alerts()).isEmpty();
        fallingWeight(vm);
        assertThat(vm.measurements()).hasSize(3);
        assertThat(vm.chartProperty().get().points()).hasSize(3);
        assertThat(vm.alerts()).anySatisfy(a -> {
            assertThat(a.message()).contains("franchit 2 courbes vers le bas");
            assertThat(a.urgent()).isTrue();
        });
        vm.indicatorProperty().set(Indicator.HEAD_FOR_AGE);
        assertThat(vm.chartProperty().get().indicator()).isEqualTo(Indicator.HEAD_FOR_AGE);
        assertThat(vm.chartProperty().get().points()).isEmpty();
    }

    @Test
    void savesAScreeningAndExportsTheChartWithAnAuditEntry() throws Exception {
        String id = child(fx, household, "Lina", "2026-06-01", "F");
        ChildViewModel vm = new ChildViewModel(fx.ctx, id);
        vm.load();
        vm.saveScreening(null);
        assertThat(vm.screeningErrors().byField()).containsKeys("area", "result");
        vm.screeningAreaProperty().set(ScreeningArea.MOTOR);
        vm.screeningResultProperty().set(ScreeningResult.TO_WATCH);
        vm.screeningNotesProperty().set("Tient mal sa tête");
        vm.saveScreening(null);
        assertThat(vm.screenings()).singleElement().satisfies(s -> {
            assertThat(s.area()).isEqualTo("Motricité");
            assertThat(s.result()).isEqualTo("À surveiller");
        });
        fallingWeight(vm);
        Path png = dir.resolve("courbe.png");
        vm.exportChart(png, null);
        assertThat(Files.size(png)).isGreaterThan(10_000);
        assertThat(fx.store.read(AuditLog::all)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditLog.Action.EXPORT);
            assertThat(e.recordId()).isEqualTo(id);
        });
    }

    @Test
    void aSecretaryLoadsNothing() {
        String id = child(fx, household, "Lina", "2026-06-01", "F");
        ChildViewModel vm = new ChildViewModel(fx.as(Role.SMS), id);
        vm.load();
        assertThat(vm.loadedProperty().get()).isFalse();
        assertThat(vm.nameProperty().get()).isEmpty();
    }
}
