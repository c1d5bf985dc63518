package org.oriundos.warehouse.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One bar per labelled item, drawn across, with its value written at the end of the bar: for
 * rankings with long names (states by growth). Negative values extend left of the zero line. A
 * long name is wrapped over several lines, never cut; the value may be given its own text (for
 * example "0.3% · 47 rows").
 */
public final class HorizontalBarChart implements Chart {
    private static final double ROW = 22;
    private static final double LINE = 14;
    /** The names' column: from the axis label at the left edge to at most this wide. */
    private static final double LABEL_COLUMN = 290;
    private static final double LABELS_FROM = 36;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> labels;
    private final Series series;
    private final ValueFormat format;
    private final List<String> valueLabels;

    public HorizontalBarChart(String title, String xLabel, String yLabel, List<String> labels, Series series,
                              ValueFormat format) {
        this(title, xLabel, yLabel, labels, series, format, null);
    }

    /**
     * @param valueLabels the text written at the end of each bar, or null to write its value in
     *                    {@code format}
     */
    public HorizontalBarChart(String title, String xLabel, String yLabel, List<String> labels, Series series,
                              ValueFormat format, List<String> valueLabels) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        this.labels = List.copyOf(labels);
        this.series = Objects.requireNonNull(series, "series");
        this.format = Objects.requireNonNull(format, "format");
        this.valueLabels = valueLabels == null ? null : List.copyOf(valueLabels);
        if (series.values().size() != this.labels.size()) {
            throw new IllegalArgumentException("chart '" + title + "' has " + series.values().size()
                    + " values for " + this.labels.size() + " labels");
        }
        if (this.valueLabels != null && this.valueLabels.size() != this.labels.size()) {
            throw new IllegalArgumentException("chart '" + title + "' has " + this.valueLabels.size()
                    + " value labels for " + this.labels.size() + " labels");
        }
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String toSvg(Language language) {
        NumberText numbers = language.numbers();
        StringBuilder legend = new StringBuilder();
        double top = Svg.legend(legend, List.of(series.name()), Svg.legendTop(title), false) + 16;

        List<List<String>> nameLines = new ArrayList<>();
        double widest = 0;
        for (String label : labels) {
            List<String> lines = Svg.wrap(label, LABEL_COLUMN, 12, false);
            nameLines.add(lines);
            for (String line : lines) {
                widest = Math.max(widest, Svg.textWidth(line, 12));
            }
        }
        List<String> values = new ArrayList<>();
        double widestValue = Svg.textWidth(language.notAvailable(), 11);
        for (int i = 0; i < labels.size(); i++) {
            Double v = series.values().get(i);
            String text = v == null ? language.notAvailable()
                    : valueLabels != null ? valueLabels.get(i) : format.value(v, numbers);
            values.add(text);
            widestValue = Math.max(widestValue, Svg.textWidth(text, 11));
        }
        double left = LABELS_FROM + widest + 10;
        double right = Svg.WIDTH - Math.max(40, widestValue + 16);

        double[] rowTop = new double[labels.size()];
        double[] rowHeight = new double[labels.size()];
        double y = top;
        for (int i = 0; i < labels.size(); i++) {
            rowTop[i] = y;
            rowHeight[i] = Math.max(ROW, nameLines.get(i).size() * LINE + 8);
            y += rowHeight[i];
        }
        // the plot is at least as tall as its rotated axis label is long
        double bottom = Math.max(y, top + Math.max(ROW, Svg.textWidth(yLabel, 12) + 10));
        Axis axis = Axis.covering(List.of(series), format.minimumStep());
        int decimals = axis.decimals();
        double tickHalf = 0;
        for (double tick : axis.ticks()) {
            tickHalf = Math.max(tickHalf, Svg.textWidth(format.tick(tick, decimals, numbers), 11) / 2);
        }
        right = Math.min(right, Svg.WIDTH - tickHalf - 4);
        double center = (left + right) / 2;
        List<String> xLabelLines = Svg.wrap(xLabel, 2 * Math.min(center, Svg.WIDTH - center) - 20, 12, false);
        int height = (int) Math.ceil(bottom + 40 + xLabelLines.size() * 15);

        StringBuilder out = new StringBuilder();
        Svg.open(out, title, height);
        out.append(legend);
        for (double tick : axis.ticks()) {
            double x = axis.scale(tick, left, right);
            Svg.line(out, x, top, x, bottom, Math.abs(tick) < 1e-12 ? "#555555" : "#e2e2e2", 1);
            Svg.text(out, x, bottom + 16, "middle", 11, "normal", "#444444", format.tick(tick, decimals, numbers));
        }
        double zero = axis.scale(0, left, right);
        out.append("<g class=\"marks\">");
        for (int i = 0; i < labels.size(); i++) {
            double rowMiddle = rowTop[i] + rowHeight[i] / 2;
            List<String> lines = nameLines.get(i);
            double firstBaseline = rowMiddle + 4 - (lines.size() - 1) * LINE / 2;
            for (int l = 0; l < lines.size(); l++) {
                Svg.text(out, left - 8, firstBaseline + l * LINE, "end", 12, "normal", "#222222", lines.get(l));
            }
            Double v = series.values().get(i);
            if (v == null) {
                Svg.text(out, zero + 6, rowMiddle + 4, "start", 11, "normal", "#777777", values.get(i));
                continue;
            }
            double x = axis.scale(v, left, right);
            // a value that is not zero always shows, however small against the largest
            double w = v == 0 ? 0 : Math.max(BarChart.MIN_BAR, Math.abs(x - zero));
            double barEnd = v >= 0 ? zero + w : zero - w;
            Svg.rect(out, v >= 0 ? zero : zero - w, rowMiddle - (ROW - 8) / 2, w, ROW - 8, Svg.color(0),
                    labels.get(i) + ": " + values.get(i));
            Svg.text(out, v >= 0 ? barEnd + 5 : barEnd - 5, rowMiddle + 4, v >= 0 ? "start" : "end", 11, "normal",
                    "#222222", values.get(i));
        }
        out.append("</g>");
        Svg.axisLabel(out, yLabel, top, bottom);
        for (int i = 0; i < xLabelLines.size(); i++) {
            Svg.text(out, center, height - 10 - (xLabelLines.size() - 1 - i) * 15, "middle", 12, "normal", "#333333",
                    xLabelLines.get(i));
        }
        Svg.close(out);
        return out.toString();
    }
}
