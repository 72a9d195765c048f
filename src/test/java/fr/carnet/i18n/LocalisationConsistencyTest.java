package fr.carnet.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bundle in src/main/resources/i18n, French root against English: no missing or extra key,
 * no key used in code and absent, no unused key, patterns MessageFormat can read with the same
 * placeholders, and no plain apostrophe in French (MessageFormat would eat the placeholders).
 */
class LocalisationConsistencyTest {
    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path SOURCES = Path.of("src/main/java");
    static final Pattern GET_LITERAL = Pattern.compile("Messages\\.get\\(\\s*(?:[A-Za-z_.]+\\s*,\\s*)?\"([A-Za-z0-9_.]+)\"\\s*[,)]");
    static final Pattern DYNAMIC_PREFIX = Pattern.compile("\"([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*\\.)\"\\s*\\+");
    static final Pattern ANY_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)\"");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    static Map<String, Properties> roots = new TreeMap<>();
    static Map<String, Properties> english = new TreeMap<>();
    static String code;

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".properties")) continue;
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                if (name.endsWith("_en.properties")) english.put(name.replace("_en.properties", ""), p);
                else if (!name.contains("_")) roots.put(name.replace(".properties", ""), p);
            }
        }
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) sb.append(Files.readString(f)).append('\n');
        }
        code = sb.toString();
    }

    static Set<String> allKeys() {
        Set<String> keys = new TreeSet<>();
        roots.values().forEach(p -> keys.addAll(p.stringPropertyNames()));
        return keys;
    }

    @Test
    void everyRootBundleHasAnEnglishTwinWithTheSameKeys() {
        assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(roots.keySet());
        for (String b : roots.keySet()) {
            Set<String> fr = roots.get(b).stringPropertyNames();
            Set<String> en = english.get(b).stringPropertyNames();
            assertThat(new TreeSet<>(en)).as("keys of %s_en", b).containsExactlyInAnyOrderElementsOf(new TreeSet<>(fr));
        }
    }

    @Test
    void keysAreUniqueAcrossBundles() {
        List<String> all = new ArrayList<>();
        roots.values().forEach(p -> all.addAll(p.stringPropertyNames()));
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void everyKeyUsedInCodeExists() {
        Set<String> keys = allKeys();
        Set<String> missing = new TreeSet<>();
        Matcher m = GET_LITERAL.matcher(code);
        while (m.find()) if (!keys.contains(m.group(1))) missing.add(m.group(1));
        assertThat(missing).as("keys used in Messages.get but absent from the bundles").isEmpty();
    }

    @Test
    void everyKeyIsUsed() {
        Set<String> literals = new TreeSet<>();
        Matcher m = ANY_LITERAL.matcher(code);
        while (m.find()) literals.add(m.group(1));
        Set<String> prefixes = new TreeSet<>();
        Matcher d = DYNAMIC_PREFIX.matcher(code);
        while (d.find()) prefixes.add(d.group(1));
        Set<String> unused = new TreeSet<>();
        for (String k : allKeys()) {
            if (literals.contains(k)) continue;
            if (prefixes.stream().anyMatch(k::startsWith)) continue;
            unused.add(k);
        }
        assertThat(unused).as("keys no code refers to (literally or through a prefix + name)").isEmpty();
    }

    @Test
    void patternsAreWellFormedAndEnglishKeepsThePlaceholders() {
        for (String b : roots.keySet()) {
            for (String k : roots.get(b).stringPropertyNames()) {
                String fr = roots.get(b).getProperty(k);
                String en = english.get(b).getProperty(k);
                assertThat(parses(fr)).as("French %s is a MessageFormat pattern", k).isTrue();
                if (en == null) continue;
                assertThat(parses(en)).as("English %s is a MessageFormat pattern", k).isTrue();
                assertThat(placeholders(en)).as("placeholders of %s", k).isEqualTo(placeholders(fr));
            }
        }
    }

    @Test
    void frenchUsesTheTypographicApostropheOnly() {
        for (String b : roots.keySet())
            for (String k : roots.get(b).stringPropertyNames())
                assertThat(roots.get(b).getProperty(k)).as("%s in %s", k, b).doesNotContain("'");
    }

    private static boolean parses(String pattern) {
        try {
            new MessageFormat(pattern);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
