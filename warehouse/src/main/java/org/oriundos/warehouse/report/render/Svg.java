package org.oriundos.warehouse.report.render;

import java.util.List;
import java.util.Locale;

/** Small writers shared by the charts: every text passes through {@link Html#escape}. */
final class Svg {
    /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, and in print. */
    static final List<String> PALETTE = List.of(
            "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999999", "#000000");
    static final int WIDTH = 760;
    static final String MISSING_SHADE = "#efefef";
    static final String FONT = "font-family=\"'Liberation Sans', 'DejaVu Sans', Arial, sans-serif\"";

    private Svg() {
    }

    static String color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static void open(StringBuilder out, String title, int height) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" aria-label=\"").append(Html.escape(title))
                .append("\" ").append(FONT).append(">");
        out.append("<title>").append(Html.escape(title)).append("</title>");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        text(out, WIDTH / 2.0, 22, "middle", 15, "bold", "#1a1a1a", title);
    }

    static void close(StringBuilder out) {
        out.append("</svg>");
    }

    static void text(StringBuilder out, double x, double y, String anchor, int size, String weight, String fill,
                     String text) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(size).append('"');
        if (!"normal".equals(weight)) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        out.append(" fill=\"").append(fill).append("\">").append(Html.escape(text)).append("</text>");
    }

    static void rotatedText(StringBuilder out, double x, double y, double angle, String anchor, int size,
                            String fill, String text) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" transform=\"rotate(")
                .append(num(angle)).append(' ').append(num(x)).append(' ').append(num(y))
                .append(")\" text-anchor=\"").append(anchor).append("\" font-size=\"").append(size)
                .append("\" fill=\"").append(fill).append("\">").append(Html.escape(text)).append("</text>");
    }

    static void line(StringBuilder out, double x1, double y1, double x2, double y2, String stroke, double width) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(num(width)).append("\"/>");
    }

    static void rect(StringBuilder out, double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(w, 0))).append("\" height=\"").append(num(Math.max(h, 0)))
                .append("\" fill=\"").append(fill).append('"');
        if (tooltip == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(Html.escape(tooltip)).append("</title></rect>");
        }
    }

    /**
     * The legend: one swatch and name per series, wrapped over as many rows as needed, starting at
     * {@code top}. Returns the y below the legend.
     */
    static double legend(StringBuilder out, List<String> names, double top, boolean lines) {
        return legend(out, names, top, lines, null);
    }

    /** As {@link #legend(StringBuilder, List, double, boolean)}, plus a grey swatch for {@code shadeName} if given. */
    static double legend(StringBuilder out, List<String> names, double top, boolean lines, String shadeName) {
        double x = 70;
        double y = top;
        out.append("<g class=\"legend\">");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            double width = 22 + textWidth(name, 12) + 22;
            if (x + width > WIDTH - 20 && x > 70) {
                x = 70;
                y += 18;
            }
            if (lines) {
                line(out, x, y - 4, x + 16, y - 4, color(i), 2.5);
                out.append("<circle cx=\"").append(num(x + 8)).append("\" cy=\"").append(num(y - 4))
                        .append("\" r=\"3\" fill=\"").append(color(i)).append("\"/>");
            } else {
                rect(out, x, y - 10, 12, 12, color(i), null);
            }
            text(out, x + 20, y, "start", 12, "normal", "#333333", name);
            x += width;
        }
        if (shadeName != null) {
            double width = 22 + textWidth(shadeName, 12) + 22;
            if (x + width > WIDTH - 20 && x > 70) {
                x = 70;
                y += 18;
            }
            out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y - 10))
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(MISSING_SHADE)
                    .append("\" stroke=\"#bbbbbb\"/>");
            text(out, x + 20, y, "start", 12, "normal", "#333333", shadeName);
        }
        out.append("</g>");
        return y + 14;
    }

    /** Horizontal grid lines and tick labels of a vertical value axis, and the rotated axis label. */
    static void valueAxis(StringBuilder out, Axis axis, double left, double right, double top, double bottom,
                          ValueFormat format, String label) {
        int decimals = axis.decimals();
        for (double tick : axis.ticks()) {
            double y = axis.scale(tick, bottom, top);
            line(out, left, y, right, y, Math.abs(tick) < 1e-12 ? "#555555" : "#e2e2e2", 1);
            text(out, left - 6, y + 4, "end", 11, "normal", "#444444", format.tick(tick, decimals));
        }
        rotatedText(out, 16, (top + bottom) / 2, -90, "middle", 12, "#333333", label);
    }

    /** Category labels under the x axis, rotated when they would not fit side by side. */
    static void categoryLabels(StringBuilder out, List<String> categories, double left, double band, double y,
                               boolean rotate) {
        for (int i = 0; i < categories.size(); i++) {
            double x = left + band * (i + 0.5);
            if (rotate) {
                rotatedText(out, x + 4, y + 10, -45, "end", 11, "#444444", categories.get(i));
            } else {
                text(out, x, y + 16, "middle", 11, "normal", "#444444", categories.get(i));
            }
        }
    }

    static boolean needsRotation(List<String> categories, double band) {
        double widest = 0;
        for (String c : categories) {
            widest = Math.max(widest, textWidth(c, 11));
        }
        return widest > band - 4;
    }

    /**
     * A generous estimate of the width of {@code text} in the sans-serif font at {@code size}
     * px: capitals and digits are wider than lower case. The page carries no font metrics.
     */
    static double textWidth(String text, int size) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            em += Character.isUpperCase(c) || Character.isDigit(c) || c == '_' ? 0.68 : c == ' ' ? 0.3 : 0.55;
        }
        return em * size;
    }

    /** {@code text} cut with an ellipsis to fit {@code width} px at {@code size} px. */
    static String fit(String text, double width, int size) {
        if (textWidth(text, size) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && textWidth(cut + "\u2026", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.stripTrailing() + "\u2026";
    }

    static int longest(List<String> labels) {
        int longest = 0;
        for (String c : labels) {
            longest = Math.max(longest, c.length());
        }
        return longest;
    }
}
