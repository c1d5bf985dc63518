package org.oriundos.jobs.status;

import java.io.Serializable;

/** The report {@code writeReport} wrote: its HTML file and year, or {@code null}s when the warehouse has no year with data. */
public record ReportOutcome(String html, Integer year) implements Serializable {
    public static final ReportOutcome NO_YEAR = new ReportOutcome(null, null);
}
