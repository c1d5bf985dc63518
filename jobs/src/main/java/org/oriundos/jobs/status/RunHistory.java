package org.oriundos.jobs.status;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oriundos.jobs.cli.TextTable;
import org.oriundos.jobs.nightly.NightlyJobConfiguration;
import org.oriundos.jobs.nightly.NightlyParameters;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/** What the job repository remembers of the nightly runs, said for a person (each run's results by {@link RunPrinter}). */
public final class RunHistory {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobRepository jobRepository;

    public RunHistory(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /** The most recent runs, newest first: one line per execution. */
    public String recent(int runs) {
        List<JobInstance> instances = jobRepository.getJobInstances(NightlyJobConfiguration.JOB_NAME, 0, runs);
        if (instances.isEmpty()) {
            return "no runs yet: start one with 'oriundos nightly' (or 'oriundos demo')\n";
        }
        TextTable table = new TextTable("run", "execution", "started", "ended", "outcome", "files", "rows read",
                "loaded", "rejected");
        for (JobInstance instance : instances) {
            List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(instance));
            executions.sort(Comparator.comparing(JobExecution::getId).reversed());
            for (JobExecution e : executions) {
                List<String> rows = RunPrinter.rows(e);
                table.row(Long.toString(NightlyParameters.runIdOf(e.getJobParameters())), Long.toString(e.getId()),
                        time(e.getStartTime()), time(e.getEndTime()), RunPrinter.outcome(e), RunPrinter.files(e),
                        rows.get(0), rows.get(1), rows.get(2));
            }
        }
        return table.toString() + "details of one run: oriundos status --run RUN\n";
    }

    /** Everything about one run: its executions, their steps, and each file's account. */
    public String details(long runId) {
        JobInstance instance = findRun(runId);
        if (instance == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(instance));
        executions.sort(Comparator.comparing(JobExecution::getId));
        for (JobExecution e : executions) {
            out.append("run ").append(runId).append(", execution ").append(e.getId()).append(": ")
                    .append(RunPrinter.outcome(e)).append('\n');
            out.append("  started ").append(time(e.getStartTime())).append(", ended ").append(time(e.getEndTime()))
                    .append('\n');
            out.append("  parameters: ").append(RunPrinter.parameters(e)).append('\n');
            for (String line : RunPrinter.account(e)) {
                out.append(line).append('\n');
            }
            TextTable steps = new TextTable("step", "status", "started", "ended", "file", "read", "loaded",
                    "rejected", "skipped", "note");
            List<StepExecution> stepExecutions = new ArrayList<>(e.getStepExecutions());
            stepExecutions.sort(Comparator.comparing(StepExecution::getId));
            for (StepExecution s : stepExecutions) {
                List<String> rows = RunPrinter.fileRows(s);
                steps.row(s.getStepName(), s.getStatus().toString(), time(s.getStartTime()), time(s.getEndTime()),
                        RunPrinter.fileName(s), rows.get(0), rows.get(1), rows.get(2), rows.get(3), RunPrinter.note(s));
            }
            out.append(indent(steps.toString())).append('\n');
        }
        return out.toString();
    }

    private JobInstance findRun(long runId) {
        for (JobInstance instance : jobRepository.findJobInstances(NightlyJobConfiguration.JOB_NAME)) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null && NightlyParameters.runIdOf(last.getJobParameters()) == runId) {
                return instance;
            }
        }
        return null;
    }

    private static String time(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ").stripTrailing();
    }
}
