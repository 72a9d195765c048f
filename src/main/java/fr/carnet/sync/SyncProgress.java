package fr.carnet.sync;

/** Progress of a running sync, for a progress bar; called on the sync's thread. */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (phase, sent, received) -> { };

    /**
     * @param phaseKey the bundle key of the phase ({@code sync.phase.push}, …)
     * @param sent     changes sent so far
     * @param received changes received so far
     */
    void progress(String phaseKey, int sent, int received);
}
