package org.oriundos.warehouse.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser check must be able to fail: on a page with the faults, it reports each of them. */
class HeadlessChromiumTest {

    @TempDir
    Path dir;

    @Test
    void reportsConsoleErrorsMissingFilesExternalRequestsEmptyChartsCutLabelsAndWideTables() throws Exception {
        Path page = dir.resolve("page-with-faults.html");
        Files.copy(getClass().getResourceAsStream("/report/page-with-faults.html"), page);

        PageRender render;
        try (HeadlessChromium chromium = HeadlessChromium.launch(ChromiumForTests.binary(), dir)) {
            render = chromium.render(page, 800, dir.resolve("faults.png"));
        }

        assertThat(render.consoleErrors()).anySatisfy(e -> assertThat(e).contains("a chart failed to draw"));
        assertThat(render.consoleErrors()).anySatisfy(e -> assertThat(e).contains("missing-picture.png"));
        assertThat(render.externalRequests()).containsExactly("https://fonts.example.invalid/report.css");
        assertThat(render.charts()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Empty chart");
            assertThat(c.drewSomething()).isFalse();
            assertThat(c.textOutside()).containsExactly("A label that runs off the chart");
        });
        assertThat(render.tablesWiderThanThePage()).containsExactly("Too wide");
        assertThat(render.language()).isEqualTo("en");
        assertThat(Files.size(render.screenshot())).isGreaterThan(0);
        assertThat(Files.readAllBytes(render.screenshot())).startsWith(0x89, 'P', 'N', 'G');
    }
}
