package fr.carnet.report;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report fonts, DejaVu Sans and DejaVu Sans Bold (Bitstream Vera licence, {@code fonts/}),
 * embedded as subsets: every name, « € », U+202F and « ’ » print, and PDF/A wants every font embedded.
 *
 * @param regular the body font
 * @param bold    headings and labels
 */
public record ReportFonts(PDFont regular, PDFont bold) {
    /** The class-path resource of the bold face. */
    public static final String DEJAVU_SANS_BOLD = "fonts/DejaVuSans-Bold.ttf";

    private static final class Bold {
        static final byte[] BYTES = read(DEJAVU_SANS_BOLD);
    }

    /** Loads both faces into {@code doc} (once per document). */
    public static ReportFonts load(PDDocument doc) {
        try {
            return new ReportFonts(face(doc, ChartFonts.dejaVuSans()), face(doc, Bold.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the report fonts", e);
        }
    }

    // PDFBox applies GSUB ligatures (fi → ﬁ) when drawing: that breaks searching, copying and
    // screen readers ("conﬁdentiel"), so substitutions are turned off.
    private static PDFont face(PDDocument doc, byte[] bytes) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        ttf.setEnableGsub(false);
        for (String feature : new String[] {"liga", "clig", "dlig", "hlig"}) ttf.disableGsubFeature(feature);
        return PDType0Font.load(doc, ttf, true);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
