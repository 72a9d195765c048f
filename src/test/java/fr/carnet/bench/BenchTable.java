package fr.carnet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Markdown table printed at the end of a benchmark, and small statistics helpers. */
final class BenchTable {
    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;

    BenchTable(String... header) {
        this.header = header;
    }

    void row(String... cells) {
        rows.add(cells);
        System.err.println("  " + String.join(" | ", cells));
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.length; i++) b.append("---|");
        b.append('\n');
        for (String[] r : rows) b.append("| ").append(String.join(" | ", r)).append(" |\n");
        return b.toString();
    }

    static double percentile(double[] a, double p) {
        double[] s = a.clone();
        Arrays.sort(s);
        if (s.length == 0) return Double.NaN;
        double rank = p / 100.0 * (s.length - 1);
        int lo = (int) Math.floor(rank), hi = (int) Math.ceil(rank);
        return s[lo] + (s[hi] - s[lo]) * (rank - lo);
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f ms", v);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
