package fr.carnet.ui.common;

import fr.carnet.i18n.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates, numbers and amounts as users in France (fr-FR) and Switzerland (fr-CH) write them. The
 * group separator is U+202F (narrow no-break space); parsing accepts ordinary and no-break spaces
 * too, and rejects anything it cannot read entirely ("12abc" is not 12).
 */
public final class Formats {
    public static final char GROUP = '\u202F';
    private static final char NBSP = '\u00A0';
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u202F\u2009]");

    public enum Region { FR, CH }

    private static volatile Formats current = new Formats(Region.valueOf(System.getProperty("carnet.region", "FR")));

    private final Region region;
    private final DateTimeFormatter date;
    private final List<DateTimeFormatter> dateInputs;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");

    private final fr.carnet.util.Formats shared;

    public Formats(Region region) {
        this.region = region;
        this.shared = fr.carnet.util.Formats.of(region == Region.CH ? fr.carnet.util.Formats.FR_CH : fr.carnet.util.Formats.FR_FR);
        if (region == Region.CH) {
            date = DateTimeFormatter.ofPattern("dd.MM.uu").withResolverStyle(ResolverStyle.STRICT);
            dateInputs = List.of(strict("d.M.uuuu"), strict("d.M.uu"), DateTimeFormatter.ISO_LOCAL_DATE);
        } else {
            date = strict("dd/MM/uuuu");
            dateInputs = List.of(strict("d/M/uuuu"), DateTimeFormatter.ISO_LOCAL_DATE);
        }
    }

    private static DateTimeFormatter strict(String p) {
        return DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT);
    }

    public static Formats current() {
        return current;
    }

    public static void setCurrent(Formats f) {
        current = f;
    }

    public Region region() {
        return region;
    }

    public String currency() {
        return region == Region.CH ? "CHF" : "€";
    }

    public String date(LocalDate d) {
        return d == null ? "" : date.format(d);
    }

    /** An ISO date (YYYY-MM-DD) as the user reads it; "" for null or unreadable. */
    public String isoDate(String iso) {
        if (iso == null || iso.isBlank()) return "";
        try {
            return date(LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public String dateTime(OffsetDateTime t) {
        if (t == null) return "";
        var local = t.atZoneSameInstant(ZoneId.systemDefault());
        return date.format(local) + " " + time.format(local);
    }

    public String time(OffsetDateTime t) {
        return t == null ? "" : time.format(t.atZoneSameInstant(ZoneId.systemDefault()));
    }

    public String isoDateTime(String iso) {
        if (iso == null || iso.isBlank()) return "";
        try {
            return dateTime(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** Reads a date as typed (fr-FR 14/03/2026, fr-CH 14.03.26, or ISO); empty if it is not one. */
    public Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.strip();
        for (DateTimeFormatter f : dateInputs) {
            try {
                LocalDate d = LocalDate.parse(t, f);
                // A two-digit year means this century (birth dates are typed with four digits).
                return Optional.of(d);
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return Optional.empty();
    }

    /** The pattern hint shown as prompt text in date fields. */
    public String datePrompt() {
        return Messages.get(region == Region.CH ? "desk.format.datePromptCh" : "desk.format.datePrompt");
    }

    /** An integer with U+202F between groups of three (the shared {@link fr.carnet.util.Formats}). */
    public String integer(long n) {
        return shared.integer(n);
    }

    /** A decimal number with the locale's comma and the given number of decimals. */
    public String decimal(double v, int decimals) {
        return shared.decimal(v, decimals);
    }

    /** An amount in cents: "1 234,56 €" in France, "1 234.56 CHF" in Switzerland (decimal point). */
    public String money(long cents) {
        return shared.money(cents);
    }

    /**
     * Reads an amount typed by a person into cents. Accepts spaces of any kind between groups, a
     * comma or a point before at most two decimals, and the currency after; rejects anything else.
     */
    public Optional<Long> parseMoney(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        if (t.endsWith(currency())) t = t.substring(0, t.length() - currency().length());
        else if (t.endsWith("€") && region == Region.FR) t = t.substring(0, t.length() - 1);
        t = SPACES.matcher(t).replaceAll("");
        if (!t.matches("\\d{1,12}([.,]\\d{1,2})?")) return Optional.empty();
        String[] parts = t.split("[.,]");
        long units = Long.parseLong(parts[0]);
        long cents = parts.length == 1 ? 0 : Long.parseLong(parts[1].length() == 1 ? parts[1] + "0" : parts[1]);
        return Optional.of(units * 100 + cents);
    }

    /** A whole number typed by a person (spaces between groups allowed); empty if not entirely one. */
    public Optional<Long> parseInteger(String text) {
        if (text == null) return Optional.empty();
        String t = SPACES.matcher(text.strip()).replaceAll("");
        if (!t.matches("\\d{1,15}")) return Optional.empty();
        return Optional.of(Long.parseLong(t));
    }

    /** An age as shown beside a name: "8 mois" under two years, "3 ans" after. */
    public static String age(LocalDate birth, LocalDate today) {
        if (birth == null) return "";
        Period p = Period.between(birth, today);
        if (p.isNegative()) return "";
        if (p.getYears() < 2) return Messages.get("desk.age.months", p.getYears() * 12 + p.getMonths());
        return Messages.get("desk.age.years", p.getYears());
    }
}
