package org.oriundos.warehouse.report.browser;

/**
 * One {@code <svg>} as Chromium laid it out: its size on the page, and how many marks (bars,
 * lines, dots) its {@code g.marks} group holds and the size of what they drew.
 */
public record SvgChartBox(String title, double width, double height, int marks, double marksWidth,
                          double marksHeight) {
    public boolean drewSomething() {
        return width > 0 && height > 0 && marks > 0 && (marksWidth > 0 || marksHeight > 0);
    }
}
