package org.oriundos.warehouse.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlDocumentTest {

    @Test
    void rendersASelfContainedPageWithNumberedFiguresTablesAndContents() {
        HtmlDocument doc = new HtmlDocument("Annual report 2007", List.of("Period 1998-2007"));
        doc.section("registry", "Registered associations")
                .paragraph("Counts <per> year")
                .chart(new BarChart("Registered", "Year", "Associations", List.of("2006"),
                        List.of(new Series("Registered", List.of(570.0))), BarChart.Layout.GROUPED,
                        ValueFormat.COUNT, null), "Registered per year")
                .table(new ReportTable("clubs.csv", "Clubs",
                        List.of(TableColumn.text("Club"), TableColumn.count("Projects (count)"),
                                TableColumn.count("Registered (associations)")),
                        List.of(row("<script>alert(1)</script> Club Jerez", 1234, Absent.NO_SNAPSHOT)),
                        "Distinct clubs."));

        String html = doc.render();

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<a href=\"#registry\">Registered associations</a>")
                .contains("<h2>1. Registered associations</h2>")
                .contains("Counts &lt;per&gt; year")
                .contains("<strong>Figure 1.</strong> Registered per year")
                .contains("Table 1. Clubs")
                .contains("<a href=\"clubs.csv\">clubs.csv</a>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Club Jerez")
                .contains("<td class=\"num\">1,234</td>")
                .contains("<td class=\"num absent\">no snapshot</td>").contains("<td class=\"text\">&lt;script&gt;")
                .contains("Content-Security-Policy")
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("https://")
                .doesNotContain("@import");
    }

    @Test
    void saysSoWhenATableHasNoRows() {
        String html = new HtmlDocument("R", List.of()).section("s", "S")
                .table(new ReportTable("empty.csv", "Nothing", List.of(TableColumn.count("N (count)")), List.of(), ""))
                .render();

        assertThat(html).contains("No rows for this period.");
    }
}
