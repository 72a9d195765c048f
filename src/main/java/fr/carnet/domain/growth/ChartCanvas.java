package fr.carnet.domain.growth;

/**
 * The few drawing operations a growth chart needs, in device units with y pointing down; one
 * implementation per target (PNG through java.awt, PDF through PDFBox, JavaFX Canvas).
 * {@link GrowthChartPainter} draws a {@link GrowthChart} with them.
 */
public interface ChartCanvas {
    /** Where a text's x is: its start, middle or end. */
    enum Anchor { START, MIDDLE, END }

    /** Fills the polygon through the given points. */
    void fillPolygon(double[] xs, double[] ys, ChartColor fill);

    /** Strokes the open polyline through the given points with round joins. */
    void strokePolyline(double[] xs, double[] ys, ChartColor stroke, double width);

    /** A circle, filled then outlined (either colour may be null). */
    void circle(double cx, double cy, double radius, ChartColor fill, ChartColor stroke, double strokeWidth);

    /** One line of text with its baseline at {@code y}. */
    void text(String text, double x, double y, double size, ChartColor colour, Anchor anchor);

    /** The advance width of {@code text} at {@code size}. */
    double textWidth(String text, double size);
}
