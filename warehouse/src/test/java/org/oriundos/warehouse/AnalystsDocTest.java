package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/**
 * docs/analysts.md cannot go stale: every SQL block of it runs on the demo warehouse (the demo's
 * inbox, seed 2019, through the real ingest, transform and warehouse build) and returns rows; its
 * place correction line is applied as an analyst would, with the next night, and the blocks after
 * it run on the corrected warehouse.
 */
class AnalystsDocTest {
    private static final String DOC = "docs/analysts.md";
    private static final long DEMO_SEED = 2019;
    private static final Pattern BLOCK = Pattern.compile("```(sql|csv)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path home;

    @Test
    void everyWorkedQueryRunsOnTheDemoWarehouseAndItsPlaceCorrectionWorks() throws IOException {
        String doc = Files.readString(docFile(), StandardCharsets.UTF_8);
        List<String[]> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
        assertThat(blocks).filteredOn(b -> b[0].equals("sql")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(blocks).filteredOn(b -> b[0].equals("csv")).hasSize(1);

        LakeLocation lake = LakeLocation.local(home.resolve("lake"));
        FileLoader loader = new FileLoader(lake, IngestOptions.DEFAULTS);
        for (Path f : new SampleExtracts(DEMO_SEED).writeDemoInbox(home.resolve("inbox"))) {
            loader.load(Inbox.delivery(f));
        }
        Path corrections = home.resolve("conf").resolve("place_corrections.csv");
        ConformOptions options = ConformOptions.forHome(home, ConformOptions.DEFAULT_BASE_YEAR);
        new ConformStage(lake, options).run(false);
        Path warehouse = home.resolve("warehouse").resolve("oriundos.duckdb");
        WarehouseBuilder builder = new WarehouseBuilder(new WarehouseSettings(lake, warehouse, 2, "1GB"));
        builder.build(false);

        int ran = 0;
        for (String[] block : blocks) {
            if (block[0].equals("csv")) {
                // the analyst's fix, then the next night
                Files.createDirectories(corrections.getParent());
                Files.writeString(corrections, block[1], StandardCharsets.UTF_8);
                assertThat(new ConformStage(lake, options).run(false).partitionsConformed()).isNotEmpty();
                builder.build(false);
                continue;
            }
            QueryResult result = WarehouseQuery.run(warehouse, block[1]);
            assertThat(result.rows()).as("rows of the query in %s:%n%s", DOC, block[1]).isNotEmpty();
            ran++;
        }
        assertThat(ran).isEqualTo(blocks.size() - 1);
        assertThat(WarehouseQuery.run(warehouse, "select count(*) from audit_unresolved where value like "
                + "'%Rancho Los Laureles%'").rows().get(0).get(0)).as("the other project of that name stays listed")
                .isEqualTo(1L);
    }

    private static Path docFile() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DOC))) {
                return dir.resolve(DOC);
            }
        }
        throw new IOException("cannot find " + DOC + " above " + Path.of("").toAbsolutePath());
    }
}
