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
                        List.of(row("<script>alert(1)</script> Club Jerez", 1234, new Absent("no snapshot"))),
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
    void aSpanishPageSaysSoAndWritesItsNumbersInSpanish() {
        String html = new HtmlDocument("Informe 2019", List.of(), Language.ES).institution("Instituto de los Mexicanos en el Exterior")
                .titleBlock("Elaborado con", "oriundos 1.0")
                .section("s", "Registro").table(new ReportTable("t.csv", "Clubes",
                        List.of(TableColumn.count("N (número)"), TableColumn.percent("Proporción (%)")),
                        List.of(row(1234567, 0.123)), ""))
                .render();

        assertThat(html).contains("<html lang=\"es\">", "<h2>Contenido</h2>", "Cuadro 1. Clubes",
                "<p class=\"institution\">Instituto de los Mexicanos en el Exterior</p>",
                "<dt>Elaborado con</dt><dd>oriundos 1.0</dd>",
                "<td class=\"num\">1\u00a0234\u00a0567</td>", "<td class=\"num\">12,3\u00a0%</td>");
    }

    @Test
    void saysSoWhenATableHasNoRows() {
        String html = new HtmlDocument("R", List.of()).section("s", "S")
                .table(new ReportTable("empty.csv", "Nothing", List.of(TableColumn.count("N (count)")), List.of(), ""))
                .render();

        assertThat(html).contains("No rows for this period.");
    }
}
