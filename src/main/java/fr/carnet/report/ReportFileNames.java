package fr.carnet.report;

import java.text.Normalizer;
import java.time.LocalDate;

/**
 * File names a person can find in a folder, ASCII only (they travel by USB stick, e-mail and
 * Windows shares): {@code 2026-11-26_Famille-Lefevre_32e51d6c.pdf}.
 */
public final class ReportFileNames {
    private static final int MAX_LABEL = 60;

    private ReportFileNames() {}

    /** The file of one household's summary: print date, label, first 8 characters of its id. */
    public static String household(LocalDate printedOn, String label, String householdId) {
        String id = householdId == null ? "" : householdId.replaceAll("[^A-Za-z0-9]", "");
        String shortId = id.substring(0, Math.min(8, id.length()));
        return printedOn + "_" + ascii(label, "Menage") + (shortId.isEmpty() ? "" : "_" + shortId) + ".pdf";
    }

    /** The file of a batch in one document: print date and what was selected (« Secteur-Nord »). */
    public static String batch(LocalDate printedOn, String selection) {
        return printedOn + "_" + ascii(selection, "Syntheses") + ".pdf";
    }

    /** {@code text} without accents, every run of other characters one « - », at most 60 characters. */
    public static String ascii(String text, String fallback) {
        if (text == null) return fallback;
        String s = Normalizer.normalize(text.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("Æ", "Ae")
                .replace("ß", "ss"), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LABEL) s = s.substring(0, MAX_LABEL).replaceAll("-+$", "");
        return s.isEmpty() ? fallback : s;
    }
}
