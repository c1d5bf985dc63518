package org.oriundos.warehouse.report.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame of a chart whose categories run along the x axis (bar and line charts): the plot area,
 * the legend above it, and room below for the category labels, rotated when they do not fit.
 */
record CategoryFrame(double left, double right, double band, boolean rotate, String legend, double top,
                     double bottom, int height) {

    /**
     * @param lines     legend swatches as lines rather than blocks
     * @param shadeName the legend's grey swatch for shaded categories, or null for none
     */
    static CategoryFrame of(List<String> categories, List<Series> series, boolean lines, String shadeName) {
        double left = 80;
        double right = Svg.WIDTH - 20;
        double band = categories.isEmpty() ? right - left : (right - left) / categories.size();
        boolean rotate = Svg.needsRotation(categories, band);
        double labelSpace = rotate ? Math.min(110, 18 + Svg.longest(categories) * 5.0) : 24;
        List<String> names = new ArrayList<>();
        for (Series s : series) {
            names.add(s.name());
        }
        StringBuilder legend = new StringBuilder();
        double top = Svg.legend(legend, names, 46, lines, shadeName) + 12;
        double bottom = top + 240;
        int height = (int) Math.ceil(bottom + labelSpace + 30);
        return new CategoryFrame(left, right, band, rotate, legend.toString(), top, bottom, height);
    }

    /** Opens the SVG and draws the legend. */
    void open(StringBuilder out, String title) {
        Svg.open(out, title, height);
        out.append(legend);
    }

    /** Draws the baseline, the category labels and the x-axis label, and closes the SVG. */
    void close(StringBuilder out, List<String> categories, String xLabel) {
        Svg.line(out, left, bottom, right, bottom, "#555555", 1);
        Svg.categoryLabels(out, categories, left, band, bottom, rotate);
        Svg.text(out, (left + right) / 2, height - 8, "middle", 12, "normal", "#333333", xLabel);
        Svg.close(out);
    }
}
