package org.oriundos.warehouse.report;

import java.util.ArrayList;
import java.util.List;
import org.oriundos.warehouse.report.render.Chart;
import org.oriundos.warehouse.report.render.HtmlDocument;
import org.oriundos.warehouse.report.render.ReportTable;

/** The page being written and the tables on it, in order: each table becomes a CSV file. */
final class ReportPage {
    private final HtmlDocument document;
    private final List<ReportTable> tables = new ArrayList<>();

    ReportPage(HtmlDocument document) {
        this.document = document;
    }

    HtmlDocument document() {
        return document;
    }

    void section(String id, String heading) {
        document.section(id, heading);
    }

    void subheading(String text) {
        document.subheading(text);
    }

    void paragraph(String text) {
        document.paragraph(text);
    }

    void callout(String text) {
        document.callout(text);
    }

    void empty(String text) {
        document.emptyNote(text);
    }

    void chart(Chart chart, String caption) {
        document.chart(chart, caption);
    }

    void table(ReportTable table) {
        for (ReportTable t : tables) {
            if (t.csvName().equals(table.csvName())) {
                throw new IllegalStateException("two report tables would write " + table.csvName());
            }
        }
        document.table(table);
        tables.add(table);
    }

    List<ReportTable> tables() {
        return List.copyOf(tables);
    }
}
