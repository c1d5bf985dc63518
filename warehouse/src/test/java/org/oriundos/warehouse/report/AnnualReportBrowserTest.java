package org.oriundos.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.warehouse.report.browser.ChromiumForTests;
import org.oriundos.warehouse.report.browser.HeadlessChromium;
import org.oriundos.warehouse.report.browser.PageRender;
import org.oriundos.warehouse.report.render.Language;

/**
 * The report as a reader sees it, in each language: opened in a real headless Chromium, with no
 * network. The page must load with no console error and no request leaving the folder, every chart
 * must draw, no chart text may fall outside its chart in the font the browser uses, and no table
 * may be wider than the page. The screenshots are kept in {@code target/report-screenshots/} for a
 * person to look at.
 */
class AnnualReportBrowserTest {

    @TempDir
    static Path dir;

    static Path warehouse;

    @BeforeAll
    static void buildWarehouse() {
        ReportFixtureLake lake = ReportFixtureLake.writeTo(dir.resolve("lake"));
        warehouse = ReportWarehouse.build(lake, dir);
    }

    @Test
    void theEnglishReportOpensOfflineWithoutConsoleErrorsEveryChartDrawsAndNoLabelIsCut() throws Exception {
        PageRender render = render(ReportOptions.DEFAULTS, "report-2008.png");

        assertThat(render.language()).isEqualTo("en");
        // what the reader sees: the headline's peak, the incomplete-year flag, human labels, English numbers
        assertThat(render.visibleText()).contains(ReportText.message(Language.EN, "headline.col.peak_year"),
                        "The latest fiscal year, 2008, looks incomplete", "Paving", "How associations are identified")
                .containsPattern("\\d,\\d{3},\\d{3}").doesNotContain("PAVIMENTACION", "Pavimentación");
    }

    @Test
    void theSpanishReportOpensOfflineWithoutConsoleErrorsEveryChartDrawsAndNoLabelIsCut() throws Exception {
        PageRender render = render(ReportOptions.of("es", "Instituto de los Mexicanos en el Exterior"),
                "report-2008-es.png");

        assertThat(render.language()).isEqualTo("es");
        assertThat(render.visibleText()).contains(ReportText.message(Language.ES, "headline.col.peak_year"),
                        "El último ejercicio fiscal, 2008, parece incompleto", "Pavimentación",
                        "Cómo se identifica cada asociación", "Instituto de los Mexicanos en el Exterior")
                .containsPattern("\\d[\u00a0 ]\\d{3}[\u00a0 ]\\d{3}")
                .doesNotContain(ReportText.message(Language.EN, "headline.col.peak_year"), "looks incomplete",
                        "Paving", "PAVIMENTACION");
    }

    private PageRender render(ReportOptions options, String screenshot) throws Exception {
        Path chromiumBinary = ChromiumForTests.binary();
        ReportResult report = new AnnualReport().write(warehouse, 2008, 1998,
                dir.resolve("reports-" + options.language().code()), options);
        String html = Files.readString(report.html());
        int figures = count(html, "<figure>");

        PageRender render;
        try (HeadlessChromium chromium = HeadlessChromium.launch(chromiumBinary, dir)) {
            render = chromium.render(report.html(), 1100, Path.of("target", "report-screenshots", screenshot));
        }

        assertThat(render.consoleErrors()).isEmpty();
        assertThat(render.externalRequests()).isEmpty();
        assertThat(render.charts()).hasSize(figures);
        assertThat(figures).isGreaterThanOrEqualTo(15);
        assertThat(render.charts()).allSatisfy(chart -> {
            assertThat(chart.title()).isNotBlank();
            assertThat(chart.drewSomething()).as("chart '%s' drew its marks", chart.title()).isTrue();
            assertThat(chart.textOutside()).as("texts of chart '%s' cut off at its edge", chart.title()).isEmpty();
        });
        // The page fits the window: charts scale down and wide tables set smaller instead of scrolling sideways.
        assertThat(render.pageWidth()).isLessThanOrEqualTo(1100);
        assertThat(render.tablesWiderThanThePage()).isEmpty();
        assertThat(render.screenshot()).isRegularFile();
        assertThat(Files.readAllBytes(render.screenshot())).startsWith(0x89, 'P', 'N', 'G');
        return render;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
