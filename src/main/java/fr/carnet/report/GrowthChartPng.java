package fr.carnet.report;

import fr.carnet.domain.growth.ChartCanvas;
import fr.carnet.domain.growth.ChartColor;
import fr.carnet.domain.growth.GrowthChart;
import fr.carnet.domain.growth.GrowthChartPainter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Growth charts as PNG images, drawn with java.awt (headless) in DejaVu Sans. */
public final class GrowthChartPng {
    static {
        // charts are drawn by the server and in tests too: never need a display
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private GrowthChartPng() {}

    private static final class FontHolder {
        static final Font FONT = load();

        private static Font load() {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ChartFonts.dejaVuSans()));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot load the chart font", e);
            }
        }
    }

    /** Writes {@code chart} as a {@code width} × {@code height} PNG to {@code file}. */
    public static void write(GrowthChart chart, Path file, int width, int height) {
        BufferedImage img = render(chart, width, height);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@code chart} drawn on a white {@code width} × {@code height} image. */
    public static BufferedImage render(GrowthChart chart, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            GrowthChartPainter.paint(chart, new Graphics2dCanvas(g), 0, 0, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A {@link ChartCanvas} over a java.awt {@link Graphics2D}. */
    public static final class Graphics2dCanvas implements ChartCanvas {
        private final Graphics2D g;

        /** Draws on {@code g}, whose anti-aliasing hints the caller sets. */
        public Graphics2dCanvas(Graphics2D g) {
            this.g = g;
        }

        private static Color awt(ChartColor c) {
            return new Color(c.r(), c.g(), c.b(), (int) Math.round(c.alpha() * 255));
        }

        private static Path2D path(double[] xs, double[] ys) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) p.lineTo(xs[i], ys[i]);
            return p;
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, ChartColor fill) {
            Path2D p = path(xs, ys);
            p.closePath();
            g.setColor(awt(fill));
            g.fill(p);
        }

        @Override
        public void strokePolyline(double[] xs, double[] ys, ChartColor stroke, double width) {
            g.setColor(awt(stroke));
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(path(xs, ys));
        }

        @Override
        public void circle(double cx, double cy, double r, ChartColor fill, ChartColor stroke, double strokeWidth) {
            Ellipse2D e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            if (fill != null) {
                g.setColor(awt(fill));
                g.fill(e);
            }
            if (stroke != null) {
                g.setColor(awt(stroke));
                g.setStroke(new BasicStroke((float) strokeWidth));
                g.draw(e);
            }
        }

        @Override
        public void text(String text, double x, double y, double size, ChartColor colour, Anchor anchor) {
            g.setFont(FontHolder.FONT.deriveFont((float) size));
            double w = anchor == Anchor.START ? 0 : g.getFontMetrics().getStringBounds(text, g).getWidth();
            double x0 = switch (anchor) {
                case START -> x;
                case MIDDLE -> x - w / 2;
                case END -> x - w;
            };
            g.setColor(awt(colour));
            g.drawString(text, (float) x0, (float) y);
        }

        @Override
        public double textWidth(String text, double size) {
            g.setFont(FontHolder.FONT.deriveFont((float) size));
            return g.getFontMetrics().getStringBounds(text, g).getWidth();
        }
    }
}
