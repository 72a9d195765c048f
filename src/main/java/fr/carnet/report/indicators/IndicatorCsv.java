package fr.carnet.report.indicators;

import fr.carnet.i18n.Messages;
import fr.carnet.report.indicators.IndicatorSettings.Range;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The team's indicators as a CSV file that French Excel opens as it is: UTF-8 with a byte-order
 * mark, {@code ;} between fields, decimal commas, CRLF line ends, one line per worker. References
 * are in their own columns, next to the figures they qualify.
 */
public final class IndicatorCsv {
    private IndicatorCsv() {}

    /** Writes {@code team} to {@code file}. */
    public static void write(TeamIndicators team, Locale locale, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(team, locale, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }

    /** Writes {@code team} to {@code out} (not closed). */
    public static void write(TeamIndicators team, Locale locale, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<String> head = new ArrayList<>();
        for (String k : new String[] {"worker", "role", "fte", "households", "accompaniments", "accompanimentReference", "receptionHours",
                "accompanimentHours", "collectiveHours", "receptionShare", "receptionReference", "collectiveShare", "collectiveReference",
                "visitsDue", "visitsOverdue", "plansPastEnd", "plansWithoutEvaluation", "householdsWithoutContact"})
            head.add(Messages.get(locale, "report.indicators.csv." + k));
        line(w, head);
        for (WorkerIndicators wi : team.workers()) {
            List<String> row = new ArrayList<>();
            row.add(wi.name());
            row.add(Messages.get(locale, "report.role." + wi.role().name()));
            row.add(num(wi.fte(), 2));
            row.add(Integer.toString(wi.households()));
            row.add(Integer.toString(wi.activeAccompaniments()));
            row.add(wi.accompanimentReference() == null ? "" : num(wi.accompanimentReference(), 1));
            for (WorkKind k : WorkKind.values()) row.add(num(wi.minutes().get(k) / 60.0, 1));
            row.add(wi.totalMinutes() == 0 ? "" : num(100 * wi.share(WorkKind.RECEPTION_DIAGNOSIS), 1));
            row.add(range(wi.receptionReference()));
            row.add(wi.totalMinutes() == 0 ? "" : num(100 * wi.share(WorkKind.COLLECTIVE_ACTION), 1));
            row.add(range(wi.collectiveReference()));
            row.add(Integer.toString(wi.visitsDue()));
            row.add(Integer.toString(wi.visitsOverdue()));
            row.add(Integer.toString(wi.plansPastEnd()));
            row.add(Integer.toString(wi.plansWithoutEvaluation()));
            row.add(Integer.toString(wi.householdsWithoutContact()));
            line(w, row);
        }
        w.flush();
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(';');
            w.write(quote(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** A field quoted when it holds a separator, a quote or a line break; formulas are defused. */
    static String quote(String s) {
        if (s == null) return "";
        // A name starting with = + - @ would be run by Excel as a formula (CSV injection).
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(,\\d+)?")) s = "'" + s;
        if (s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    // Digits and a decimal comma only: what French Excel reads as a number.
    private static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v).replace('.', ',');
    }

    private static String range(Range r) {
        if (r == null) return "";
        String lo = num(100 * r.low(), 0), hi = num(100 * r.high(), 0);
        return lo.equals(hi) ? lo : lo + "-" + hi;
    }
}
