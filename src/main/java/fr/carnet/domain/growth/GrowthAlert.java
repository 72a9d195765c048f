package fr.carnet.domain.growth;

import fr.carnet.i18n.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * One finding on a child's growth series, to show on the desk.
 *
 * @param key       the bundle key of the French message ({@code growth.alert.*})
 * @param args      the message's arguments: an {@link Indicator} is shown as its name, a
 *                  {@link LocalDate} as a short local date, numbers as the pattern says
 * @param date      the day of the measurement that raised it
 * @param indicator the indicator concerned, or null (weight stagnation is about raw weight)
 * @param severity  how urgent it is
 */
public record GrowthAlert(String key, List<Object> args, LocalDate date, Indicator indicator, Severity severity) {
    /** How urgent a finding is. */
    public enum Severity {
        /** To watch at the next visit (e.g. beyond ±2 SD). */
        WATCH,
        /** To act on / refer (beyond ±3 SD, two lines crossed, no weight gain in a young baby). */
        ALERT
    }

    public GrowthAlert {
        args = List.copyOf(args);
    }

    /** The message in the current locale. */
    public String message() {
        return message(Messages.locale());
    }

    /** The message in {@code locale}. */
    public String message(Locale locale) {
        Object[] a = new Object[args.size()];
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        for (int i = 0; i < a.length; i++) {
            Object o = args.get(i);
            a[i] = switch (o) {
                case Indicator ind -> Messages.get(locale, ind.labelKey());
                case LocalDate d -> dates.format(d);
                default -> o;
            };
        }
        return Messages.get(locale, key, a);
    }
}
