package fr.carnet.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.util.Json;

/** A request that ends with an error status and a {@code {"error", "message"}} body. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient ObjectNode extra;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, ObjectNode extra) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.extra = extra;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ObjectNode body() {
        ObjectNode n = Json.object();
        n.put("error", code);
        n.put("message", getMessage());
        if (extra != null) n.setAll(extra);
        return n;
    }

    static ApiException bad(String code, String message) {
        return new ApiException(400, code, message);
    }
}
