package fr.carnet.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.i18n.Messages;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour without the toolkit: four cards, Suivant / Passer, and shown once (remembered in the settings file). */
class TourViewModelTest {
    @TempDir Path dir;

    @Test
    void nextWalksTheCardsThenTheTourIsSeenAndNotShownAgain() {
        Path file = dir.resolve("desk-settings.json");
        Settings settings = Settings.load(file);
        assertThat(TourViewModel.due(settings)).isTrue();
        AtomicInteger saves = new AtomicInteger();
        TourViewModel tour = new TourViewModel(settings, s -> {
            saves.incrementAndGet();
            s.save(file);
        });
        assertThat(tour.titleProperty().get()).isEqualTo(Messages.get("desk.tour.caseload.title"));
        tour.next();
        assertThat(tour.titleProperty().get()).isEqualTo(Messages.get("desk.tour.household.title"));
        tour.next();
        assertThat(tour.titleProperty().get()).isEqualTo(Messages.get("desk.tour.sync.title"));
        tour.next();
        assertThat(tour.titleProperty().get()).isEqualTo(Messages.get("desk.tour.lock.title"));
        assertThat(tour.lastProperty().get()).isTrue();
        assertThat(tour.openProperty().get()).isTrue();
        assertThat(saves).hasValue(0);
        tour.next();
        assertThat(tour.openProperty().get()).isFalse();
        assertThat(saves).hasValue(1);
        tour.next();
        assertThat(saves).hasValue(1);
        assertThat(TourViewModel.due(Settings.load(file))).isFalse();
    }

    @Test
    void skippingEndsTheTourAtOnceAndForGood() {
        Path file = dir.resolve("desk-settings.json");
        Settings settings = Settings.load(file);
        settings.setServer("https://carnet.example.fr", "as.martin");
        TourViewModel tour = new TourViewModel(settings, s -> s.save(file));
        tour.skip();
        assertThat(tour.openProperty().get()).isFalse();
        Settings again = Settings.load(file);
        assertThat(TourViewModel.due(again)).isFalse();
        // The other settings survive the round trip.
        assertThat(again.serverUrl()).isEqualTo("https://carnet.example.fr");
        assertThat(again.serverLogin()).isEqualTo("as.martin");
    }
}
