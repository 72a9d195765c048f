package fr.carnet.domain.growth;

import fr.carnet.domain.Enums.Sex;
import fr.carnet.i18n.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A growth chart as in the health booklet, ready to paint: the WHO SD curves −3 … +3 of one
 * indicator and sex over an age span (or a length/height range), the coloured bands between
 * them, the child's points, the axes with their ticks, and every label already resolved from
 * the bundle. Chart units: months or cm on x, the measure on y. Build with {@link #of}; paint
 * with {@link GrowthChartPainter}.
 *
 * @param indicator the indicator
 * @param sex       F or M
 * @param span      the age span
 * @param title     e.g. « Poids selon l’âge — Fille »
 * @param subtitle  e.g. « de la naissance à 2 ans »
 * @param xAxis     the x axis (months, or cm for weight-for-length/height)
 * @param yAxis     the y axis (the measure)
 * @param curveX    the x of the sampled curves
 * @param curves    the SD curves, {@code curves[k + 3]} at z = k, one y per {@code curveX}
 * @param curveLabels the labels of the curves, −3 … +3
 * @param bands     the eight filled bands, bottom to top
 * @param points    the child's points inside the chart, by date
 * @param pointsLabel the legend of the points
 * @param source    the source line
 */
public record GrowthChart(Indicator indicator, Sex sex, Span span, String title, String subtitle, Axis xAxis, Axis yAxis,
                          double[] curveX, double[][] curves, List<String> curveLabels, List<Band> bands, List<Point> points,
                          String pointsLabel, String source) {
    /** The age span of a chart; for weight-for-length/height, the length or the height chart. */
    public enum Span {
        /** 0–24 months; weight-for-length 45–110 cm. */
        BIRTH_TO_2,
        /** 0–60 months; weight-for-height 65–120 cm (2–5 years). */
        BIRTH_TO_5
    }

    /**
     * One axis.
     *
     * @param label the axis title, e.g. « Âge (mois) »
     * @param min   the smallest value shown
     * @param max   the largest value shown
     * @param ticks the labelled (major) ticks
     * @param minor the unlabelled grid lines
     */
    public record Axis(String label, double min, double max, List<Tick> ticks, double[] minor) {}

    /**
     * A labelled tick.
     *
     * @param value the value
     * @param label its label with the locale's decimal separator
     */
    public record Tick(double value, String label) {}

    /**
     * A filled band between two curves (or a curve and the edge of the chart).
     *
     * @param fromZ the lower line (−4 for the bottom edge)
     * @param toZ   the upper line (4 for the top edge)
     * @param lower one y per {@link GrowthChart#curveX}
     * @param upper one y per {@link GrowthChart#curveX}
     * @param fill  the colour
     */
    public record Band(int fromZ, int toZ, double[] lower, double[] upper, ChartColor fill) {}

    /**
     * One of the child's measurements on the chart.
     *
     * @param x    months or cm
     * @param y    the measure
     * @param date the day it was taken
     * @param z    its z-score, or null
     */
    public record Point(double x, double y, LocalDate date, Double z) {}

    /** A chart over the span the child's measurements need (0–2 years if all are under 2). */
    public static GrowthChart of(Indicator indicator, Sex sex, LocalDate birthDate, List<GrowthPoint> points) {
        boolean older = points.stream().anyMatch(p -> ChildAge.of(birthDate, p.date()).days() >= ChildAge.HEIGHT_FROM_DAYS);
        return of(indicator, sex, birthDate, points, older ? Span.BIRTH_TO_5 : Span.BIRTH_TO_2, Messages.locale());
    }

    /**
     * A chart of {@code indicator} for a child of {@code sex} born on {@code birthDate}.
     * For weight-for-length/height, {@link Span#BIRTH_TO_2} is the weight-for-length chart with
     * the measurements under 731 days, {@link Span#BIRTH_TO_5} the weight-for-height chart with
     * those from 731 days.
     *
     * @throws IllegalArgumentException for sex X (the standards are by sex)
     */
    public static GrowthChart of(Indicator indicator, Sex sex, LocalDate birthDate, List<GrowthPoint> points, Span span, Locale locale) {
        if (sex != Sex.F && sex != Sex.M) throw new IllegalArgumentException("growth charts need sex F or M");
        GrowthStandards std = GrowthStandards.who();
        boolean byAge = indicator.byAge();
        boolean heightChart = !byAge && span == Span.BIRTH_TO_5;

        // x grid; for age charts a sample each side of the length/height switch at 731 days
        double xMin, xMax, xMajor, xMinor, step;
        if (byAge) {
            xMin = 0;
            xMax = span == Span.BIRTH_TO_2 ? 24 : 60;
            xMajor = span == Span.BIRTH_TO_2 ? 2 : 6;
            xMinor = span == Span.BIRTH_TO_2 ? 1 : 3;
            step = span == Span.BIRTH_TO_2 ? 0.25 : 0.5;
        } else {
            xMin = heightChart ? 65 : 45;
            xMax = heightChart ? 120 : 110;
            xMajor = 5;
            xMinor = 1;
            step = 0.5;
        }
        List<Double> xs = new ArrayList<>();
        for (double x = xMin; x <= xMax + 1e-9; x += step) xs.add(x);
        if (byAge && span == Span.BIRTH_TO_5) {
            xs.add(730.999 / ChildAge.DAYS_PER_MONTH);
            xs.add(731.0 / ChildAge.DAYS_PER_MONTH);
            xs.sort(Comparator.naturalOrder());
        }
        double[] cx = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[][] curves = new double[7][cx.length];
        for (int i = 0; i < cx.length; i++) {
            double ageDays = byAge ? cx[i] * ChildAge.DAYS_PER_MONTH : (heightChart ? ChildAge.HEIGHT_FROM_DAYS : 0);
            double x = byAge ? ageDays : cx[i];
            for (int k = -3; k <= 3; k++) curves[k + 3][i] = std.valueAt(indicator, sex, ageDays, x, k);
        }

        // the child's points inside the chart
        List<Point> pts = new ArrayList<>();
        for (GrowthPoint p : points.stream().sorted(Comparator.comparing(GrowthPoint::date)).toList()) {
            if (p.date().isBefore(birthDate)) continue;
            ZScoreSet z = ZScores.of(std, sex, birthDate, p);
            if (!byAge && (z.age().days() >= ChildAge.HEIGHT_FROM_DAYS) != heightChart) continue;
            Double x = z.x(indicator), y = z.measure(indicator);
            if (x == null || y == null || x < xMin || x > xMax) continue;
            pts.add(new Point(x, y, p.date(), z.z(indicator)));
        }

        double yMin = Double.MAX_VALUE, yMax = -Double.MAX_VALUE;
        for (double v : curves[0]) yMin = Math.min(yMin, v);
        for (double v : curves[6]) yMax = Math.max(yMax, v);
        for (Point p : pts) {
            yMin = Math.min(yMin, p.y());
            yMax = Math.max(yMax, p.y());
        }
        double[] yStep = niceSteps(yMax - yMin);
        yMin = Math.floor(yMin / yStep[0]) * yStep[0];
        yMax = Math.ceil(yMax / yStep[0]) * yStep[0];

        Axis xAxis = axis(Messages.get(locale, byAge ? "growth.axis.ageMonths" : "growth.axis.length"), xMin, xMax, xMajor, xMinor, locale);
        Axis yAxis = axis(Messages.get(locale, yLabelKey(indicator)), yMin, yMax, yStep[0], yStep[1], locale);

        List<Band> bands = new ArrayList<>();
        double[] bottom = new double[cx.length], top = new double[cx.length];
        java.util.Arrays.fill(bottom, yMin);
        java.util.Arrays.fill(top, yMax);
        for (int k = -4; k <= 3; k++) {
            double[] lower = k == -4 ? bottom : curves[k + 3];
            double[] upper = k == 3 ? top : curves[k + 4];
            int outer = Math.max(Math.abs(k), Math.abs(k + 1)); // the band's farther line
            bands.add(new Band(k, k + 1, lower, upper, GrowthChartPainter.bandColour(outer)));
        }
        List<String> curveLabels = new ArrayList<>();
        for (String k : List.of("m3", "m2", "m1", "0", "p1", "p2", "p3")) curveLabels.add(Messages.get(locale, "growth.chart.sd." + k));

        String title = Messages.get(locale, "growth.chart.title", Messages.get(locale, indicator.labelKey()), Messages.get(locale, "growth.sex." + sex.name()));
        String subtitle = Messages.get(locale, byAge ? "growth.chart.subtitle." + span.name() : heightChart ? "growth.chart.subtitle.height" : "growth.chart.subtitle.length");
        return new GrowthChart(indicator, sex, span, title, subtitle, xAxis, yAxis, cx, curves, List.copyOf(curveLabels), List.copyOf(bands),
                List.copyOf(pts), Messages.get(locale, "growth.chart.points"), Messages.get(locale, "growth.chart.source"));
    }

    private static String yLabelKey(Indicator i) {
        return switch (i) {
            case WEIGHT_FOR_AGE, WEIGHT_FOR_LENGTH_HEIGHT -> "growth.axis.weight";
            case LENGTH_HEIGHT_FOR_AGE -> "growth.axis.length";
            case HEAD_FOR_AGE -> "growth.axis.head";
            case BMI_FOR_AGE -> "growth.axis.bmi";
        };
    }

    // A major step giving 6–14 labelled lines, and its minor step.
    private static double[] niceSteps(double range) {
        double[][] candidates = {{0.5, 0.1}, {1, 0.5}, {2, 1}, {5, 1}, {10, 2}, {20, 5}};
        for (double[] c : candidates) {
            if (range / c[0] <= 14) return c;
        }
        return candidates[candidates.length - 1];
    }

    private static Axis axis(String label, double min, double max, double major, double minor, Locale locale) {
        List<Tick> ticks = new ArrayList<>();
        for (double v = Math.ceil(min / major - 1e-9) * major; v <= max + 1e-9; v += major) {
            double r = Math.round(v * 1000) / 1000.0;
            ticks.add(new Tick(r, Messages.get(locale, "growth.chart.tick", r)));
        }
        List<Double> m = new ArrayList<>();
        for (double v = Math.ceil(min / minor - 1e-9) * minor; v <= max + 1e-9; v += minor) m.add(Math.round(v * 1000) / 1000.0);
        return new Axis(label, min, max, List.copyOf(ticks), m.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
