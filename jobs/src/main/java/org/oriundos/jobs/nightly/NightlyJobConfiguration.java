package org.oriundos.jobs.nightly;

import java.io.ObjectInputFilter;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.ops.ProgressReporter;
import org.oriundos.jobs.home.Settings;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly load: one step per stage, in the order they run (docs/architecture.md).
 * <pre>
 * scanInbox ─NOTHING_NEW─▶ end
 *     └─▶ ingestFiles (a partition per file, two at a time: ingest's one loop) ─▶ publishFiles ─▶ conform ─▶ buildWarehouse ─▶ writeReport
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {
    public static final String JOB_NAME = "nightlyJob";
    static final String INGEST_FILE = "ingestFile";
    /** Files ingested at the same time: the CI and most servers have two cores. */
    static final int CONCURRENT_FILES = 2;

    /**
     * The job repository's serializer (Boot takes this bean): Spring Batch's default, Java
     * serialization in Base64, whose input filter admits only the JDK's and Spring Batch's own
     * classes; this one admits the step results' records too ({@link ExecutionKeys#TRUSTED_CLASSES}),
     * and nothing else. Without it, a run's results are written but cannot be read back.
     */
    @Bean
    static ExecutionContextSerializer executionContextSerializer() {
        String defaults = DefaultExecutionContextSerializer.DEFAULT_FILTER_PATTERN;
        if (!defaults.endsWith(";!*")) {
            throw new IllegalStateException("Spring Batch's execution context filter no longer ends in ;!*: " + defaults);
        }
        DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
        serializer.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                defaults.substring(0, defaults.length() - 2) + ExecutionKeys.TRUSTED_CLASSES + ";!*"));
        return serializer;
    }

    /** Bars on a terminal, a log line every few seconds without one. */
    @Bean
    ProgressReporter progressReporter() {
        return ProgressReporter.forThisProcess();
    }

    @Bean
    RunningJob runningJob() {
        return new RunningJob();
    }

    @Bean
    NightlyLauncher nightlyLauncher(JobOperator jobOperator, JobRepository jobRepository, Job nightlyJob,
                                    RunningJob runningJob) {
        return new NightlyLauncher(jobOperator, jobRepository, nightlyJob, runningJob);
    }

    @Bean
    NightlyStages nightlyStages(Settings settings) {
        return new NightlyStages(settings);
    }

    @Bean
    Step scanInbox(JobRepository jobRepository, PlatformTransactionManager tx, NightlyStages stages) {
        return new StepBuilder("scanInbox", jobRepository)
                .tasklet(new ScanInboxTasklet(stages), tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @JobScope
    Partitioner deliveryPartitioner(@Value("#{jobExecution}") JobExecution jobExecution) {
        return new DeliveryPartitioner(DeliveryCodec.toLoad(jobExecution.getExecutionContext()));
    }

    @Bean
    @StepScope
    IngestFileTasklet ingestFileTasklet(@Value("#{stepExecution}") StepExecution stepExecution, NightlyStages stages,
                                        ProgressReporter progressReporter) {
        return new IngestFileTasklet(DeliveryCodec.get(stepExecution.getExecutionContext()), stages.staging(),
                stages.ingestOptions(), progressReporter);
    }

    /** One file: ingest's one loop, a chunk per transaction (its checkpoint saved with each). */
    @Bean
    Step ingestFile(JobRepository jobRepository, PlatformTransactionManager tx, IngestFileTasklet ingestFileTasklet) {
        return new StepBuilder(INGEST_FILE, jobRepository)
                .tasklet(ingestFileTasklet, tx)
                .stream(ingestFileTasklet)
                .build();
    }

    @Bean
    Step ingestFiles(JobRepository jobRepository, Step ingestFile, Partitioner deliveryPartitioner) {
        SimpleAsyncTaskExecutor files = new SimpleAsyncTaskExecutor("ingest-");
        files.setConcurrencyLimit(CONCURRENT_FILES);
        return new StepBuilder("ingestFiles", jobRepository)
                .partitioner(INGEST_FILE, deliveryPartitioner)
                .step(ingestFile)
                .gridSize(CONCURRENT_FILES)
                .taskExecutor(files)
                .build();
    }

    @Bean
    Step publishFiles(JobRepository jobRepository, PlatformTransactionManager tx, NightlyStages stages) {
        return new StepBuilder("publishFiles", jobRepository)
                .tasklet(new PublishFilesTasklet(stages.home(), stages.staging(), jobRepository), tx)
                .build();
    }

    @Bean
    Step conform(JobRepository jobRepository, PlatformTransactionManager tx, NightlyStages stages) {
        return new StepBuilder("conform", jobRepository)
                .tasklet(new ConformTasklet(stages), tx)
                .build();
    }

    @Bean
    Step buildWarehouse(JobRepository jobRepository, PlatformTransactionManager tx, NightlyStages stages) {
        return new StepBuilder("buildWarehouse", jobRepository)
                .tasklet(new BuildWarehouseTasklet(stages), tx)
                .build();
    }

    @Bean
    Step writeReport(JobRepository jobRepository, PlatformTransactionManager tx, NightlyStages stages) {
        return new StepBuilder("writeReport", jobRepository)
                .tasklet(new WriteReportTasklet(stages), tx)
                .build();
    }

    @Bean
    Job nightlyJob(JobRepository jobRepository, RunningJob runningJob, Step scanInbox, Step ingestFiles,
                   Step publishFiles, Step conform, Step buildWarehouse, Step writeReport) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(runningJob)
                .start(scanInbox).on(ScanInboxTasklet.NOTHING_NEW).end(ScanInboxTasklet.NOTHING_NEW)
                .from(scanInbox).on(ExitStatus.FAILED.getExitCode()).fail()
                .from(scanInbox).on("*").to(ingestFiles)
                .next(publishFiles)
                .next(conform)
                .next(buildWarehouse)
                .next(writeReport)
                .end()
                .build();
    }
}
