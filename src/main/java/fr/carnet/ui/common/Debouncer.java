package fr.carnet.ui.common;

/** Runs an action once typing has paused: the FX implementation waits ~250 ms, tests run at once. */
public interface Debouncer {
    /** Schedules the action, replacing one scheduled before that has not run yet. */
    void call(Runnable action);

    static Debouncer immediate() {
        return Runnable::run;
    }
}
