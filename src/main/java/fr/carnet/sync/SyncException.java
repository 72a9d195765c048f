package fr.carnet.sync;

import fr.carnet.i18n.Messages;

/**
 * A sync that stopped before the end. Everything committed so far stays (the journal, the pulled
 * pages and the cursor), so the next sync resumes where this one stopped.
 */
public final class SyncException extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    public SyncException(String key, Throwable cause, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args;
    }

    /** The message key in the sync bundle. */
    public String key() {
        return key;
    }

    /** The message for the user, in the current locale. */
    @Override
    public String getLocalizedMessage() {
        return Messages.get(key, args);
    }
}
