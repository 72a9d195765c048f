package fr.carnet.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every visible string comes from here. The root bundle is French; English is messages_en.
 * Patterns are MessageFormat patterns: French strings use the typographic apostrophe (’),
 * because a plain ' is MessageFormat's escape and would swallow the placeholders.
 */
public final class Messages {
    /** One bundle per area, so that areas can grow their keys apart; keys are unique across all. */
    public static final java.util.List<String> BUNDLES = java.util.List.of(
            "i18n.messages", "i18n.desk", "i18n.sync", "i18n.growth", "i18n.report", "i18n.security");
    // French first, whatever the machine says; the settings (or -Dcarnet.locale=en) choose another.
    private static volatile Locale locale = Locale.forLanguageTag(System.getProperty("carnet.locale", "fr-FR"));

    private Messages() {}

    public static void setLocale(Locale l) {
        locale = l;
    }

    public static Locale locale() {
        return locale;
    }

    /** The bundles of one locale that exist (an area may have none yet). */
    public static java.util.List<ResourceBundle> bundles(Locale l) {
        java.util.List<ResourceBundle> out = new java.util.ArrayList<>();
        for (String name : BUNDLES) {
            try {
                // French is the root bundle: never fall back to the JVM's default locale's bundle.
                out.add(ResourceBundle.getBundle(name, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                // this area has no strings yet
            }
        }
        return out;
    }

    public static String get(String key, Object... args) {
        return get(locale, key, args);
    }

    public static String get(Locale l, String key, Object... args) {
        String pattern = null;
        for (ResourceBundle b : bundles(l)) {
            if (b.containsKey(key)) {
                pattern = b.getString(key);
                break;
            }
        }
        if (pattern == null) return "!" + key + "!";
        if (args.length == 0) return pattern;
        return new MessageFormat(pattern, l).format(args);
    }

    public static boolean has(String key) {
        return bundles(locale).stream().anyMatch(b -> b.containsKey(key));
    }
}
