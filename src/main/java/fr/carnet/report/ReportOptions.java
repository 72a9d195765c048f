package fr.carnet.report;

import fr.carnet.domain.Enums.Role;
import fr.carnet.util.Formats;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * How summaries are printed: for whom (the reader's role and name), in which conventions
 * (fr-FR or fr-CH dates and money; English labels with {@code en}) and when.
 *
 * @param role      the role of the person printing: what it may not read is not printed
 * @param printedBy the display name of the person printing, shown in the header
 * @param locale    labels and formats: fr-FR (default), fr-CH, or en
 * @param zone      the time zone for the times of contacts and visits
 * @param clock     the print date and the document's metadata dates
 */
public record ReportOptions(Role role, String printedBy, Locale locale, ZoneId zone, Clock clock) {
    public ReportOptions {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clock, "clock");
        if (printedBy == null) printedBy = "";
    }

    /** fr-FR, Europe/Paris, now. */
    public static ReportOptions of(Role role, String printedBy) {
        return of(role, printedBy, Formats.FR_FR);
    }

    /** The locale's usual time zone (Europe/Zurich for …-CH, else Europe/Paris), now. */
    public static ReportOptions of(Role role, String printedBy, Locale locale) {
        ZoneId zone = ZoneId.of("CH".equalsIgnoreCase(locale.getCountry()) ? "Europe/Zurich" : "Europe/Paris");
        return new ReportOptions(role, printedBy, locale, zone, Clock.system(zone));
    }

    /** The same options with another clock (tests, reproducible prints). */
    public ReportOptions withClock(Clock c) {
        return new ReportOptions(role, printedBy, locale, zone, c);
    }

    /** The number, date and money formats of the locale. */
    public Formats formats() {
        return Formats.of(locale);
    }

    /** The document language tag for the PDF (fr-FR, fr-CH, en). */
    public String languageTag() {
        return locale.toLanguageTag();
    }
}
