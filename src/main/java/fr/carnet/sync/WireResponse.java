package fr.carnet.sync;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carnet.util.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One HTTP response of the sync API: status, headers (lower-case names) and a JSON body. */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {
    public static WireResponse json(int status, JsonNode body) {
        return new WireResponse(status, Map.of("content-type", "application/json"), Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    public static WireResponse json(int status, JsonNode body, Map<String, String> extra) {
        java.util.Map<String, String> h = new java.util.HashMap<>(extra);
        h.put("content-type", "application/json");
        return new WireResponse(status, h, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** The body as JSON (a non-JSON body reads as an empty object). */
    public JsonNode jsonBody() {
        try {
            return Json.read(body);
        } catch (IllegalArgumentException e) {
            return Json.object();
        }
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
