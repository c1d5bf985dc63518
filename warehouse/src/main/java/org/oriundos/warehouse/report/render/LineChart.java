package org.oriundos.warehouse.report.render;

import java.util.List;
import java.util.Objects;

/**
 * Lines over ordered categories (usually years), with a dot on every value. A missing value is
 * never drawn as zero: the line stops there, or is bridged by a dashed line; a category where
 * every series is missing shows the missing label.
 */
public final class LineChart implements Chart {
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<Series> series;
    private final ValueFormat format;
    private final String missingLabel;
    private final boolean bridgeGaps;

    /**
     * @param bridgeGaps join values across missing categories with a dashed line (for counts only
     *                   observed in some years); otherwise the line stops at a gap
     */
    public LineChart(String title, String xLabel, String yLabel, List<String> categories, List<Series> series,
                     ValueFormat format, String missingLabel, boolean bridgeGaps) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.format = Objects.requireNonNull(format, "format");
        this.missingLabel = missingLabel == null ? "no data" : missingLabel;
        this.bridgeGaps = bridgeGaps;
        Series.requireOnePerCategory(title, this.series, this.categories);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String toSvg(Language language) {
        NumberText numbers = language.numbers();
        boolean anyMissing = false;
        for (int c = 0; c < categories.size(); c++) {
            anyMissing |= Series.allMissing(series, c);
        }
        Axis axis = Axis.covering(series, format.minimumStep());
        CategoryFrame frame = CategoryFrame.of(title, categories, series, true, anyMissing ? missingLabel : null,
                Svg.tickWidth(axis, format, numbers), yLabel, xLabel);
        double left = frame.left();
        double band = frame.band();
        double top = frame.top();
        double bottom = frame.bottom();

        StringBuilder out = new StringBuilder();
        frame.open(out, title);
        // Categories with no value at all are shaded, and the shade is in the legend: the reader
        // sees the gap without a label crossing the lines.
        for (int c = 0; c < categories.size(); c++) {
            if (Series.allMissing(series, c)) {
                Svg.rect(out, left + band * c, top, band, bottom - top, Svg.MISSING_SHADE,
                        categories.get(c) + ": " + missingLabel);
            }
        }
        Svg.valueAxis(out, axis, left, frame.right(), top, bottom, format, yLabel, numbers);
        out.append("<g class=\"marks\">");
        for (int s = 0; s < series.size(); s++) {
            List<Double> values = series.get(s).values();
            StringBuilder solid = new StringBuilder();
            StringBuilder dashed = new StringBuilder();
            int previous = -1;
            for (int c = 0; c < values.size(); c++) {
                Double v = values.get(c);
                if (v == null) {
                    continue;
                }
                double x = left + band * (c + 0.5);
                double y = axis.scale(v, bottom, top);
                if (previous >= 0) {
                    double px = left + band * (previous + 0.5);
                    double py = axis.scale(values.get(previous), bottom, top);
                    // Consecutive values are joined by a solid line; across missing years the
                    // line is dashed, so a reader sees it joins observations, not figures.
                    StringBuilder target = c == previous + 1 ? solid : dashed;
                    if (c == previous + 1 || bridgeGaps) {
                        target.append(" M").append(Svg.num(px)).append(' ').append(Svg.num(py))
                                .append(" L").append(Svg.num(x)).append(' ').append(Svg.num(y));
                    }
                }
                previous = c;
            }
            if (solid.length() > 0) {
                out.append("<path d=\"").append(solid.toString().trim()).append("\" fill=\"none\" stroke=\"")
                        .append(Svg.color(s)).append("\" stroke-width=\"2.5\"/>");
            }
            if (dashed.length() > 0) {
                out.append("<path d=\"").append(dashed.toString().trim()).append("\" fill=\"none\" stroke=\"")
                        .append(Svg.color(s)).append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>");
            }
            for (int c = 0; c < values.size(); c++) {
                Double v = values.get(c);
                if (v == null) {
                    continue;
                }
                out.append("<circle cx=\"").append(Svg.num(left + band * (c + 0.5))).append("\" cy=\"")
                        .append(Svg.num(axis.scale(v, bottom, top))).append("\" r=\"3.5\" fill=\"")
                        .append(Svg.color(s)).append("\"><title>")
                        .append(Html.escape(series.get(s).name() + ", " + categories.get(c) + ": " + format.value(v, numbers)))
                        .append("</title></circle>");
            }
        }
        out.append("</g>");
        frame.close(out, categories);
        return out.toString();
    }
}
