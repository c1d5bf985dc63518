package org.oriundos.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.jobs.Fixtures;
import org.oriundos.jobs.OriundosApplication;
import org.oriundos.jobs.home.Settings;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly's {@code ingestFile} step and {@code FileLoader} (the ingest tests, {@code bench}) run
 * one loop: from the same deliveries, in chunks of the same size, they leave byte-identical raw and
 * rejects partitions (a loop of their own would differ in its parts at least).
 */
@SpringBatchTest
@SpringBootTest(classes = OriundosApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=always",
        "spring.main.banner-mode=off",
        Settings.CHUNK_ROWS + "=" + OneIngestPathTest.CHUNK_ROWS})
class OneIngestPathTest {
    /** Small, so each 3x1 fixture is several chunks (several parts) and the last one is short. */
    static final int CHUNK_ROWS = 4;

    @TempDir
    static Path home;

    @TempDir
    Path elsewhere;

    @DynamicPropertySource
    static void dataHome(DynamicPropertyRegistry registry) {
        registry.add("oriundos.home", () -> home.toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + home.resolve("jobrepo/oriundos"));
        registry.add("spring.datasource.username", () -> "sa");
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    Job nightlyJob;

    @Test
    void theNightlyAndFileLoaderLeaveTheSamePartsFromTheSameDeliveries() throws Exception {
        List<String> extracts = new ArrayList<>(Fixtures.NIGHT);
        extracts.add(Fixtures.REFUSED);
        jobs.setJob(nightlyJob);
        Fixtures.deliver(home, extracts);
        JobExecution night = jobs.startJob(new NightlyParameters(1, false, null).toJobParameters());
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);

        LakeLocation loaderLake = LakeLocation.local(elsewhere.resolve("lake"));
        FileLoader loader = new FileLoader(loaderLake, new IngestOptions(IngestOptions.DEFAULTS.maxRejectShare(),
                CHUNK_ROWS, IngestOptions.DEFAULTS.maxRowDrop()));
        List<LedgerEntry> entries = new ArrayList<>();
        try (var files = Files.list(home.resolve("inbox"))) {
            for (Path file : files.sorted().toList()) {
                entries.add(loader.load(Inbox.delivery(file)));
            }
        }
        assertThat(entries).extracting(LedgerEntry::status)
                .contains(LedgerEntry.Status.LOADED, LedgerEntry.Status.FAILED);

        LakeLocation nightLake = LakeLocation.local(home.resolve("lake"));
        int compared = 0;
        for (LakeLayout.Zone zone : List.of(LakeLayout.Zone.RAW, LakeLayout.Zone.REJECTS)) {
            List<String> tables = new LakeLayout(nightLake).tables(zone);
            assertThat(new LakeLayout(loaderLake).tables(zone)).as(zone.folder()).isEqualTo(tables);
            for (String table : tables) {
                List<org.apache.hadoop.fs.Path> ours = new Generations(nightLake).partitionFiles(zone, table);
                List<org.apache.hadoop.fs.Path> theirs = new Generations(loaderLake).partitionFiles(zone, table);
                compared += sameFiles(nightLake, ours, loaderLake, theirs);
            }
        }
        // a refused file's account of itself (its rejects and the refusal's reason) is the loop's too
        for (LedgerEntry refused : entries.stream().filter(e -> e.status() == LedgerEntry.Status.FAILED).toList()) {
            int failedFiles = sameFiles(
                    nightLake, new Generations(nightLake).files(new LakeLayout(nightLake)
                            .failedLoad(refused.sourceTable(), refused.period(), refused.loadId())),
                    loaderLake, new Generations(loaderLake).files(new LakeLayout(loaderLake)
                            .failedLoad(refused.sourceTable(), refused.period(), refused.loadId())));
            assertThat(failedFiles).as("the rejects of refused " + refused.fileName()).isPositive();
            compared += failedFiles;
        }
        long projectParts = new Generations(nightLake).partitionFiles(LakeLayout.Zone.RAW, "projects").size();
        assertThat(projectParts).as("several chunks of each 3x1 file").isGreaterThan(2);
        assertThat(compared).isGreaterThan((int) projectParts);
    }

    private static int sameFiles(LakeLocation nightLake, List<org.apache.hadoop.fs.Path> ours,
                                 LakeLocation loaderLake, List<org.apache.hadoop.fs.Path> theirs) throws Exception {
        assertThat(relative(nightLake, ours)).isEqualTo(relative(loaderLake, theirs));
        for (int i = 0; i < ours.size(); i++) {
            assertThat(bytes(ours.get(i))).as(ours.get(i).toString()).isEqualTo(bytes(theirs.get(i)));
        }
        return ours.size();
    }

    private static List<String> relative(LakeLocation lake, List<org.apache.hadoop.fs.Path> files) {
        LakeLayout layout = new LakeLayout(lake);
        return files.stream().map(layout::relative).toList();
    }

    private static byte[] bytes(org.apache.hadoop.fs.Path file) throws Exception {
        return Files.readAllBytes(Path.of(file.toUri()));
    }
}
