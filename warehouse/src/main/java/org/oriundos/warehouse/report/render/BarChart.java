package org.oriundos.warehouse.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Vertical bars, one group per category: series side by side ({@link Layout#GROUPED}) or on top of
 * each other ({@link Layout#STACKED}). A category whose values are all missing shows the missing
 * label (e.g. "no snapshot") instead of a bar.
 */
public final class BarChart implements Chart {
    public enum Layout { GROUPED, STACKED }

    /** The least height of a bar whose value is not zero, in px: a small value is never invisible. */
    static final double MIN_BAR = 2;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> categories;
    private final List<Series> series;
    private final Layout layout;
    private final ValueFormat format;
    private final String missingLabel;
    private final List<String> missingLabels;

    public BarChart(String title, String xLabel, String yLabel, List<String> categories, List<Series> series,
                    Layout layout, ValueFormat format, String missingLabel) {
        this(title, xLabel, yLabel, categories, series, layout, format, missingLabel, null);
    }

    /**
     * @param missingLabels per category, why its values are missing (e.g. "first snapshot" in a
     *                      year that has a snapshot but nothing to compare with); a null list or
     *                      entry falls back to {@code missingLabel}
     */
    public BarChart(String title, String xLabel, String yLabel, List<String> categories, List<Series> series,
                    Layout layout, ValueFormat format, String missingLabel, List<String> missingLabels) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        this.categories = List.copyOf(categories);
        this.series = List.copyOf(series);
        this.layout = Objects.requireNonNull(layout, "layout");
        this.format = Objects.requireNonNull(format, "format");
        this.missingLabel = missingLabel == null ? "no data" : missingLabel;
        this.missingLabels = missingLabels == null ? null : java.util.Collections.unmodifiableList(
                new ArrayList<>(missingLabels));
        if (this.missingLabels != null && this.missingLabels.size() != this.categories.size()) {
            throw new IllegalArgumentException("chart '" + title + "' has " + this.missingLabels.size()
                    + " missing labels for " + this.categories.size() + " categories");
        }
        Series.requireOnePerCategory(title, this.series, this.categories);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String toSvg(Language language) {
        NumberText numbers = language.numbers();
        Axis axis = axis();
        CategoryFrame frame = CategoryFrame.of(title, categories, series, false, null,
                Svg.tickWidth(axis, format, numbers), yLabel, xLabel);
        double left = frame.left();
        double band = frame.band();
        double top = frame.top();
        double bottom = frame.bottom();

        StringBuilder out = new StringBuilder();
        frame.open(out, title);
        Svg.valueAxis(out, axis, left, frame.right(), top, bottom, format, yLabel, numbers);
        double zero = axis.scale(0, bottom, top);
        out.append("<g class=\"marks\">");
        for (int c = 0; c < categories.size(); c++) {
            double x0 = left + band * c;
            if (Series.allMissing(series, c)) {
                Svg.rotatedText(out, x0 + band / 2 + 4, zero - 6, -90, "start", 10, "#777777", missingLabel(c));
                continue;
            }
            if (layout == Layout.GROUPED) {
                double inner = band * 0.8;
                double barWidth = inner / series.size();
                for (int s = 0; s < series.size(); s++) {
                    Double v = series.get(s).values().get(c);
                    double x = x0 + band * 0.1 + barWidth * s;
                    if (v == null) {
                        Svg.rotatedText(out, x + barWidth / 2 + 3, zero - 4, -90, "start", 9, "#777777", missingLabel(c));
                        continue;
                    }
                    double y = axis.scale(v, bottom, top);
                    // a value that is not zero always shows, however small against the largest
                    double h = v == 0 ? 0 : Math.max(MIN_BAR, Math.abs(zero - y));
                    Svg.rect(out, x, v >= 0 ? zero - h : zero, barWidth - 1, h, Svg.color(s),
                            tooltip(c, s, v, numbers));
                }
            } else {
                double pos = 0;
                double neg = 0;
                for (int s = 0; s < series.size(); s++) {
                    Double v = series.get(s).values().get(c);
                    if (v == null || v == 0) {
                        continue;
                    }
                    double from = v > 0 ? pos : neg;
                    double to = from + v;
                    if (v > 0) {
                        pos = to;
                    } else {
                        neg = to;
                    }
                    double y1 = axis.scale(from, bottom, top);
                    double y2 = axis.scale(to, bottom, top);
                    Svg.rect(out, x0 + band * 0.15, Math.min(y1, y2), band * 0.7, Math.abs(y1 - y2), Svg.color(s),
                            tooltip(c, s, v, numbers));
                }
            }
        }
        out.append("</g>");
        frame.close(out, categories);
        return out.toString();
    }

    private String missingLabel(int category) {
        String label = missingLabels == null ? null : missingLabels.get(category);
        return label == null ? missingLabel : label;
    }

    private String tooltip(int category, int s, double value, NumberText numbers) {
        return series.get(s).name() + ", " + categories.get(category) + ": " + format.value(value, numbers);
    }


    private Axis axis() {
        double min = 0;
        double max = 0;
        for (int c = 0; c < categories.size(); c++) {
            double pos = 0;
            double neg = 0;
            for (Series s : series) {
                Double v = s.values().get(c);
                if (v == null) {
                    continue;
                }
                if (layout == Layout.STACKED) {
                    if (v > 0) {
                        pos += v;
                    } else {
                        neg += v;
                    }
                } else {
                    pos = Math.max(pos, v);
                    neg = Math.min(neg, v);
                }
            }
            max = Math.max(max, pos);
            min = Math.min(min, neg);
        }
        return Axis.covering(min, max, format.minimumStep());
    }
}
