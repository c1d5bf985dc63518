package org.oriundos.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.Fixtures;
import org.oriundos.jobs.OriundosApplication;
import org.oriundos.jobs.status.PublishResult;
import org.oriundos.jobs.status.RunPrinter;
import org.oriundos.jobs.status.ScanResult;
import org.oriundos.warehouse.WarehouseQuery;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The nightly job on real extracts, a real H2 job repository, a real lake and a real DuckDB warehouse. */
@SpringBatchTest
@SpringBootTest(classes = OriundosApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=always",
        "spring.main.banner-mode=off"})
class NightlyJobTest {

    @TempDir
    static Path home;

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
    void loadsANightsExtractsIntoTheWarehouseThenLoadsNothingWhenNothingIsNew() throws Exception {
        jobs.setJob(nightlyJob);
        Fixtures.deliver(home, Fixtures.NIGHT);

        JobExecution first = jobs.startJob(new NightlyParameters(1, false, null).toJobParameters());

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        PublishResult published = ExecutionKeys.PUBLISH.in(first.getExecutionContext()).orElseThrow();
        assertThat(published.filesLoaded()).isEqualTo(5);
        assertThat(published.filesRefused()).isZero();
        assertThat(published.rows().rejected()).isEqualTo(1); // the unknown category
        assertThat(published.rows().read()).isEqualTo(published.rows().loaded() + published.rows().rejected()
                + published.rows().skipped());
        // 23 of the 24 projects of 2018 (one rejected) and the 4 of 2007
        assertThat(count("select count(*) from fact_project_funding")).isEqualTo(27);
        assertThat(count("select count(*) from fact_project_funding where year = 2007")).isEqualTo(4);
        assertThat(home.resolve("reports/2018/report.html")).isRegularFile();
        List<LedgerEntry> ledger = new Ledger(LakeLocation.local(home.resolve("lake"))).entries();
        assertThat(ledger).extracting(LedgerEntry::status).containsOnly(LedgerEntry.Status.LOADED).hasSize(5);

        JobExecution second = jobs.startJob(new NightlyParameters(2, false, null).toJobParameters());

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getExitStatus().getExitCode()).isEqualTo(ScanInboxTasklet.NOTHING_NEW);
        assertThat(ExecutionKeys.SCAN.in(second.getExecutionContext()).orElseThrow().night())
                .isEqualTo(ScanResult.Night.NOTHING_NEW);
        assertThat(RunPrinter.afterRun(second))
                .containsExactly("nothing new in " + home.resolve("inbox") + ": 5 files already loaded");
        assertThat(second.getStepExecutions()).extracting(s -> s.getStepName()).containsExactly("scanInbox");
        assertThat(new Ledger(LakeLocation.local(home.resolve("lake"))).entries()).hasSize(5);

        Fixtures.deliver(home, Fixtures.REFUSED);
        JobExecution third = jobs.startJob(new NightlyParameters(3, false, null).toJobParameters());

        assertThat(third.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        PublishResult refused = ExecutionKeys.PUBLISH.in(third.getExecutionContext()).orElseThrow();
        assertThat(refused.filesRefused()).isEqualTo(1);
        assertThat(refused.refused()).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("3x1_proyectos_2017.csv");
            assertThat(f.note()).containsIgnoringCase("INV_MIGRANTE");
        });
        assertThat(count("select count(*) from fact_project_funding")).isEqualTo(27);
    }

    private static long count(String sql) {
        return ((Number) WarehouseQuery.run(home.resolve("warehouse/oriundos.duckdb"), sql).rows().get(0).get(0))
                .longValue();
    }
}
