package org.oriundos.warehouse.report.render;

/**
 * A cell with no number, and why. Shown as its reason in the HTML and left empty in the CSV, so a
 * missing figure is never read as zero.
 */
public record Absent(String reason) {
    /** A year with no consular registry snapshot has no registry figure (docs/report.md, Definitions). */
    public static final Absent NO_SNAPSHOT = new Absent("no snapshot");
    /** A change or rate that is not defined, e.g. growth from zero or a rate over no answers. */
    public static final Absent NOT_DEFINED = new Absent("n/a");
}
