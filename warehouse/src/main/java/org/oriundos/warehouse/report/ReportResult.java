package org.oriundos.warehouse.report;

import java.nio.file.Path;
import java.util.List;

/** What {@link AnnualReport#write} wrote: the page, and one CSV per table of it, in page order. */
public record ReportResult(Path html, List<Path> csvFiles) {
    public ReportResult {
        csvFiles = List.copyOf(csvFiles);
    }
}
