package fr.carnet.sync;

/**
 * The server answered {@code 401 REVOKED}: this device or its worker was withdrawn from service
 * (docs/decisions/security-002). {@link #finalPushAllowed()} says whether the server still takes
 * this laptop's pending changes, once, before it wipes itself.
 */
public final class RevokedException extends RuntimeException {
    private final boolean finalPushAllowed;

    public RevokedException(boolean finalPushAllowed) {
        super("revoked", null, false, false);
        this.finalPushAllowed = finalPushAllowed;
    }

    public boolean finalPushAllowed() {
        return finalPushAllowed;
    }

    /** Whether an answer is the server's REVOKED (a 401 with that code), as opposed to a bad or expired token. */
    static boolean isRevoked(WireResponse r) {
        if (r.status() != 401) return false;
        try {
            return "REVOKED".equals(r.jsonBody().path("error").asText());
        } catch (RuntimeException e) {
            return false;
        }
    }

    static RevokedException from(WireResponse r) {
        boolean allowed;
        try {
            allowed = r.jsonBody().path("finalPush").asBoolean(false);
        } catch (RuntimeException e) {
            allowed = false;
        }
        return new RevokedException(allowed);
    }
}
