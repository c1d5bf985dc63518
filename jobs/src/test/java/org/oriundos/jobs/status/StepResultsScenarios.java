package org.oriundos.jobs.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.Fixtures;
import org.oriundos.jobs.OriundosApplication;
import org.oriundos.jobs.SpringRuntime;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.monitor.RunFacts;
import org.oriundos.jobs.monitor.RunFactsReader;
import org.oriundos.jobs.nightly.NightlyJobConfiguration;
import org.oriundos.jobs.nightly.NightlyLauncher;
import org.oriundos.jobs.nightly.NightlyParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A run's step results go into the job repository as values and come back as the same values
 * through another job repository (a new Spring context on the same database, as the next command
 * opens it), printed as the run printed them. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StepResultsScenarios {
    /** Keys Spring Batch itself keeps in step contexts (the tasklet's and step's types, the partitions' grid size). */
    private static final List<String> SPRING_BATCH_KEYS = List.of("batch.", "SimpleStepExecutionSplitter.");

    /** Fails or skips the class when its database is not available; H2 always is. */
    void requireRepository() {
    }

    /** The properties that point the job repository of {@code home} at the database under test. */
    abstract Map<String, Object> repository(String testName, Path home) throws Exception;

    @Test
    void aRunsResultsComeBackAsTheSameValuesThroughANewJobRepositoryAndPrintAsTheRunPrintedThem(@TempDir Path home)
            throws Exception {
        requireRepository();
        Map<String, Object> repository = repository("roundtrip", home);
        Fixtures.deliver(home, Fixtures.NIGHT);
        Fixtures.deliver(home, Fixtures.REFUSED);
        Fixtures.deliver(home, "asdelivered/3x1_proyectos_2005.csv");
        Fixtures.settled(Files.writeString(home.resolve("inbox/notes.txt"), "not an extract\n"));

        JobExecution night;
        JobExecution backfill;
        List<String> printedNight;
        List<String> printedBackfill;
        String details;
        String recent;
        try (ConfigurableApplicationContext spring = start(home, repository)) {
            NightlyLauncher launcher = spring.getBean(NightlyLauncher.class);
            night = launcher.run(false, null);
            backfill = launcher.run(false, new Backfill("projects", "2018"));
            printedNight = RunPrinter.afterRun(night);
            printedBackfill = RunPrinter.afterRun(backfill);
            RunHistory history = new RunHistory(spring.getBean(JobRepository.class));
            details = history.details(1);
            recent = history.recent(10);
        }
        assertThat(night.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(printedNight).contains("taken without NOMBRE_PROYECTO: 3x1_proyectos_2005.csv")
                .anySatisfy(l -> assertThat(l).startsWith("refused 3x1_proyectos_2017.csv: "))
                .anySatisfy(l -> assertThat(l).startsWith("not taken notes.txt: "))
                .anySatisfy(l -> assertThat(l).startsWith("run 1: loaded 6 files: "))
                .anySatisfy(l -> assertThat(l).startsWith("conform: "))
                .anySatisfy(l -> assertThat(l).startsWith("warehouse: published "))
                .anySatisfy(l -> assertThat(l).startsWith("report: ").endsWith("report.html"));
        assertThat(RunPrinter.attention(night)).startsWith("1 file was refused or held back: see 'oriundos status --run 1'");
        assertThat(printedBackfill).first().asString()
                .isEqualTo("run 2: backfill of projects 2018: no re-delivery in the inbox, re-conformed from the lake");

        try (ConfigurableApplicationContext spring = start(home, repository)) {
            JobRepository jobRepository = spring.getBean(JobRepository.class);
            JobExecution nightBack = jobRepository.getJobExecution(night.getId());
            JobExecution backfillBack = jobRepository.getJobExecution(backfill.getId());

            for (ExecutionKeys.Typed<?> key : List.of(ExecutionKeys.SCAN, ExecutionKeys.PUBLISH, ExecutionKeys.CONFORM,
                    ExecutionKeys.WAREHOUSE, ExecutionKeys.REPORT)) {
                assertThat(key.in(nightBack.getExecutionContext())).as(key.name())
                        .isPresent().isEqualTo(key.in(night.getExecutionContext()));
            }
            List<StepExecution> files = nightBack.getStepExecutions().stream()
                    .filter(s -> s.getStepName().startsWith("ingestFile:")).toList();
            assertThat(files).hasSize(7).allSatisfy(s -> {
                assertThat(ExecutionKeys.DELIVERY.in(s.getExecutionContext())).isPresent();
                assertThat(ExecutionKeys.CHECKPOINT.in(s.getExecutionContext())).isPresent();
                assertThat(ExecutionKeys.FILE_OUTCOME.in(s.getExecutionContext())).isPresent();
            });
            assertThat(NightlyParameters.backfillOf(backfillBack.getJobParameters()))
                    .isEqualTo(new Backfill("projects", "2018"));

            assertThat(RunPrinter.afterRun(nightBack)).isEqualTo(printedNight);
            assertThat(RunPrinter.afterRun(backfillBack)).isEqualTo(printedBackfill);
            RunHistory history = new RunHistory(jobRepository);
            assertThat(history.details(1)).isEqualTo(details)
                    .contains("  taken without NOMBRE_PROYECTO: 3x1_proyectos_2005.csv")
                    .contains("  refused 3x1_proyectos_2017.csv: ");
            assertThat(history.details(2)).contains("  parameters: full rebuild false, backfill projects:2018");
            assertThat(history.recent(10)).isEqualTo(recent);

            for (JobExecution e : List.of(nightBack, backfillBack)) {
                assertOnlyResultValues(e.getExecutionContext(), "job context of execution " + e.getId());
                for (StepExecution s : e.getStepExecutions()) {
                    assertOnlyResultValues(s.getExecutionContext(), "context of step " + s.getStepName());
                }
                assertThat(quotedCells(e)).as("cells of personal columns quoted by the results of run "
                        + e.getId()).isEmpty();
            }
        }
    }

    @Test
    void aRunRecordedByTheVersionBeforeTypedResultsStillShowsFromTheTextItKept(@TempDir Path home) throws Exception {
        requireRepository();
        Map<String, Object> repository = repository("legacy", home);
        long executionId;
        try (ConfigurableApplicationContext spring = start(home, repository)) {
            executionId = recordAnOldRun(spring.getBean(JobRepository.class));
        }

        try (ConfigurableApplicationContext spring = start(home, repository)) {
            JobRepository jobRepository = spring.getBean(JobRepository.class);
            JobExecution old = jobRepository.getJobExecution(executionId);
            String details = new RunHistory(jobRepository).details(7);

            assertThat(details).contains(
                    "run 7, execution " + executionId + ": completed, 1 file refused (backfill projects 2007)",
                    "  parameters: full rebuild false, backfill projects:2007",
                    "  files: 1 (+1 refused); rows read 30, loaded 18, rejected 12, skipped 0",
                    "  2 of the 12 rejected rows …",
                    "  refused 3x1_proyectos_2007_v2.csv: 10 of 20 rows rejected",
                    "  taken without NOMBRE_PROYECTO: 3x1_proyectos_2007.csv",
                    "  conform: 1 partition conformed, 0 unresolved values (oriundos unresolved)",
                    "  report: no report: the warehouse has no year with data yet",
                    "refused: 10 of 20 rows rejected");
            assertThat(new RunHistory(jobRepository).recent(10)).contains("1 (+1 refused)");
            assertThat(RunPrinter.afterRun(old)).containsExactly(
                    "run 7: backfill of projects 2007",
                    "run 7: loaded 1 file: 30 rows read, 18 loaded, 12 rejected, 0 skipped",
                    "  2 of the 12 rejected rows …",
                    "refused 3x1_proyectos_2007_v2.csv: 10 of 20 rows rejected",
                    "taken without NOMBRE_PROYECTO: 3x1_proyectos_2007.csv",
                    "not taken notes.txt: not an extract",
                    "conform: 1 partition conformed, 0 unresolved values (oriundos unresolved)",
                    "report: no report: the warehouse has no year with data yet");
            RunFacts facts = new RunFactsReader(jobRepository, Settings.resolve(name -> name.equals(Settings.HOME)
                    ? home.toString() : null, home).dataHome()).latest();
            assertThat(facts.lastRun().exitCode()).isEqualTo(6);
            assertThat(facts.lastRun().filesNotTaken()).isEqualTo(1);
            assertThat(facts.lastRun().kind()).isEqualTo("backfill projects 2007");
        }
    }

    /** A completed backfill as the version before the typed results wrote it: sentences, lines, loose numbers. */
    private static long recordAnOldRun(JobRepository jobRepository) {
        JobParameters params = new JobParametersBuilder().addLong(ExecutionKeys.RUN_ID, 7L)
                .addString(ExecutionKeys.FULL_REBUILD, "false")
                .addString(ExecutionKeys.Legacy.BACKFILL, "projects:2007").toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(NightlyJobConfiguration.JOB_NAME, params);
        JobExecution execution = jobRepository.createJobExecution(instance, params, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now().minusMinutes(5));
        jobRepository.update(execution);
        StepExecution file = jobRepository.createStepExecution("ingestFile:file-0ld", execution);
        ExecutionContext fc = file.getExecutionContext();
        fc.putString(ExecutionKeys.Legacy.FILE_NAME, "3x1_proyectos_2007_v2.csv");
        fc.putLong(ExecutionKeys.Legacy.READ, 20L);
        fc.putLong(ExecutionKeys.Legacy.LOADED, 0L);
        fc.putLong(ExecutionKeys.Legacy.REJECTED, 20L);
        fc.putLong(ExecutionKeys.Legacy.SKIPPED, 0L);
        fc.putString(ExecutionKeys.Legacy.OUTCOME, "refused");
        fc.putString(ExecutionKeys.Legacy.REFUSED, "10 of 20 rows rejected");
        jobRepository.updateExecutionContext(file);
        file.setStartTime(LocalDateTime.now().minusMinutes(4));
        file.setEndTime(LocalDateTime.now().minusMinutes(3));
        file.setStatus(BatchStatus.COMPLETED);
        file.setExitStatus(ExitStatus.COMPLETED);
        jobRepository.update(file);
        ExecutionContext c = execution.getExecutionContext();
        c.putString("inbox.scanned", "yes");
        c.putString(ExecutionKeys.Legacy.NOT_TAKEN, "notes.txt: not an extract\n");
        c.putString(ExecutionKeys.Legacy.STILL_REFUSED, "");
        c.putInt(ExecutionKeys.Legacy.FILES_LOADED, 1);
        c.putInt(ExecutionKeys.Legacy.FILES_REFUSED, 1);
        c.putString(ExecutionKeys.Legacy.REFUSALS, "3x1_proyectos_2007_v2.csv: 10 of 20 rows rejected\n");
        c.putString(ExecutionKeys.Legacy.TAKEN_WITHOUT, "3x1_proyectos_2007.csv: NOMBRE_PROYECTO\n");
        c.putString(ExecutionKeys.Legacy.CHANGED_FILES, "");
        c.putLong(ExecutionKeys.Legacy.ROWS_READ, 30L);
        c.putLong(ExecutionKeys.Legacy.ROWS_LOADED, 18L);
        c.putLong(ExecutionKeys.Legacy.ROWS_REJECTED, 12L);
        c.putLong(ExecutionKeys.Legacy.ROWS_SKIPPED, 0L);
        c.putString(ExecutionKeys.Legacy.REJECTS_NOTE, "  2 of the 12 rejected rows …");
        c.putString(ExecutionKeys.Legacy.CONFORM_SUMMARY,
                "1 partition conformed, 0 unresolved values (oriundos unresolved)");
        c.putString(ExecutionKeys.Legacy.REMITTANCE_NOTES, "");
        c.putString(ExecutionKeys.Legacy.REPORT_SUMMARY, "no report: the warehouse has no year with data yet");
        jobRepository.updateExecutionContext(execution);
        execution.setEndTime(LocalDateTime.now().minusMinutes(1));
        execution.setStatus(BatchStatus.COMPLETED);
        execution.setExitStatus(ExitStatus.COMPLETED);
        jobRepository.update(execution);
        return execution.getId();
    }

    private static ConfigurableApplicationContext start(Path home, Map<String, Object> repository) {
        Settings settings = Settings.resolve(name -> name.equals(Settings.HOME) ? home.toString() : null, home);
        Map<String, Object> properties = new LinkedHashMap<>(SpringRuntime.defaultProperties(settings));
        properties.putAll(repository);
        return new SpringApplicationBuilder(OriundosApplication.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    /** Every value the run put in {@code context} (Spring Batch's own keys aside) is one of the step results' records. */
    private static void assertOnlyResultValues(ExecutionContext context, String where) {
        for (Map.Entry<String, Object> e : context.entrySet()) {
            if (SPRING_BATCH_KEYS.stream().anyMatch(e.getKey()::startsWith)) {
                continue;
            }
            assertThat(e.getValue().getClass().getPackageName()).as(where + ": " + e.getKey() + " = " + e.getValue())
                    .isEqualTo(ExecutionKeys.class.getPackageName() + ".status");
            assertThat(e.getValue().getClass().isRecord() || e.getValue() instanceof FileOutcome)
                    .as(where + ": " + e.getKey() + " is a record").isTrue();
        }
    }

    /** The cells of the registry fixture's personal columns that appear anywhere in a run's results. */
    private static List<String> quotedCells(JobExecution e) throws IOException {
        StringBuilder results = new StringBuilder(e.getExecutionContext().toString());
        e.getStepExecutions().forEach(s -> results.append(s.getExecutionContext()));
        List<String> quoted = new ArrayList<>();
        try (Reader in = new InputStreamReader(Objects.requireNonNull(StepResultsScenarios.class.getResourceAsStream(
                "/extracts/ime_directorio_2018-12-31.csv")), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                for (String column : List.of("PRESIDENTE", "TELEFONO", "CORREO")) {
                    String cell = row.get(column);
                    if (!cell.isBlank() && results.indexOf(cell) >= 0) {
                        quoted.add(column + " " + cell);
                    }
                }
            }
        }
        return quoted;
    }
}
