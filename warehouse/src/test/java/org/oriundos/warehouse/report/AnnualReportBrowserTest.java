package org.oriundos.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.warehouse.report.browser.ChromiumForTests;
import org.oriundos.warehouse.report.browser.HeadlessChromium;
import org.oriundos.warehouse.report.browser.PageRender;

/**
 * The report as a reader sees it: opened in a real headless Chromium, with no network. The page
 * must load with no console error and no request leaving the folder, and every chart must draw.
 * The screenshot is kept in {@code target/report-screenshots/} for a person to look at.
 */
class AnnualReportBrowserTest {

    @TempDir
    Path dir;

    @Test
    void reportOpensOfflineWithoutConsoleErrorsAndEveryChartDraws() throws Exception {
        Path chromiumBinary = ChromiumForTests.binary();
        ReportFixtureLake lake = ReportFixtureLake.writeTo(dir.resolve("lake"));
        Path warehouse = ReportWarehouse.build(lake, dir);
        ReportResult report = new AnnualReport().write(warehouse, 2008, 1998, dir.resolve("reports"));
        String html = Files.readString(report.html());
        int figures = count(html, "<figure>");

        PageRender render;
        try (HeadlessChromium chromium = HeadlessChromium.launch(chromiumBinary, dir)) {
            render = chromium.render(report.html(), 1100, Path.of("target", "report-screenshots", "report-2008.png"));
        }

        assertThat(render.consoleErrors()).isEmpty();
        assertThat(render.externalRequests()).isEmpty();
        assertThat(render.charts()).hasSize(figures);
        assertThat(figures).isGreaterThanOrEqualTo(15);
        assertThat(render.charts()).allSatisfy(chart -> {
            assertThat(chart.title()).isNotBlank();
            assertThat(chart.drewSomething()).as("chart '%s' drew its marks", chart.title()).isTrue();
        });
        // The page fits the window: charts scale down instead of making it scroll sideways.
        assertThat(render.pageWidth()).isLessThanOrEqualTo(1100);
        assertThat(render.screenshot()).isRegularFile();
        assertThat(Files.readAllBytes(render.screenshot())).startsWith(0x89, 'P', 'N', 'G');
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
