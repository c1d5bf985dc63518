package org.oriundos.warehouse.report.render;

/**
 * A cell with no number, and why, in the report's language ("no snapshot", "n/a"). Shown as its
 * reason in the HTML and left empty in the CSV, so a missing figure is never read as zero.
 */
public record Absent(String reason) {
    public Absent {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an absent value says why it is absent");
        }
    }
}
