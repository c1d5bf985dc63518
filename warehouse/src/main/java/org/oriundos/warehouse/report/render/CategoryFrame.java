package org.oriundos.warehouse.report.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame of a chart whose categories run along the x axis (bar and line charts): the plot area,
 * the title and legend above it, the value axis and its label on the left, and room below for the
 * category labels, rotated when they do not fit side by side. Every text is measured
 * ({@link TextMetrics}) and given the room it needs: the frame grows rather than cut a label.
 */
record CategoryFrame(double left, double right, double band, boolean rotate, String legend, double top,
                     double bottom, int height, List<String> xLabelLines) {
    static final double PLOT_HEIGHT = 240;

    /**
     * @param lines     legend swatches as lines rather than blocks
     * @param shadeName the legend's grey swatch for shaded categories, or null for none
     * @param tickWidth the widest tick label of the value axis
     */
    static CategoryFrame of(String title, List<String> categories, List<Series> series, boolean lines,
                            String shadeName, double tickWidth, String yLabel, String xLabel) {
        double right = Svg.WIDTH - 20;
        double left = Math.max(80, Svg.axisLabelSpace(yLabel, PLOT_HEIGHT) + tickWidth + 10);
        double band = bandOf(categories, left, right);
        boolean rotate = Svg.needsRotation(categories, band);
        double labelSpace = 24;
        if (rotate) {
            // a rotated label reaches down and to the left of its category: leave room for the longest,
            // and move the plot right if one of the first labels would leave the chart on the left
            double deepest = 0;
            for (int pass = 0; pass < 3; pass++) {
                for (int i = 0; i < categories.size(); i++) {
                    double reach = Svg.rotatedReach(categories.get(i));
                    deepest = Math.max(deepest, reach);
                    left = Math.max(left, reach + 8 - band * (i + 0.5));
                }
                band = bandOf(categories, left, right);
            }
            labelSpace = 16 + deepest;
        }
        List<String> names = new ArrayList<>();
        for (Series s : series) {
            names.add(s.name());
        }
        StringBuilder legend = new StringBuilder();
        double top = Svg.legend(legend, names, Svg.legendTop(title), lines, shadeName) + 12;
        double bottom = top + PLOT_HEIGHT;
        double center = (left + right) / 2;
        List<String> xLabelLines = Svg.wrap(xLabel, 2 * Math.min(center, Svg.WIDTH - center) - 20, 12, false);
        int height = (int) Math.ceil(bottom + labelSpace + 16 + xLabelLines.size() * 15);
        return new CategoryFrame(left, right, band, rotate, legend.toString(), top, bottom, height, xLabelLines);
    }

    private static double bandOf(List<String> categories, double left, double right) {
        return categories.isEmpty() ? right - left : (right - left) / categories.size();
    }

    /** Opens the SVG and draws the title and the legend. */
    void open(StringBuilder out, String title) {
        Svg.open(out, title, height);
        out.append(legend);
    }

    /** Draws the baseline, the category labels and the x-axis label, and closes the SVG. */
    void close(StringBuilder out, List<String> categories) {
        Svg.line(out, left, bottom, right, bottom, "#555555", 1);
        Svg.categoryLabels(out, categories, left, band, bottom, rotate);
        for (int i = 0; i < xLabelLines.size(); i++) {
            Svg.text(out, (left + right) / 2, height - 8 - (xLabelLines.size() - 1 - i) * 15, "middle", 12, "normal",
                    "#333333", xLabelLines.get(i));
        }
        Svg.close(out);
    }
}
