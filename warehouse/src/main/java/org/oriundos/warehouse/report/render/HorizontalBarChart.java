package org.oriundos.warehouse.report.render;

import java.util.List;
import java.util.Objects;

/**
 * One bar per labelled item, drawn across, with its value written at the end of the bar: for
 * rankings with long names (states by growth). Negative values extend left of the zero line.
 */
public final class HorizontalBarChart implements Chart {
    private static final double ROW = 22;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> labels;
    private final Series series;
    private final ValueFormat format;

    public HorizontalBarChart(String title, String xLabel, String yLabel, List<String> labels, Series series,
                              ValueFormat format) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        this.labels = List.copyOf(labels);
        this.series = Objects.requireNonNull(series, "series");
        this.format = Objects.requireNonNull(format, "format");
        if (series.values().size() != this.labels.size()) {
            throw new IllegalArgumentException("chart '" + title + "' has " + series.values().size()
                    + " values for " + this.labels.size() + " labels");
        }
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String toSvg() {
        StringBuilder legend = new StringBuilder();
        double top = Svg.legend(legend, List.of(series.name()), 46, false) + 16;
        double widest = 0;
        for (String label : labels) {
            widest = Math.max(widest, Svg.textWidth(label, 12));
        }
        double left = Math.min(330, 44 + widest);
        double right = Svg.WIDTH - 80;
        double bottom = top + Math.max(1, labels.size()) * ROW;
        int height = (int) Math.ceil(bottom + 56);

        Axis axis = Axis.covering(List.of(series), format.minimumStep());
        StringBuilder out = new StringBuilder();
        Svg.open(out, title, height);
        out.append(legend);
        int decimals = axis.decimals();
        for (double tick : axis.ticks()) {
            double x = axis.scale(tick, left, right);
            Svg.line(out, x, top, x, bottom, Math.abs(tick) < 1e-12 ? "#555555" : "#e2e2e2", 1);
            Svg.text(out, x, bottom + 16, "middle", 11, "normal", "#444444", format.tick(tick, decimals));
        }
        double zero = axis.scale(0, left, right);
        out.append("<g class=\"marks\">");
        for (int i = 0; i < labels.size(); i++) {
            double y = top + ROW * i;
            // Long names are cut to fit; the full name is the label's tooltip.
            out.append("<g><title>").append(Html.escape(labels.get(i))).append("</title>");
            Svg.text(out, left - 8, y + ROW / 2 + 4, "end", 12, "normal", "#222222",
                    Svg.fit(labels.get(i), left - 44, 12));
            out.append("</g>");
            Double v = series.values().get(i);
            if (v == null) {
                Svg.text(out, zero + 6, y + ROW / 2 + 4, "start", 11, "normal", "#777777", "n/a");
                continue;
            }
            double x = axis.scale(v, left, right);
            Svg.rect(out, Math.min(x, zero), y + 4, Math.abs(x - zero), ROW - 8, Svg.color(0),
                    labels.get(i) + ": " + format.value(v));
            Svg.text(out, v >= 0 ? x + 5 : x - 5, y + ROW / 2 + 4, v >= 0 ? "start" : "end", 11, "normal",
                    "#222222", format.value(v));
        }
        out.append("</g>");
        Svg.rotatedText(out, 16, (top + bottom) / 2, -90, "middle", 12, "#333333", yLabel);
        Svg.text(out, (left + right) / 2, height - 10, "middle", 12, "normal", "#333333", xLabel);
        Svg.close(out);
        return out.toString();
    }
}
