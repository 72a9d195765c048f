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
    public static final String BUNDLE = "i18n.messages";
    private static volatile Locale locale = Locale.getDefault();

    private Messages() {}

    public static void setLocale(Locale l) {
        locale = l;
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        return bundle(locale);
    }

    public static ResourceBundle bundle(Locale l) {
        // French is the root bundle: never fall back to the JVM's default locale's bundle.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String get(String key, Object... args) {
        return get(locale, key, args);
    }

    public static String get(Locale l, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(l).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) return pattern;
        return new MessageFormat(pattern, l).format(args);
    }

    public static boolean has(String key) {
        return bundle().containsKey(key);
    }
}
