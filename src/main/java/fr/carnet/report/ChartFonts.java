package fr.carnet.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The font of the growth charts: DejaVu Sans, shipped in {@code fonts/} (Bitstream Vera licence). */
public final class ChartFonts {
    /** The class-path resource of the chart font. */
    public static final String DEJAVU_SANS = "fonts/DejaVuSans.ttf";

    private ChartFonts() {}

    private static final class Holder {
        static final byte[] BYTES = read();
    }

    /** The TrueType bytes of DejaVu Sans, read once. */
    public static byte[] dejaVuSans() {
        return Holder.BYTES;
    }

    private static byte[] read() {
        try (InputStream in = ChartFonts.class.getClassLoader().getResourceAsStream(DEJAVU_SANS)) {
            if (in == null) throw new IllegalStateException("missing " + DEJAVU_SANS);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
