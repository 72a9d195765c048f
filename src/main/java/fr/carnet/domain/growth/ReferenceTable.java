package fr.carnet.domain.growth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One WHO table file (e.g. {@code who/wfa_girls_0_5_zscores.json}): its rows, and L, M, S
 * interpolated linearly between rows. The x column may be Day, Week, Month, Length or Height:
 * the x of an age table is held in days (weeks × 7, months × 30.4375), that of a
 * weight-for-length/height table in cm.
 */
public final class ReferenceTable {
    /** The seven SD curves of a row, from z = −3 to z = +3. */
    public static final List<String> SD_COLUMNS = List.of("SD3neg", "SD2neg", "SD1neg", "SD0", "SD1", "SD2", "SD3");

    /**
     * One row of a table as the file holds it.
     *
     * @param x       the row's x in the file's own unit (week, month or cm)
     * @param xDays   the x in days for age tables, in cm otherwise
     * @param lms     the row's L, M and S
     * @param sd      the tabulated measures at z = −3 … +3 (index 0 … 6), rounded to 0.1
     */
    public record Row(double x, double xDays, Lms lms, double[] sd) {
        /** The tabulated measure at whole z-score {@code z} (−3 … 3). */
        public double sdAt(int z) {
            return sd[z + 3];
        }
    }

    private final String name;
    private final String xColumn;
    private final List<Row> allRows;
    private final double[] xs;
    private final double[] ls;
    private final double[] ms;
    private final double[] ss;

    private ReferenceTable(String name, String xColumn, List<Row> fileRows) {
        this.name = name;
        this.xColumn = xColumn;
        this.allRows = List.copyOf(fileRows);
        List<Row> rows = dedupe(fileRows);
        int n = rows.size();
        xs = new double[n];
        ls = new double[n];
        ms = new double[n];
        ss = new double[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            xs[i] = r.xDays();
            ls[i] = r.lms().l();
            ms[i] = r.lms().m();
            ss[i] = r.lms().s();
            if (i > 0 && xs[i] <= xs[i - 1]) throw new IllegalStateException(name + ": x not increasing at row " + i);
        }
    }

    /** Loads a table from the class path, e.g. {@code who/wfa_girls_0_5_zscores.json}. */
    public static ReferenceTable load(String resource) {
        return load(resource, new ObjectMapper());
    }

    static ReferenceTable load(String resource, ObjectMapper mapper) {
        try (InputStream in = ReferenceTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            JsonNode array = mapper.readTree(in);
            String xColumn = null;
            List<Row> rows = new ArrayList<>();
            for (JsonNode o : array) {
                if (xColumn == null) {
                    for (String c : List.of("Day", "Week", "Month", "Length", "Height")) {
                        if (o.has(c)) xColumn = c;
                    }
                    if (xColumn == null) throw new IllegalStateException(resource + ": no x column");
                }
                double x = num(o, xColumn);
                double xDays = switch (xColumn) {
                    case "Day" -> x;
                    case "Week" -> x * 7;
                    case "Month" -> x * ChildAge.DAYS_PER_MONTH;
                    default -> x;
                };
                double[] sd = new double[7];
                for (int k = 0; k < 7; k++) sd[k] = num(o, SD_COLUMNS.get(k));
                rows.add(new Row(x, xDays, new Lms(num(o, "L"), num(o, "M"), num(o, "S")), sd));
            }
            return new ReferenceTable(resource, xColumn, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    // lhfa_*_0_5 repeats month 24 (length, then height): interpolation keeps the first (length).
    private static List<Row> dedupe(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (out.isEmpty() || r.xDays() > out.getLast().xDays()) out.add(r);
        }
        return out;
    }

    private static double num(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null) throw new IllegalStateException("missing column " + field);
        return Double.parseDouble(v.asText().trim());
    }

    /** The resource name. */
    public String name() {
        return name;
    }

    /** The x column of the file: Day, Week, Month, Length or Height. */
    public String xColumn() {
        return xColumn;
    }

    /** Every row of the file, in file order (including a repeated x). */
    public List<Row> rows() {
        return allRows;
    }

    /** The smallest x (days or cm). */
    public double minX() {
        return xs[0];
    }

    /** The largest x (days or cm). */
    public double maxX() {
        return xs[xs.length - 1];
    }

    /** Whether {@code x} (days or cm) lies within the table. */
    public boolean covers(double x) {
        return x >= xs[0] && x <= xs[xs.length - 1];
    }

    /**
     * L, M and S at {@code x} (days or cm), interpolated linearly between the two rows around
     * it; {@code null} outside the table.
     */
    public Lms lmsAt(double x) {
        if (!(x >= xs[0] && x <= xs[xs.length - 1])) return null;
        int lo = 0, hi = xs.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) lo = mid;
            else hi = mid;
        }
        if (x == xs[lo] || lo == hi) return new Lms(ls[lo], ms[lo], ss[lo]);
        if (x == xs[hi]) return new Lms(ls[hi], ms[hi], ss[hi]);
        double t = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return new Lms(ls[lo] + t * (ls[hi] - ls[lo]), ms[lo] + t * (ms[hi] - ms[lo]), ss[lo] + t * (ss[hi] - ss[lo]));
    }

    @Override
    public String toString() {
        return name;
    }
}
