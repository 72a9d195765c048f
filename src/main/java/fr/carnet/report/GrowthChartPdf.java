package fr.carnet.report;

import fr.carnet.domain.growth.ChartCanvas;
import fr.carnet.domain.growth.ChartColor;
import fr.carnet.domain.growth.GrowthChart;
import fr.carnet.domain.growth.GrowthChartPainter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * Growth charts in PDF documents (PDFBox 3), vector graphics with DejaVu Sans embedded as a
 * subset (the standard Helvetica cannot draw « − », « ² » or U+202F).
 */
public final class GrowthChartPdf {
    private GrowthChartPdf() {}

    /** Loads the chart font into {@code doc} (once per document; reuse it for every chart). */
    public static PDFont loadFont(PDDocument doc) {
        try {
            return PDType0Font.load(doc, new ByteArrayInputStream(ChartFonts.dejaVuSans()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the chart font", e);
        }
    }

    /**
     * Draws {@code chart} into {@code area} (PDF units, origin bottom-left) of a page through
     * an open content stream; the caller owns the stream and the page.
     */
    public static void draw(GrowthChart chart, PDPageContentStream cs, PDFont font, PDRectangle area) throws IOException {
        PdfCanvas canvas = new PdfCanvas(cs, font, area);
        try {
            GrowthChartPainter.paint(chart, canvas, 0, 0, area.getWidth(), area.getHeight());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes {@code chart} alone on a landscape A4 page to {@code file}. */
    public static void write(GrowthChart chart, Path file) {
        try (PDDocument doc = new PDDocument()) {
            PDRectangle a4 = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(a4);
            doc.addPage(page);
            PDFont font = loadFont(doc);
            float margin = 28;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                draw(chart, cs, font, new PDRectangle(margin, margin, a4.getWidth() - 2 * margin, a4.getHeight() - 2 * margin));
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.deleteIfExists(file); // a new document: PDFBox warns when saving over a file
            doc.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * A {@link ChartCanvas} over a PDFBox content stream; the painter's y-down coordinates in
     * the area are turned into PDF's y-up page coordinates.
     */
    public static final class PdfCanvas implements ChartCanvas {
        private final PDPageContentStream cs;
        private final PDFont font;
        private final float ox;
        private final float top;
        private final java.util.Map<Double, PDExtendedGraphicsState> alphas = new java.util.HashMap<>();

        /** Draws into {@code area} of the page {@code cs} writes to. */
        public PdfCanvas(PDPageContentStream cs, PDFont font, PDRectangle area) {
            this.cs = cs;
            this.font = font;
            this.ox = area.getLowerLeftX();
            this.top = area.getUpperRightY();
        }

        private float px(double x) {
            return (float) (ox + x);
        }

        private float py(double y) {
            return (float) (top - y);
        }

        private void colour(ChartColor c, boolean stroke) throws IOException {
            if (stroke) cs.setStrokingColor(c.r() / 255f, c.g() / 255f, c.b() / 255f);
            else cs.setNonStrokingColor(c.r() / 255f, c.g() / 255f, c.b() / 255f);
            PDExtendedGraphicsState gs = alphas.computeIfAbsent(c.alpha(), a -> {
                PDExtendedGraphicsState s = new PDExtendedGraphicsState();
                s.setStrokingAlphaConstant(a.floatValue());
                s.setNonStrokingAlphaConstant(a.floatValue());
                return s;
            });
            cs.setGraphicsStateParameters(gs);
        }

        private void path(double[] xs, double[] ys) throws IOException {
            cs.moveTo(px(xs[0]), py(ys[0]));
            for (int i = 1; i < xs.length; i++) cs.lineTo(px(xs[i]), py(ys[i]));
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, ChartColor fill) {
            try {
                colour(fill, false);
                path(xs, ys);
                cs.closePath();
                cs.fill();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void strokePolyline(double[] xs, double[] ys, ChartColor stroke, double width) {
            try {
                colour(stroke, true);
                cs.setLineWidth((float) width);
                cs.setLineJoinStyle(1);
                cs.setLineCapStyle(1);
                path(xs, ys);
                cs.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void circle(double cx, double cy, double r, ChartColor fill, ChartColor stroke, double strokeWidth) {
            try {
                // four Bézier arcs
                double k = 0.5523 * r;
                float x = px(cx), y = py(cy);
                float rr = (float) r, kk = (float) k;
                if (fill != null) colour(fill, false);
                if (stroke != null) {
                    colour(stroke, true);
                    cs.setLineWidth((float) strokeWidth);
                }
                cs.moveTo(x + rr, y);
                cs.curveTo(x + rr, y + kk, x + kk, y + rr, x, y + rr);
                cs.curveTo(x - kk, y + rr, x - rr, y + kk, x - rr, y);
                cs.curveTo(x - rr, y - kk, x - kk, y - rr, x, y - rr);
                cs.curveTo(x + kk, y - rr, x + rr, y - kk, x + rr, y);
                cs.closePath();
                if (fill != null && stroke != null) cs.fillAndStroke();
                else if (fill != null) cs.fill();
                else cs.stroke();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void text(String text, double x, double y, double size, ChartColor colour, Anchor anchor) {
            try {
                double w = anchor == Anchor.START ? 0 : textWidth(text, size);
                double x0 = switch (anchor) {
                    case START -> x;
                    case MIDDLE -> x - w / 2;
                    case END -> x - w;
                };
                colour(colour, false);
                cs.beginText();
                cs.setFont(font, (float) size);
                cs.newLineAtOffset(px(x0), py(y));
                cs.showText(text);
                cs.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public double textWidth(String text, double size) {
            try {
                return font.getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
