package fr.carnet.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a person typed into an FTS5 MATCH expression: every word becomes a quoted prefix
 * ({@code "hel"*}), words are ANDed. Quotes and operators typed by the user are never passed
 * through, so no input can break the query. The tables strip diacritics, so "helene" finds Hélène.
 */
public final class FtsQuery {
    private FtsQuery() {}

    /** The words of the text (letters and digits), lower-cased; empty when nothing searchable was typed. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        String n = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) cur.appendCodePoint(cp);
            else if (!cur.isEmpty()) { out.add(cur.toString()); cur.setLength(0); }
            i += Character.charCount(cp);
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }

    /** The MATCH expression for these words, or null when there is nothing to search. */
    public static String prefixes(String text) {
        List<String> t = tokens(text);
        if (t.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (String s : t) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append('"').append(s).append("\"*");
        }
        return sb.toString();
    }
}
