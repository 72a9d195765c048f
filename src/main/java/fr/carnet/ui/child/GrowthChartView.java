package fr.carnet.ui.child;

import fr.carnet.domain.growth.ChartCanvas;
import fr.carnet.domain.growth.ChartColor;
import fr.carnet.domain.growth.GrowthChart;
import fr.carnet.domain.growth.GrowthChartPainter;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * A growth chart on screen: a resizable region holding a {@link Canvas} that repaints the
 * {@link #chartProperty() chart} with the same painter as the PNG and the PDF. Set the chart
 * from the view model; the view only draws. Touch it on the FX thread only.
 */
public final class GrowthChartView extends Region {
    private static final double PREF_WIDTH = 760, PREF_HEIGHT = 540;
    private final Canvas canvas = new Canvas();
    private final ObjectProperty<GrowthChart> chart = new SimpleObjectProperty<>(this, "chart");

    /** An empty view; set {@link #setChart}. */
    public GrowthChartView() {
        getStyleClass().add("growth-chart-view");
        getChildren().add(canvas);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        // the painter is cheap (a few hundred primitives): repaint on every change
        chart.addListener((obs, old, c) -> {
            setAccessibleText(c == null ? null : c.title() + ", " + c.subtitle());
            paint();
        });
    }

    /** A view showing {@code chart}. */
    public GrowthChartView(GrowthChart chart) {
        this();
        setChart(chart);
    }

    /** The chart shown, or null for an empty view. */
    public ObjectProperty<GrowthChart> chartProperty() {
        return chart;
    }

    /** The chart shown, or null. */
    public GrowthChart getChart() {
        return chart.get();
    }

    /** Shows {@code c} (null clears the view). */
    public void setChart(GrowthChart c) {
        chart.set(c);
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_HEIGHT;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        GrowthChart c = chart.get();
        if (c == null || w <= 0 || h <= 0) return;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        GrowthChartPainter.paint(c, new FxCanvas(g), 0, 0, w, h);
    }

    /** A {@link ChartCanvas} over a JavaFX {@link GraphicsContext}, in DejaVu Sans. */
    static final class FxCanvas implements ChartCanvas {
        private static final String FAMILY = loadFamily();
        private final GraphicsContext g;
        private final Map<Double, Font> fonts = new HashMap<>();
        private final Text measure = new Text();

        FxCanvas(GraphicsContext g) {
            this.g = g;
        }

        private static String loadFamily() {
            try (InputStream in = GrowthChartView.class.getClassLoader().getResourceAsStream("fonts/DejaVuSans.ttf")) {
                Font f = in == null ? null : Font.loadFont(in, 12);
                return f == null ? Font.getDefault().getFamily() : f.getFamily();
            } catch (java.io.IOException e) {
                return Font.getDefault().getFamily();
            }
        }

        private Font font(double size) {
            return fonts.computeIfAbsent(size, s -> Font.font(FAMILY, s));
        }

        private static Color fx(ChartColor c) {
            return Color.rgb(c.r(), c.g(), c.b(), c.alpha());
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, ChartColor fill) {
            g.setFill(fx(fill));
            g.fillPolygon(xs, ys, xs.length);
        }

        @Override
        public void strokePolyline(double[] xs, double[] ys, ChartColor stroke, double width) {
            g.setStroke(fx(stroke));
            g.setLineWidth(width);
            g.setLineJoin(StrokeLineJoin.ROUND);
            g.setLineCap(StrokeLineCap.ROUND);
            g.strokePolyline(xs, ys, xs.length);
        }

        @Override
        public void circle(double cx, double cy, double r, ChartColor fill, ChartColor stroke, double strokeWidth) {
            if (fill != null) {
                g.setFill(fx(fill));
                g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            }
            if (stroke != null) {
                g.setStroke(fx(stroke));
                g.setLineWidth(strokeWidth);
                g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
            }
        }

        @Override
        public void text(String text, double x, double y, double size, ChartColor colour, Anchor anchor) {
            g.setFont(font(size));
            g.setFill(fx(colour));
            g.setTextBaseline(VPos.BASELINE);
            g.setTextAlign(switch (anchor) {
                case START -> TextAlignment.LEFT;
                case MIDDLE -> TextAlignment.CENTER;
                case END -> TextAlignment.RIGHT;
            });
            g.fillText(text, x, y);
        }

        @Override
        public double textWidth(String text, double size) {
            measure.setFont(font(size));
            measure.setText(text);
            return measure.getLayoutBounds().getWidth();
        }
    }
}
