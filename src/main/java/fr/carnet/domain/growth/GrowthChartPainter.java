package fr.carnet.domain.growth;

import fr.carnet.domain.Enums.Sex;
import fr.carnet.domain.growth.ChartCanvas.Anchor;

/**
 * Paints a {@link GrowthChart} on any {@link ChartCanvas}, so that the PNG, the PDF and the
 * screen show the same chart: title, bands (green near the median, amber towards ±2, red
 * beyond ±3, like the booklet), grid, SD curves with their labels, axes, the child's points
 * joined in date order, legend and source.
 */
public final class GrowthChartPainter {
    static final ChartColor TEXT = ChartColor.rgb(0x2F3437);
    static final ChartColor MUTED = ChartColor.rgb(0x69707A);
    static final ChartColor FRAME = ChartColor.rgb(0x6B7280);
    static final ChartColor GRID_MINOR = ChartColor.rgba(0x000000, 0.06);
    static final ChartColor GRID_MAJOR = ChartColor.rgba(0x000000, 0.16);
    static final ChartColor POINTS = ChartColor.rgb(0x1D3F8F);
    static final ChartColor WHITE = ChartColor.rgb(0xFFFFFF);
    static final ChartColor GIRL = ChartColor.rgb(0xA8326E);
    static final ChartColor BOY = ChartColor.rgb(0x1F5FA8);
    private static final ChartColor[] BANDS = {
            ChartColor.rgb(0xD6ECCD), // 0–1
            ChartColor.rgb(0xE8F3DC), // 1–2
            ChartColor.rgb(0xFBEBC8), // 2–3
            ChartColor.rgb(0xFBE9E6), // beyond 3
    };
    private static final ChartColor[] LINES = {
            ChartColor.rgb(0x2E7D32), // 0
            ChartColor.rgb(0x86B56F), // ±1
            ChartColor.rgb(0xD99A06), // ±2
            ChartColor.rgb(0xC0392B), // ±3
    };
    private static final double[] LINE_WIDTHS = {1.8, 0.9, 1.3, 1.3};

    private GrowthChartPainter() {}

    /** The fill of a band whose farther line is at ±{@code outerLine} (1 … 4). */
    public static ChartColor bandColour(int outerLine) {
        return BANDS[Math.min(Math.max(outerLine, 1), 4) - 1];
    }

