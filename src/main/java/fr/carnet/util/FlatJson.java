package fr.carnet.util;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a small JSON object whose values are all scalars (strings, numbers, booleans, null), as
 * the store's key parameters and the desk's settings are written, without loading Jackson: the
 * unlock screen and the key derivation do not wait for it in a cold JVM. Anything else (a nested
 * object or array, a syntax error) is refused with {@link IllegalArgumentException}; callers then
 * read the file with {@link Json}, so a file that Jackson reads is still read.
 */
public final class FlatJson {
    /** The value's text as written (strings unescaped; numbers and literals as they appear); null for JSON null. */
    private final Map<String, String> values;
    private final Map<String, Boolean> quoted;

    private FlatJson(Map<String, String> values, Map<String, Boolean> quoted) {
        this.values = values;
        this.quoted = quoted;
    }

    public static FlatJson parse(String text) {
        return new Parser(text).object();
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** Like Jackson's {@code path(key).asText(fallback)}: the text of a scalar, {@code fallback} when missing or null. */
    public String text(String key, String fallback) {
        String v = values.get(key);
        return v == null ? fallback : v;
    }

    /** Like Jackson's {@code path(key).asInt(fallback)}: a number (truncated) or a string holding an integer, else {@code fallback}. */
    public int integer(String key, int fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        if (!quoted.get(key)) {
            if (v.equals("true")) return 1;
            if (v.equals("false")) return 0;
            try {
                return (int) Double.parseDouble(v);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Like Jackson's {@code path(key).asBoolean(fallback)}: true/false, a number (non-zero is true), "true"/"false". */
    public boolean bool(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null) return fallback;
        String t = v.strip();
        if (t.equals("true")) return true;
        if (t.equals("false")) return false;
        if (!quoted.get(key)) {
            try {
                return Double.parseDouble(t) != 0;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s == null ? "" : s;
        }

        FlatJson object() {
            Map<String, String> values = new HashMap<>();
            Map<String, Boolean> quoted = new HashMap<>();
            space();
            expect('{');
            space();
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    space();
                    char c = peek();
                    if (c == '"') {
                        values.put(key, string());
                        quoted.put(key, true);
                    } else if (c == '{' || c == '[') {
                        throw new IllegalArgumentException("not a flat object");
                    } else {
                        int start = i;
                        while (i < s.length() && ",} \t\r\n".indexOf(s.charAt(i)) < 0) i++;
                        String literal = s.substring(start, i);
                        if (!literal.equals("null") && !literal.equals("true") && !literal.equals("false")
                                && !literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"))
                            throw new IllegalArgumentException("not a JSON value");
                        values.put(key, literal.equals("null") ? null : literal);
                        quoted.put(key, false);
                    }
                    space();
                    char next = next();
                    if (next == '}') break;
                    if (next != ',') throw new IllegalArgumentException("expected , or }");
                }
            }
            space();
            if (i != s.length()) throw new IllegalArgumentException("text after the object");
            return new FlatJson(values, quoted);
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') return b.toString();
                if (c < 0x20) throw new IllegalArgumentException("control character in a string");
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw new IllegalArgumentException("bad escape");
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape");
                }
            }
        }

        private void space() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
        }

        private char peek() {
            if (i >= s.length()) throw new IllegalArgumentException("unexpected end");
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) throw new IllegalArgumentException("expected " + c);
        }
    }
}
