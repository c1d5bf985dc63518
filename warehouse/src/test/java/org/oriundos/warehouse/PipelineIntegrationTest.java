package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.transform.ConformOptions;
import org.oriundos.transform.ConformStage;

/** The warehouse built from what the real ingest and transform make of the demo extracts. */
class PipelineIntegrationTest {
    @TempDir
    Path home;

    @Test
    void buildsChecksAndPatchesTheWarehouseFromTheDemoExtractsThroughIngestAndTransform() {
        // the demo's deliveries of 2013 on: both registry layouts' successors, the 2013 3x1 layout,
        // activity, a survey; enough of everything, and a test that stays quick
        List<Path> files = new SampleExtracts(7).writeDemoInbox(home.resolve("inbox")).stream()
                .filter(f -> yearOf(f) >= 2013)
                .toList();
        LakeLocation lake = LakeLocation.local(home.resolve("lake"));
        FileLoader loader = new FileLoader(lake, IngestOptions.DEFAULTS);
        ConformStage conform = new ConformStage(lake, ConformOptions.DEFAULTS);
        Path published = home.resolve("warehouse").resolve("oriundos.duckdb");
        WarehouseBuilder builder = new WarehouseBuilder(new WarehouseSettings(lake, published, 2, "1GB"));
        // the first nights bring all but the last few deliveries, the last night the rest
        int firstNights = files.size() - 4;
        for (Path f : files.subList(0, firstNights)) {
            loader.load(Inbox.delivery(f));
        }
        conform.run(false);

        BuildResult first = builder.build(false);

        assertThat(first.changed()).isTrue();
        assertThat(first.checksPassed().size() + first.warnings().size()).isEqualTo(QualityChecks.all().size());
        assertThat(first.rowCounts().get("fact_project_funding")).isPositive();
        assertThat(builder.build(false).changed()).isFalse();

        for (Path f : files.subList(firstNights, files.size())) {
            loader.load(Inbox.delivery(f));
        }
        conform.run(false);
        BuildResult last = builder.build(false);
        Path rebuilt = home.resolve("rebuilt").resolve("oriundos.duckdb");
        BuildResult full = new WarehouseBuilder(new WarehouseSettings(lake, rebuilt, 2, "1GB")).build(true);

        assertThat(last.partitionsApplied().size()).isLessThan(full.partitionsApplied().size());
        assertThat(last.checksPassed().size() + last.warnings().size()).isEqualTo(QualityChecks.all().size());
        Map<String, List<String>> incremental = IncrementalAndPublishTest.contents(published);
        Map<String, List<String>> fromNothing = IncrementalAndPublishTest.contents(rebuilt);
        assertThat(incremental.keySet()).isEqualTo(fromNothing.keySet());
        for (String table : incremental.keySet()) {
            assertThat(incremental.get(table)).as(table).isEqualTo(fromNothing.get(table));
        }
        assertThat(WarehouseQuery.run(published, "select count(*) from v_association_growth").rows().get(0).get(0))
                .isNotEqualTo(0L);
    }

    private static int yearOf(Path file) {
        Matcher m = Pattern.compile("(19|20)\\d\\d").matcher(file.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group()) : 0;
    }
}
