package org.oriundos.warehouse.report.browser;

import java.util.List;

/**
 * One {@code <svg>} as Chromium laid it out: its size on the page, how many marks (bars, lines,
 * dots) its {@code g.marks} group holds and the size of what they drew, and the texts whose box,
 * in the font the browser chose, leaves the chart (a label cut off on the page).
 */
public record SvgChartBox(String title, double width, double height, int marks, double marksWidth,
                          double marksHeight, List<String> textOutside) {
    public SvgChartBox {
        textOutside = List.copyOf(textOutside);
    }

    public boolean drewSomething() {
        return width > 0 && height > 0 && marks > 0 && (marksWidth > 0 || marksHeight > 0);
    }
}