    /** Paints {@code chart} into the rectangle (x, y, width, height) of {@code c}. */
    public static void paint(GrowthChart chart, ChartCanvas c, double x, double y, double width, double height) {
        double fs = Math.clamp(Math.min(width / 56, height / 40), 6.5, 15);
        double k = fs / 10; // line widths scale with the text
        double pad = fs * 0.9;

        // title and subtitle
        double base = y + pad + fs * 1.3;
        c.text(chart.title(), x + pad, base, fs * 1.4, chart.sex() == Sex.F ? GIRL : BOY, Anchor.START);
        base += fs * 1.5;
        c.text(chart.subtitle(), x + pad, base, fs, MUTED, Anchor.START);

        GrowthChart.Axis xa = chart.xAxis(), ya = chart.yAxis();
        double tickFs = fs * 0.9;
        double yTickW = 0;
        for (GrowthChart.Tick t : ya.ticks()) yTickW = Math.max(yTickW, c.textWidth(t.label(), tickFs));
        double sdW = 0;
        for (String s : chart.curveLabels()) sdW = Math.max(sdW, c.textWidth(s, tickFs));

        double left = x + pad + yTickW + fs * 0.6;
        double right = x + width - pad - sdW - fs * 0.7;
        double top = base + fs * 2.4; // room for the y axis title above the plot
        double bottom = y + height - pad - fs * 4.6; // tick labels, x axis title, legend line
        if (right - left < 40 || bottom - top < 40) return; // too small to be readable

        Mapper m = new Mapper(xa, ya, left, top, right, bottom);

        // bands
        double[] cx = chart.curveX();
        int n = cx.length;
        for (GrowthChart.Band b : chart.bands()) {
            double[] px = new double[2 * n], py = new double[2 * n];
            for (int i = 0; i < n; i++) {
                px[i] = m.x(cx[i]);
                py[i] = m.y(clamp(b.upper()[i], ya));
                px[2 * n - 1 - i] = m.x(cx[i]);
                py[2 * n - 1 - i] = m.y(clamp(b.lower()[i], ya));
            }
            c.fillPolygon(px, py, b.fill());
        }

        // grid
        for (double v : xa.minor()) line(c, m.x(v), top, m.x(v), bottom, GRID_MINOR, 0.6 * k);
        for (double v : ya.minor()) line(c, left, m.y(v), right, m.y(v), GRID_MINOR, 0.6 * k);
        for (GrowthChart.Tick t : xa.ticks()) line(c, m.x(t.value()), top, m.x(t.value()), bottom, GRID_MAJOR, 0.7 * k);
        for (GrowthChart.Tick t : ya.ticks()) line(c, left, m.y(t.value()), right, m.y(t.value()), GRID_MAJOR, 0.7 * k);

        // SD curves, outer first so that the median is on top, and their labels at the right
        for (int z : new int[] {3, -3, 2, -2, 1, -1, 0}) {
            double[] cy = chart.curves()[z + 3];
            double[] px = new double[n], py = new double[n];
            for (int i = 0; i < n; i++) {
                px[i] = m.x(cx[i]);
                py[i] = m.y(clamp(cy[i], ya));
            }
            int a = Math.abs(z);
            c.strokePolyline(px, py, LINES[a], LINE_WIDTHS[a] * k);
            c.text(chart.curveLabels().get(z + 3), right + fs * 0.35, py[n - 1] + tickFs * 0.35, tickFs, LINES[a], Anchor.START);
        }

        // frame and tick labels
        c.strokePolyline(new double[] {left, right, right, left, left}, new double[] {top, top, bottom, bottom, top}, FRAME, 0.9 * k);
        for (GrowthChart.Tick t : xa.ticks()) {
            double px = m.x(t.value());
            line(c, px, bottom, px, bottom + fs * 0.3, FRAME, 0.9 * k);
            c.text(t.label(), px, bottom + fs * 0.3 + tickFs * 1.05, tickFs, TEXT, Anchor.MIDDLE);
        }
        for (GrowthChart.Tick t : ya.ticks()) {
            double py = m.y(t.value());
            c.text(t.label(), left - fs * 0.45, py + tickFs * 0.35, tickFs, TEXT, Anchor.END);
        }
        c.text(ya.label(), left, top - fs * 0.7, fs, TEXT, Anchor.START);
        c.text(xa.label(), (left + right) / 2, bottom + fs * 0.3 + tickFs * 1.05 + fs * 1.4, fs, TEXT, Anchor.MIDDLE);

        // the child's points
        var pts = chart.points();
        if (!pts.isEmpty()) {
            double[] px = new double[pts.size()], py = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                px[i] = m.x(pts.get(i).x());
                py[i] = m.y(pts.get(i).y());
            }
            if (pts.size() > 1) c.strokePolyline(px, py, POINTS, 1.7 * k);
            for (int i = 0; i < px.length; i++) c.circle(px[i], py[i], fs * 0.33, WHITE, POINTS, 1.3 * k);
        }

        // legend and source on the last line
        double legendY = y + height - pad;
        c.circle(x + pad + fs * 0.4, legendY - fs * 0.33, fs * 0.33, WHITE, POINTS, 1.3 * k);
        c.text(chart.pointsLabel(), x + pad + fs * 1.1, legendY, fs * 0.85, TEXT, Anchor.START);
        c.text(chart.source(), x + width - pad, legendY, fs * 0.75, MUTED, Anchor.END);
    }

    private static double clamp(double v, GrowthChart.Axis a) {
        return Math.clamp(v, a.min(), a.max());
    }

    private static void line(ChartCanvas c, double x1, double y1, double x2, double y2, ChartColor col, double w) {
        c.strokePolyline(new double[] {x1, x2}, new double[] {y1, y2}, col, w);
    }

    private record Mapper(GrowthChart.Axis xa, GrowthChart.Axis ya, double left, double top, double right, double bottom) {
        double x(double v) {
            return left + (v - xa.min()) / (xa.max() - xa.min()) * (right - left);
        }

        double y(double v) {
            return bottom - (v - ya.min()) / (ya.max() - ya.min()) * (bottom - top);
        }
    }
}
