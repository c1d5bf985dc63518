package org.oriundos.warehouse.report.render;

/**
 * How wide a text is in the font the report asks for first, Liberation Sans (metric-compatible
 * with Arial and Helvetica, so the widths hold for the fallbacks too): the advance width of each
 * character, in thousandths of the font size, of Liberation Sans 2.1 Regular and Bold (Debian's
 * {@code fonts-liberation}), for ASCII, Latin-1 (every Spanish letter) and the punctuation the
 * report writes. The page carries no font, so the charts lay their text out with these widths
 * (they wrap what does not fit, never cut it), and the tests hold every chart's text to its
 * viewBox with the same widths, with or without a browser.
 */
public final class TextMetrics {
    /** Widths of U+0020 to U+007E. */
    private static final short[] REGULAR_ASCII = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
    /** Widths of U+00A0 to U+00FF. */
    private static final short[] REGULAR_LATIN1 = {
        278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 552,
        400, 549, 333, 333, 333, 576, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556, 500};
    private static final short[] BOLD_ASCII = {
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};
    private static final short[] BOLD_LATIN1 = {
        278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 552,
        400, 549, 333, 333, 333, 576, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
        611, 611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 556, 611, 556};
    /** A character outside the tables (another script, a symbol) is taken as a full em: never narrower than drawn. */
    private static final int UNKNOWN = 1000;

    private TextMetrics() {
    }

    /** The width of {@code text} at {@code size} px, regular or bold. */
    public static double width(String text, double size, boolean bold) {
        long thousandths = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            thousandths += advance(c, bold);
            i += Character.charCount(c);
        }
        return thousandths * size / 1000.0;
    }

    /** The width of {@code text} at {@code size} px in the regular weight. */
    public static double width(String text, double size) {
        return width(text, size, false);
    }

    private static int advance(int c, boolean bold) {
        if (c >= 0x20 && c <= 0x7E) {
            return (bold ? BOLD_ASCII : REGULAR_ASCII)[c - 0x20];
        }
        if (c >= 0xA0 && c <= 0xFF) {
            return (bold ? BOLD_LATIN1 : REGULAR_LATIN1)[c - 0xA0];
        }
        return switch (c) {
            case 0x2013 -> 556; // en dash
            case 0x2014, 0x2026 -> 1000; // em dash, ellipsis
            case 0x2212 -> 584; // minus sign
            case 0x2018, 0x2019 -> bold ? 278 : 222; // single quotes
            case 0x201C, 0x201D -> bold ? 500 : 333; // double quotes
            case 0x2022 -> 350; // bullet
            default -> UNKNOWN;
        };
    }
}
