package fr.carnet.sync;

import fr.carnet.i18n.Messages;

/**
 * A sync that stopped before the end. Everything committed so far stays (the journal, the pulled
 * pages and the cursor), so the next sync resumes where this one stopped.
 */
public final class SyncException extends RuntimeException {
    /** The key of a sync stopped because the server withdrew this device or its worker (security-002). */
    public static final String REVOKED = "sync.error.revoked";
    /** The same, when changes could not be sent first (no final push allowed): how many are lost. */
    public static final String REVOKED_UNSENT = "sync.error.revokedUnsent";
    private final String key;
    private final transient Object[] args;

    public SyncException(String key, Throwable cause, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args;
    }

    /** Whether the server withdrew this device or its worker: the laptop must wipe its store. */
    public boolean revoked() {
        return REVOKED.equals(key) || REVOKED_UNSENT.equals(key);
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
