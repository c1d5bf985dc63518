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

    static final int TITLE_SIZE = 15;
    static final double TITLE_LINE = 19;
    /** Layout allows this much more width than the font's metrics say, so that nothing touches an edge. */
    static final double SAFETY = 1.04;

    /** The title's lines: wrapped to the chart's width, never cut. */
    static List<String> titleLines(String title) {
        return wrap(title, WIDTH - 40, TITLE_SIZE, true);
    }

    /** Where the legend starts, below the title's lines. */
    static double legendTop(String title) {
        return 46 + (titleLines(title).size() - 1) * TITLE_LINE;
    }

    static void open(StringBuilder out, String title, int height) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" aria-label=\"").append(Html.escape(title))
                .append("\" ").append(FONT).append(">");
        out.append("<title>").append(Html.escape(title)).append("</title>");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        List<String> lines = titleLines(title);
        for (int i = 0; i < lines.size(); i++) {
            text(out, WIDTH / 2.0, 22 + i * TITLE_LINE, "middle", TITLE_SIZE, "bold", "#1a1a1a", lines.get(i));
        }
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
        double rowBottom = y;
        out.append("<g class=\"legend\">");
        List<String> all = new java.util.ArrayList<>(names);
        if (shadeName != null) {
            all.add(shadeName);
        }
        for (int i = 0; i < all.size(); i++) {
            String name = all.get(i);
            // a name too long for one row is wrapped on a row of its own
            List<String> nameLines = wrap(name, WIDTH - 20 - 70 - 22, 12, false);
            double textWidth = 0;
            for (String l : nameLines) {
                textWidth = Math.max(textWidth, textWidth(l, 12));
            }
            double width = 22 + textWidth + 22;
            if (x + width > WIDTH - 20 && x > 70) {
                x = 70;
                y = rowBottom + 18;
            }
            boolean shade = shadeName != null && i == all.size() - 1;
            if (shade) {
                out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y - 10))
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(MISSING_SHADE)
                        .append("\" stroke=\"#bbbbbb\"/>");
            } else if (lines) {
                line(out, x, y - 4, x + 16, y - 4, color(i), 2.5);
                out.append("<circle cx=\"").append(num(x + 8)).append("\" cy=\"").append(num(y - 4))
                        .append("\" r=\"3\" fill=\"").append(color(i)).append("\"/>");
            } else {
                rect(out, x, y - 10, 12, 12, color(i), null);
            }
            for (int l = 0; l < nameLines.size(); l++) {
                text(out, x + 20, y + l * 15, "start", 12, "normal", "#333333", nameLines.get(l));
            }
            rowBottom = Math.max(rowBottom, y + (nameLines.size() - 1) * 15);
            x += width;
        }
        out.append("</g>");
        return rowBottom + 14;
    }

    /** Horizontal grid lines and tick labels of a vertical value axis, and the rotated axis label. */
    static void valueAxis(StringBuilder out, Axis axis, double left, double right, double top, double bottom,
                          ValueFormat format, String label, NumberText numbers) {
        int decimals = axis.decimals();
        for (double tick : axis.ticks()) {
            double y = axis.scale(tick, bottom, top);
            line(out, left, y, right, y, Math.abs(tick) < 1e-12 ? "#555555" : "#e2e2e2", 1);
            text(out, left - 6, y + 4, "end", 11, "normal", "#444444", format.tick(tick, decimals, numbers));
        }
        axisLabel(out, label, top, bottom);
    }

    /** The widest tick label of a value axis. */
    static double tickWidth(Axis axis, ValueFormat format, NumberText numbers) {
        double widest = 0;
        for (double tick : axis.ticks()) {
            widest = Math.max(widest, textWidth(format.tick(tick, axis.decimals(), numbers), 11));
        }
        return widest;
    }

    /** The lines of a vertical axis's label, rotated along a plot {@code height} px tall. */
    static List<String> axisLabelLines(String label, double height) {
        return wrap(label, Math.max(60, height - 8), 12, false);
    }

    /** The width the rotated label of a vertical axis takes at the chart's left edge. */
    static double axisLabelSpace(String label, double height) {
        return 10 + axisLabelLines(label, height).size() * 15;
    }

    /** The label of a vertical axis, rotated, wrapped over as many lines as the plot's height needs. */
    static void axisLabel(StringBuilder out, String label, double top, double bottom) {
        List<String> lines = axisLabelLines(label, bottom - top);
        for (int i = 0; i < lines.size(); i++) {
            rotatedText(out, 16 + i * 15, (top + bottom) / 2, -90, "middle", 12, "#333333", lines.get(i));
        }
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

    /** How far a category label rotated by 45 degrees reaches left of, and below, its anchor. */
    static double rotatedReach(String label) {
        return (textWidth(label, 11) + 11) * Math.sqrt(0.5);
    }

    /** The width of {@code text} at {@code size} px as laid out: the font's metrics with a margin of {@link #SAFETY}. */
    static double textWidth(String text, double size) {
        return TextMetrics.width(text, size) * SAFETY;
    }

    static double boldWidth(String text, double size) {
        return TextMetrics.width(text, size, true) * SAFETY;
    }

    /**
     * {@code text} broken into lines no wider than {@code width} px at {@code size} px, at spaces
     * (and after a hyphen or slash); a word wider than a line is broken between letters. Nothing is
     * left out.
     */
    static List<String> wrap(String text, double width, double size, boolean bold) {
        List<String> lines = new java.util.ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (measure(rest, size, bold) <= width) {
                lines.add(rest);
                break;
            }
            int cut = -1;
            for (int i = 1; i < rest.length(); i++) {
                char c = rest.charAt(i);
                boolean breakBefore = c == ' ';
                boolean breakAfter = (c == '-' || c == '/') && i + 1 < rest.length();
                int end = breakAfter ? i + 1 : i;
                if ((breakBefore || breakAfter) && measure(rest.substring(0, end).strip(), size, bold) <= width) {
                    cut = end;
                }
            }
            if (cut <= 0) {
                // one word wider than the line: as many of its letters as fit
                cut = 1;
                while (cut < rest.length() && measure(rest.substring(0, cut + 1), size, bold) <= width) {
                    cut++;
                }
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private static double measure(String text, double size, boolean bold) {
        return bold ? boldWidth(text, size) : textWidth(text, size);
    }
}
