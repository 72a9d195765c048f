package fr.carnet.ui.app;

import fr.carnet.i18n.Messages;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The short tour of the main screens after the first unlock: a few cards, « Suivant » or
 * « Passer ». Shown once: finishing or skipping marks it seen in the desk {@link Settings}, which
 * the caller saves (atomically, in the background).
 */
public final class TourViewModel {
    /** One card: a title and a sentence. */
    public record Card(String titleKey, String textKey) {}

    public static final List<Card> CARDS = List.of(
            new Card("desk.tour.caseload.title", "desk.tour.caseload.text"),
            new Card("desk.tour.household.title", "desk.tour.household.text"),
            new Card("desk.tour.sync.title", "desk.tour.sync.text"),
            new Card("desk.tour.lock.title", "desk.tour.lock.text"));

    private final Settings settings;
    private final Consumer<Settings> save;
    private final IntegerProperty index = new SimpleIntegerProperty();
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty text = new SimpleStringProperty();
    private final StringProperty position = new SimpleStringProperty();
    private final BooleanProperty last = new SimpleBooleanProperty();
    private final BooleanProperty open = new SimpleBooleanProperty(true);

    public TourViewModel(Settings settings, Consumer<Settings> save) {
        this.settings = settings;
        this.save = save;
        show(0);
    }

    /** Whether the tour is still to be shown on this desk. */
    public static boolean due(Settings settings) {
        return !settings.tourSeen();
    }

    private void show(int i) {
        index.set(i);
        Card c = CARDS.get(i);
        title.set(Messages.get(c.titleKey()));
        text.set(Messages.get(c.textKey()));
        position.set(Messages.get("desk.tour.position", i + 1, CARDS.size()));
        last.set(i == CARDS.size() - 1);
    }

    /** « Suivant »: the next card, or the end of the tour after the last. */
    public void next() {
        if (!open.get()) return;
        if (index.get() + 1 < CARDS.size()) show(index.get() + 1);
        else finish();
    }

    /** « Passer »: the tour ends now, and is not shown again. */
    public void skip() {
        finish();
    }

    private void finish() {
        if (!open.get()) return;
        open.set(false);
        settings.setTourSeen(true);
        save.accept(settings);
    }

    public IntegerProperty indexProperty() { return index; }
    public StringProperty titleProperty() { return title; }
    public StringProperty textProperty() { return text; }
    public StringProperty positionProperty() { return position; }
    public BooleanProperty lastProperty() { return last; }
    public BooleanProperty openProperty() { return open; }
}
