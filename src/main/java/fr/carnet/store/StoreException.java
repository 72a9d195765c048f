package fr.carnet.store;

import fr.carnet.i18n.Messages;

/** A store failure a person can read: the message comes from the bundle and holds no personal data. */
public class StoreException extends RuntimeException {
    private final String key;

    public StoreException(String key, Throwable cause, Object... args) {
        super(Messages.get(key, args), cause);
        this.key = key;
    }

    public StoreException(String key, Object... args) {
        this(key, null, args);
    }

    /** The bundle key, stable for tests and callers that react to the kind of failure. */
    public String key() {
        return key;
    }
}
