package fr.carnet.domain.growth;

/**
 * A colour of a growth chart, independent of any toolkit.
 *
 * @param r     red, 0–255
 * @param g     green, 0–255
 * @param b     blue, 0–255
 * @param alpha opacity, 0–1
 */
public record ChartColor(int r, int g, int b, double alpha) {
    /** An opaque colour from {@code 0xRRGGBB}. */
    public static ChartColor rgb(int hex) {
        return new ChartColor((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 1);
    }

    /** A translucent colour from {@code 0xRRGGBB}. */
    public static ChartColor rgba(int hex, double alpha) {
        return new ChartColor((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
    }
}
