package fr.carnet.ui.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.dataset.Importer;
import fr.carnet.report.indicators.IndicatorService;
import fr.carnet.report.indicators.IndicatorSettings;
import fr.carnet.report.indicators.TeamIndicators;
import fr.carnet.store.Store;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's screen over the sample team: the ViewModel without the toolkit, then a Headless snapshot. */
class SupervisorViewTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 11, 26, 10, 0, 0, 0, PARIS).toInstant(), PARIS);
    @TempDir
    static Path dir;
    static Store store;
    static TeamIndicators team;

    @BeforeAll
    static void sampleTeam() {
        store = Store.create(dir.resolve("sup.db"), "supervisor-passphrase".toCharArray(), CLOCK);
        Importer.importDir(store, Path.of("sample-data"), Importer.Origin.REFERENCE, null);
        team = store.read(ctx -> IndicatorService.compute(ctx, null, LocalDate.now(CLOCK), IndicatorSettings.defaults()));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void theViewModelFormatsFiguresWithTheirReferencesWithoutTheToolkit() {
        SupervisorViewModel vm = new SupervisorViewModel(() -> team, Runnable::run, Runnable::run, Locale.forLanguageTag("fr-FR"));
        vm.refresh();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(team.workers().size());
        SupervisorViewModel.Row martin = vm.rows().stream().filter(r -> r.name().equals("Claire Martin")).findFirst().orElseThrow();
        assertThat(martin.accompaniments()).matches("\\d+ \\(réf\\. 20\\)");
        assertThat(martin.reception()).matches("(\\d+\u202F%|—) \\(réf\\. 40–50\u202F%\\)");
        SupervisorViewModel.Row bernard = vm.rows().stream().filter(r -> r.name().equals("Julien Bernard")).findFirst().orElseThrow();
        assertThat(bernard.accompaniments()).endsWith("(réf. 16)"); // 0.8 FTE
        assertThat(vm.loads()).anySatisfy(l -> assertThat(l.reference()).isNull()); // no reference for the SMS or the nurse
        assertThat(vm.splits()).allSatisfy(s -> {
            double sum = s.reception() + s.accompaniment() + s.collective();
            assertThat(sum == 0 || Math.abs(sum - 100) < 1e-6).isTrue();
        });
        assertThat(vm.statusProperty().get()).startsWith("Au 26 novembre 2026 : 0 conflit(s)");
    }

    @Test
    void aFailingComputationShowsAMessage() {
        SupervisorViewModel vm = new SupervisorViewModel(() -> {
            throw new IllegalStateException("boom");
        }, Runnable::run, Runnable::run, Locale.forLanguageTag("fr-FR"));
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEqualTo("Les indicateurs n’ont pas pu être calculés.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void snapshotsTheViewHeadless() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyStarted) {
            started.countDown();
        }
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<BufferedImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                SupervisorViewModel vm = new SupervisorViewModel(() -> team, Runnable::run, Runnable::run, Locale.forLanguageTag("fr-FR"));
                SupervisorView view = new SupervisorView(vm);
                vm.refresh();
                Scene scene = new Scene(view, 1400, 900);
                view.applyCss();
                view.layout();
                WritableImage img = scene.snapshot(null);
                shot.complete(SwingFXUtils.fromFXImage(img, null));
                view.dispose();
            } catch (Throwable t) {
                shot.completeExceptionally(t);
            }
        });
        BufferedImage img = shot.get(60, TimeUnit.SECONDS);
        Path out = Path.of("target/supervisor.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        assertThat(img.getWidth()).isEqualTo(1400);
    }

    @Test
    void snapshotsTheReferencesPanelAndTheSectorChooserHeadless() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyStarted) {
            started.countDown();
        }
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        SupervisorTeam twoSectors = new SupervisorTeam() {
            @Override
            public java.util.List<Sector> sectors() {
                return java.util.List.of(new Sector("n", "Nord"), new Sector("s", "Sud"));
            }

            @Override
            public IndicatorSettings settings() {
                return IndicatorSettings.defaults();
            }

            @Override
            public void save(IndicatorSettings s) {
                throw new AssertionError("bad input must not be saved");
            }

            @Override
            public TeamIndicators compute(java.util.Collection<String> ids, IndicatorSettings s) {
                return team;
            }
        };
        CompletableFuture<BufferedImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                SupervisorViewModel vm = new SupervisorViewModel(twoSectors, Runnable::run, Runnable::run, Locale.forLanguageTag("fr-FR"));
                SupervisorView view = new SupervisorView(vm);
                vm.load();
                vm.field(SupervisorViewModel.Ref.ACCOMPANIMENTS_PER_FTE).textProperty().set("vingt");
                vm.field(SupervisorViewModel.Ref.COLLECTIVE_AS_LOW).textProperty().set("30");
                vm.saveReferences();
                ((javafx.scene.control.TitledPane) view.lookup("#team-references")).setExpanded(true);
                Scene scene = new Scene(view, 1400, 1400);
                view.applyCss();
                view.layout();
                WritableImage img = scene.snapshot(null);
                shot.complete(SwingFXUtils.fromFXImage(img, null));
                view.dispose();
            } catch (Throwable t) {
                shot.completeExceptionally(t);
            }
        });
        BufferedImage img = shot.get(60, TimeUnit.SECONDS);
        Path out = Path.of("target/supervisor-references.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
        assertThat(img.getHeight()).isEqualTo(1400);
    }
}
