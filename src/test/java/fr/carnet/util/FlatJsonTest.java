package fr.carnet.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FlatJsonTest {
    @Test
    void readsWhatJacksonWritesAndReadsTheSameValues() {
        ObjectNode n = Json.object();
        n.put("format", 1).put("kdf", "PBKDF2WithHmacSHA512").put("iterations", 612_345).put("salt", "q83vEjRWeJq83vEjRWeJqw==");
        n.put("tourSeen", true).put("fontSize", 17).put("serverUrl", "https://carnet.example/api?x=1&y=\"2\"")
                .put("label", "Hélène à l’œil \\ \t\n 🙂").putNull("nothing");
        String text = Json.write(n);
        FlatJson f = FlatJson.parse(text);
        for (String key : new String[] {"format", "kdf", "iterations", "salt", "tourSeen", "fontSize", "serverUrl", "label"}) {
            assertThat(f.text(key, "?")).as(key).isEqualTo(n.path(key).asText("?"));
            assertThat(f.integer(key, -1)).as(key).isEqualTo(n.path(key).asInt(-1));
            assertThat(f.bool(key, false)).as(key).isEqualTo(n.path(key).asBoolean(false));
        }
        assertThat(f.text("nothing", "fallback")).isEqualTo(n.path("nothing").asText("fallback")).isEqualTo("fallback");
        assertThat(f.integer("missing", 14)).isEqualTo(14);
        assertThat(f.has("kdf")).isTrue();
        assertThat(f.has("nothing")).isFalse();
    }

    @Test
    void readsPrettyPrintedTextEscapesAndNumbersInText() {
        FlatJson f = FlatJson.parse("""
                {
                  "a" : "x\\u00e9\\"y\\/z" ,
                  "n" : -12.5e1,
                  "s" : " 42 ",
                  "b" : "true"
                }
                """);
        assertThat(f.text("a", null)).isEqualTo("xé\"y/z");
        assertThat(f.integer("n", 0)).isEqualTo(-125);
        assertThat(f.integer("s", 0)).isEqualTo(42);
        assertThat(f.bool("b", false)).isTrue();
        assertThat(FlatJson.parse("{}").has("a")).isFalse();
    }

    @Test
    void refusesWhatIsNotAFlatObjectSoThatCallersFallBackToJackson() {
        for (String bad : new String[] {"", "[]", "{\"a\":{\"b\":1}}", "{\"a\":[1]}", "{\"a\":1,}", "{\"a\":tru}", "{\"a\":1} x",
                "{\"a\":\"unterminated}", "{\"a\" 1}", "{'a':1}", "{\"a\":\"\\q\"}", "{\"a\":01}"}) {
            assertThatThrownBy(() -> FlatJson.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
