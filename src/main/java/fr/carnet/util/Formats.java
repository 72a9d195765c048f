package fr.carnet.util;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Dates, numbers and money as people in France (fr-FR) and French-speaking Switzerland (fr-CH)
 * write them. Plain Java (no JavaFX), usable by reports, the CLI and the UI alike.
 * <ul>
 *   <li>fr-FR: {@code 26/11/2026}, {@code 1 234,50 €} (group separator U+202F, U+00A0 before €);</li>
 *   <li>fr-CH: {@code 26.11.26}, {@code 1 234.50 CHF} (CHF amounts use a decimal point).</li>
 * </ul>
 * Parsing accepts ordinary, no-break and narrow no-break spaces as group separators and rejects
 * partial parses ("12abc" is not 12).
 */
public final class Formats {
    /** U+202F NARROW NO-BREAK SPACE: the French group separator. */
    public static final char NNBSP = '\u202F';
    /** U+00A0 NO-BREAK SPACE: between an amount and its currency. */
    public static final char NBSP = '\u00A0';

    /** France. */
    public static final Locale FR_FR = Locale.forLanguageTag("fr-FR");
    /** French-speaking Switzerland. */
    public static final Locale FR_CH = Locale.forLanguageTag("fr-CH");

    private final Locale locale;
    private final boolean swiss;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter time;

    private Formats(Locale locale) {
        this.locale = locale;
        this.swiss = "CH".equalsIgnoreCase(locale.getCountry());
        Locale text = Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? locale : Locale.ENGLISH;
        this.shortDate = DateTimeFormatter.ofPattern(swiss ? "dd.MM.yy" : "dd/MM/yyyy", text);
        this.longDate = DateTimeFormatter.ofPattern("d MMMM yyyy", text);
        this.time = DateTimeFormatter.ofPattern("HH:mm", text);
    }

    /** The formats of {@code locale}: Swiss conventions for any …-CH locale, French ones otherwise. */
    public static Formats of(Locale locale) {
        return new Formats(Objects.requireNonNull(locale, "locale"));
    }

    public Locale locale() {
        return locale;
    }

    /** Whether this follows the Swiss conventions (two-digit years, CHF). */
    public boolean swiss() {
        return swiss;
    }

    /** {@code 26/11/2026} (fr-FR) or {@code 26.11.26} (fr-CH); empty for null. */
    public String date(LocalDate d) {
        return d == null ? "" : shortDate.format(d);
    }

    /** {@code 26 novembre 2026}; empty for null. */
    public String longDate(LocalDate d) {
        return d == null ? "" : longDate.format(d);
    }

    /** The date and the time of day in {@code zone}: {@code 26/11/2026 14:30}; empty for null. */
    public String dateTime(OffsetDateTime t, ZoneId zone) {
        if (t == null) return "";
        var local = t.atZoneSameInstant(zone);
        return shortDate.format(local) + " " + time.format(local);
    }

    /** A whole number with narrow no-break spaces between groups: {@code 12 345}. */
    public String integer(long n) {
        return decimal(BigDecimal.valueOf(n), 0);
    }

    /** A number with {@code fractionDigits} decimals, French decimal comma: {@code 1 234,5}. */
    public String decimal(double v, int fractionDigits) {
        return decimal(BigDecimal.valueOf(v), fractionDigits);
    }

    private String decimal(BigDecimal v, int fractionDigits) {
        return numberFormat(',', fractionDigits).format(v.setScale(fractionDigits, RoundingMode.HALF_EVEN));
    }

    /** A percentage without decimals: {@code 45 %} (with a narrow no-break space). */
    public String percent(double ratio) {
        return decimal(ratio * 100, 0) + NNBSP + "%";
    }

    /** The local currency's code: EUR or CHF. */
    public String currency() {
        return swiss ? "CHF" : "EUR";
    }

    /** An amount in cents of the local currency: {@code 1 234,50 €} or {@code 1 234.50 CHF}. */
    public String money(long cents) {
        String n = numberFormat(swiss ? '.' : ',', 2).format(BigDecimal.valueOf(cents, 2));
        return n + NBSP + (swiss ? "CHF" : "€");
    }

    /**
     * Reads an amount typed by a person ({@code 1 234,50}, {@code 1234.5 €}, {@code 1 234.50 CHF})
     * into cents; empty when the text is not entirely an amount (partial parses are refused).
     */
    public OptionalLong parseMoney(String text) {
        if (text == null) return OptionalLong.empty();
        String s = text.strip();
        for (String sym : new String[] {"€", "EUR", "CHF", "Fr.", "fr."}) {
            if (s.endsWith(sym)) s = s.substring(0, s.length() - sym.length()).strip();
            if (s.startsWith(sym)) s = s.substring(sym.length()).strip();
        }
        s = s.replace(" ", "").replace(String.valueOf(NBSP), "").replace(String.valueOf(NNBSP), "");
        if (swiss) s = s.replace("'", "").replace("’", "");
        if (s.isEmpty()) return OptionalLong.empty();
        // Either separator may mark the decimals; only one of them, once.
        int comma = s.indexOf(','), dot = s.indexOf('.');
        if (comma >= 0 && dot >= 0) return OptionalLong.empty();
        s = s.replace(',', '.');
        if (s.indexOf('.') != s.lastIndexOf('.')) return OptionalLong.empty();
        if (!s.matches("-?\\d+(\\.\\d{1,2})?")) return OptionalLong.empty();
        try {
            return OptionalLong.of(new BigDecimal(s).movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** Reads a decimal number ({@code 3,25} or {@code 3.25}, with group spaces); empty unless it all parses. */
    public java.util.OptionalDouble parseDecimal(String text) {
        if (text == null) return java.util.OptionalDouble.empty();
        String s = text.strip().replace(" ", "").replace(String.valueOf(NBSP), "").replace(String.valueOf(NNBSP), "");
        if (s.isEmpty()) return java.util.OptionalDouble.empty();
        s = s.replace('-', '−'); // the formats write U+2212; people type a hyphen
        DecimalFormat f = numberFormat(s.indexOf(',') >= 0 ? ',' : '.', 6);
        f.setGroupingUsed(false);
        ParsePosition pos = new ParsePosition(0);
        Number n = f.parse(s, pos);
        if (n == null || pos.getIndex() != s.length()) return java.util.OptionalDouble.empty();
        return java.util.OptionalDouble.of(n.doubleValue());
    }

    private static DecimalFormat numberFormat(char decimalSeparator, int fractionDigits) {
        DecimalFormatSymbols sym = new DecimalFormatSymbols(Locale.ROOT);
        sym.setGroupingSeparator(NNBSP);
        sym.setDecimalSeparator(decimalSeparator);
        sym.setMinusSign('−');
        DecimalFormat f = new DecimalFormat("#,##0", sym);
        f.setMinimumFractionDigits(fractionDigits);
        f.setMaximumFractionDigits(fractionDigits);
        f.setParseBigDecimal(true);
        return f;
    }
}
