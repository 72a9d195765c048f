package fr.carnet.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.io.IOException;

/** The one JSON mapper: ISO dates as text, offsets kept as written, unknown properties tolerated. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }

    /** {@link #write} as UTF-8 bytes, without the string in between. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }

    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("text is not JSON", e);
        }
    }

    /** UTF-8 JSON bytes (an HTTP body) read without copying them into a String first. */
    public static JsonNode read(byte[] utf8) {
        try {
            JsonNode n = MAPPER.readTree(utf8);
            if (n == null || n.isMissingNode()) throw new IllegalArgumentException("text is not JSON");
            return n;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("text is not JSON", e);
        }
    }

    public static ObjectNode readObject(String text) {
        if (text == null || text.isEmpty()) return object();
        JsonNode n = read(text);
        if (!n.isObject()) throw new IllegalArgumentException("JSON is not an object");
        return (ObjectNode) n;
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("JSON does not fit " + type.getSimpleName(), e);
        }
    }

    public static ObjectNode toObject(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static <T> T readValue(java.nio.file.Path p, Class<T> type) {
        try {
            return MAPPER.readValue(p.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
