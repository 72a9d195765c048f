package fr.carnet.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX thread (a restarted pause transition). */
public final class FxDebouncer implements Debouncer {
    public static final Duration SEARCH_DELAY = Duration.millis(250);
    private final PauseTransition pause;
    private Runnable action;

    public FxDebouncer(Duration delay) {
        pause = new PauseTransition(delay);
        pause.setOnFinished(e -> {
            Runnable a = action;
            action = null;
            if (a != null) a.run();
        });
    }

    @Override
    public void call(Runnable a) {
        action = a;
        pause.playFromStart();
    }
}
