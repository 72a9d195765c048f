package fr.carnet.ui.print;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.Role;
import fr.carnet.report.BatchReport.Output;
import fr.carnet.store.AuditLog;
import fr.carnet.ui.DeskFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch of summaries, without the toolkit: scopes, one file or one per household, progress, Stop, audit. */
class BatchViewModelTest {
    @TempDir
    Path dir;
    DeskFixture fx;
    List<String> households = new ArrayList<>();

    @BeforeEach
    void store() {
        fx = new DeskFixture(dir, Role.AS);
        for (String name : List.of("Famille Arnaud", "Famille Benali", "Famille Charpentier")) {
            String h = fx.household(name, "Lille");
            fx.person(h, name.substring(8), "Alex", "1990-01-01", "APPLICANT");
            households.add(h);
        }
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private BatchViewModel vm(List<String> filter) {
        BatchViewModel vm = new BatchViewModel(fx.ctx, () -> filter, Runnable::run, Runnable::run);
        vm.load();
        return vm;
    }

    private static List<Path> pdfs(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    @Test
    void printsAllMyHouseholdsIntoOnePdfWithProgressAndAnExportPerHousehold() throws Exception {
        BatchViewModel vm = vm(List.of());
        assertThat(vm.sectorProperty().get()).isNull(); // the fixture's store has no sector table rows
        vm.start();
        assertThat(vm.messageProperty().get()).isEqualTo("Choisissez un dossier de destination.");
        Path out = dir.resolve("out");
        vm.folderProperty().set(out);
        List<Double> seen = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
        vm.start();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.resultProperty().get().printed()).isEqualTo(3);
        assertThat(seen).contains(1.0);
        assertThat(vm.progressTextProperty().get()).isEqualTo("3 / 3");
        assertThat(vm.messageProperty().get()).isEqualTo("3 synthèse(s) enregistrée(s) dans 1 fichier(s).");
        assertThat(pdfs(out)).hasSize(1);
        String text = PrintViewModelTest.text(pdfs(out).get(0));
        assertThat(text).contains("Famille Arnaud", "Famille Benali", "Famille Charpentier");
        assertThat(fx.store.read(AuditLog::all).stream().filter(e -> e.action() == AuditLog.Action.EXPORT).map(AuditLog.Entry::recordId))
                .containsExactlyInAnyOrderElementsOf(households);
    }

    @Test
    void printsTheCurrentFilterOnePdfPerHousehold() throws Exception {
        BatchViewModel vm = vm(List.of(households.get(0), households.get(2)));
        vm.scopeProperty().set(BatchViewModel.Scope.FILTER);
        vm.outputProperty().set(Output.FILE_PER_HOUSEHOLD);
        vm.folderProperty().set(dir.resolve("each"));
        vm.start();
        assertThat(pdfs(dir.resolve("each"))).extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.startsWith("2026-11-26_Famille-")).hasSize(2);
    }

    @Test
    void stopsWhenCancelledAndSaysHowFarItGot() throws Exception {
        BatchViewModel[] ref = new BatchViewModel[1];
        BatchViewModel vm = new BatchViewModel(fx.ctx, List::of, Runnable::run, r -> {
            r.run();
            // the worker presses Stop as soon as the first summary is done
            if (ref[0] != null && ref[0].progressProperty().get() > 0) ref[0].cancel();
        });
        ref[0] = vm;
        vm.outputProperty().set(Output.FILE_PER_HOUSEHOLD);
        vm.folderProperty().set(dir.resolve("stopped"));
        vm.start();
        assertThat(vm.resultProperty().get().cancelled()).isTrue();
        assertThat(vm.resultProperty().get().printed()).isEqualTo(1);
        assertThat(vm.messageProperty().get()).isEqualTo("Arrêté : 1 synthèse(s) sur 3 enregistrée(s).");
        assertThat(pdfs(dir.resolve("stopped"))).hasSize(1);
        assertThat(fx.store.read(AuditLog::all).stream().filter(e -> e.action() == AuditLog.Action.EXPORT)).hasSize(1);
    }

    @Test
    void anEmptySelectionPrintsNothing() {
        BatchViewModel vm = vm(List.of());
        vm.scopeProperty().set(BatchViewModel.Scope.FILTER);
        vm.folderProperty().set(dir.resolve("none"));
        vm.start();
        assertThat(vm.messageProperty().get()).isEqualTo("Aucun ménage dans cette sélection.");
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
