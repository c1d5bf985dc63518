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
import org.oriundos.jobs.status.RunHistory;
import org.oriundos.warehouse.WarehouseQuery;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The nightly job on deliveries as they come: a historic directory re-issued under the
 * consulates' file name, and an old-layout 3x1 file without a title, both with places under
 * their old names. Both load; the ledger and {@code status} say which column the 3x1 file lacked;
 * the places reach the warehouse with the rule that found them.
 */
@SpringBatchTest
@SpringBootTest(classes = OriundosApplication.class, properties = {
        "spring.batch.job.enabled=false",
        "spring.batch.jdbc.initialize-schema=always",
        "spring.main.banner-mode=off"})
class NightlyAsDeliveredTest {

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

    @Autowired
    JobRepository jobRepository;

    @Test
    void loadsAReissuedHistoricDirectoryAndAnUntitledOldLayoutFileAndSaysWhatWasAbsent() throws Exception {
        jobs.setJob(nightlyJob);
        Fixtures.deliver(home, List.of("asdelivered/ime_directorio_2003-12-31.csv", "asdelivered/3x1_proyectos_2005.csv"));

        JobExecution night = jobs.startJob(new NightlyParameters(1, false, null).toJobParameters());

        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        PublishResult published = ExecutionKeys.PUBLISH.in(night.getExecutionContext()).orElseThrow();
        assertThat(published.filesLoaded()).isEqualTo(2);
        assertThat(published.filesRefused()).isZero();
        assertThat(published.takenWithout())
                .containsExactly(new PublishResult.FileNote("3x1_proyectos_2005.csv", "NOMBRE_PROYECTO"));
        List<LedgerEntry> ledger = new Ledger(LakeLocation.local(home.resolve("lake"))).entries();
        assertThat(ledger).extracting(LedgerEntry::fileName, LedgerEntry::layout, LedgerEntry::absentColumns)
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("ime_directorio_2003-12-31.csv", "historic", null),
                        org.assertj.core.api.Assertions.tuple("3x1_proyectos_2005.csv", "2002", "NOMBRE_PROYECTO"));

        String status = new RunHistory(jobRepository).details(1);
        assertThat(status).contains("taken without NOMBRE_PROYECTO: 3x1_proyectos_2005.csv");
        assertThat(status.lines().filter(l -> l.contains("3x1_proyectos_2005.csv") && l.contains("COMPLETED")))
                .singleElement().satisfies(l -> assertThat(l).contains("taken without NOMBRE_PROYECTO"));

        assertThat(rows("select folio, project_name, municipality_key, geo_rule from dim_project"
                + " where folio <> 'UNKNOWN' order by folio")).containsExactly(
                List.of("3X1-DF-2005-0005", "Rehabilitación de centro comunitario", "09005", "ALIAS"),
                List.of("3X1-GTO-2005-0001", "Ampliación de red de agua potable", "11037", "FORMER_NAME"),
                List.of("3X1-JAL-2005-0002", "Pavimentación con concreto hidráulico", "14098", "FORMER_NAME"),
                List.of("3X1-NL-2005-0004", "Construcción de lienzo charro", "19021", "NAME"),
                List.of("3X1-OAX-2005-0003", "Construcción de aula escolar", "20208", "DISTRICT"));
        assertThat(rows("select count(*) from audit_unresolved")).containsExactly(List.of(0L));
    }

    private static List<List<Object>> rows(String sql) {
        return WarehouseQuery.run(home.resolve("warehouse/oriundos.duckdb"), sql).rows();
    }
}
