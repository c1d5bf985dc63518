package org.oriundos.jobs.status;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.cli.TextTable;
import org.oriundos.jobs.nightly.NightlyJobConfiguration;
import org.oriundos.jobs.nightly.NightlyParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What the job repository remembers of the nightly runs, said for a person. */
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
                ExecutionContext c = e.getExecutionContext();
                table.row(Long.toString(NightlyParameters.runIdOf(e.getJobParameters())), Long.toString(e.getId()),
                        time(e.getStartTime()), time(e.getEndTime()), outcome(e), files(c),
                        number(c, ExecutionKeys.ROWS_READ), number(c, ExecutionKeys.ROWS_LOADED),
                        number(c, ExecutionKeys.ROWS_REJECTED));
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
            ExecutionContext c = e.getExecutionContext();
            out.append("run ").append(runId).append(", execution ").append(e.getId()).append(": ").append(outcome(e))
                    .append('\n');
            out.append("  started ").append(time(e.getStartTime())).append(", ended ").append(time(e.getEndTime()))
                    .append('\n');
            out.append("  parameters: full rebuild ").append(NightlyParameters.isFullRebuild(e.getJobParameters()));
            if (NightlyParameters.isBackfill(e.getJobParameters())) {
                out.append(", backfill ").append(NightlyParameters.backfillOf(e.getJobParameters()));
            }
            out.append('\n');
            if (c.containsKey(ExecutionKeys.NOTHING_NEW_MESSAGE)) {
                out.append("  ").append(c.getString(ExecutionKeys.NOTHING_NEW_MESSAGE)).append('\n');
            }
            if (c.containsKey(ExecutionKeys.FILES_LOADED)) {
                out.append("  files: ").append(files(c)).append("; rows read ").append(number(c, ExecutionKeys.ROWS_READ))
                        .append(", loaded ").append(number(c, ExecutionKeys.ROWS_LOADED))
                        .append(", rejected ").append(number(c, ExecutionKeys.ROWS_REJECTED))
                        .append(", skipped ").append(number(c, ExecutionKeys.ROWS_SKIPPED)).append('\n');
            }
            String refusals = c.getString(ExecutionKeys.REFUSALS, "");
            for (String line : refusals.split("\n")) {
                if (!line.isBlank()) {
                    out.append("  refused ").append(line).append('\n');
                }
            }
            for (String line : c.getString(ExecutionKeys.TAKEN_WITHOUT, "").split("\n")) {
                if (!line.isBlank()) {
                    out.append("  ").append(takenWithout(line)).append('\n');
                }
            }
            for (String line : c.getString(ExecutionKeys.CHANGED_FILES, "").split("\n")) {
                if (!line.isBlank()) {
                    out.append("  not published ").append(line).append('\n');
                }
            }
            for (String key : List.of(ExecutionKeys.CONFORM_SUMMARY, ExecutionKeys.WAREHOUSE_SUMMARY,
                    ExecutionKeys.REPORT_SUMMARY)) {
                if (c.containsKey(key)) {
                    out.append("  ").append(key.replace(".summary", "")).append(": ").append(c.getString(key)).append('\n');
                }
            }
            TextTable steps = new TextTable("step", "status", "started", "ended", "file", "read", "loaded",
                    "rejected", "skipped", "note");
            List<StepExecution> stepExecutions = new ArrayList<>(e.getStepExecutions());
            stepExecutions.sort(Comparator.comparing(StepExecution::getId));
            for (StepExecution s : stepExecutions) {
                ExecutionContext sc = s.getExecutionContext();
                boolean isFile = sc.containsKey(ExecutionKeys.FILE_NAME);
                steps.row(s.getStepName(), s.getStatus().toString(), time(s.getStartTime()), time(s.getEndTime()),
                        isFile ? sc.getString(ExecutionKeys.FILE_NAME) : "",
                        isFile ? number(sc, ExecutionKeys.READ) : "", isFile ? number(sc, ExecutionKeys.LOADED) : "",
                        isFile ? number(sc, ExecutionKeys.REJECTED) : "", isFile ? number(sc, ExecutionKeys.SKIPPED) : "",
                        note(s));
            }
            out.append(indent(steps.toString())).append('\n');
        }
        return out.toString();
    }

    /** How a run ended, in words. */
    public static String outcome(JobExecution e) {
        ExecutionContext c = e.getExecutionContext();
        BatchStatus status = e.getStatus();
        if (status == BatchStatus.COMPLETED) {
            if (c.containsKey(ExecutionKeys.NOTHING_NEW_MESSAGE)) {
                return "nothing new";
            }
            int refused = c.getInt(ExecutionKeys.FILES_REFUSED, 0);
            String kind = NightlyParameters.isBackfill(e.getJobParameters())
                    ? " (backfill " + NightlyParameters.backfillOf(e.getJobParameters()).replace(':', ' ') + ")"
                    : NightlyParameters.isFullRebuild(e.getJobParameters()) ? " (full rebuild)" : "";
            return (refused == 0 ? "completed" : "completed, " + refused + " file" + (refused == 1 ? "" : "s") + " refused")
                    + kind;
        }
        if (status == BatchStatus.FAILED) {
            return "failed: " + firstLine(e.getExitStatus().getExitDescription());
        }
        if (status == BatchStatus.STOPPED) {
            return "stopped (the next nightly resumes it)";
        }
        if (status == BatchStatus.ABANDONED) {
            return "abandoned";
        }
        return status.toString().toLowerCase(java.util.Locale.ROOT);
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

    /** {@code taken without NOMBRE_PROYECTO: 3x1_proyectos_2005.csv}, from a {@code <file>: <columns>} line. */
    public static String takenWithout(String fileAndColumns) {
        int colon = fileAndColumns.indexOf(": ");
        return colon < 0 ? "taken without " + fileAndColumns
                : "taken without " + fileAndColumns.substring(colon + 2) + ": " + fileAndColumns.substring(0, colon);
    }

    private static String note(StepExecution s) {
        ExecutionContext sc = s.getExecutionContext();
        if (sc.containsKey(ExecutionKeys.REFUSED)) {
            return "refused: " + sc.getString(ExecutionKeys.REFUSED);
        }
        if (sc.containsKey(ExecutionKeys.CHANGED)) {
            return "not published: " + sc.getString(ExecutionKeys.CHANGED);
        }
        if (sc.containsKey(ExecutionKeys.ABSENT_COLUMNS)) {
            return "taken without " + sc.getString(ExecutionKeys.ABSENT_COLUMNS);
        }
        if (s.getStatus() == BatchStatus.FAILED) {
            return firstLine(s.getExitStatus().getExitDescription());
        }
        return "";
    }

    private static String files(ExecutionContext c) {
        if (!c.containsKey(ExecutionKeys.FILES_LOADED)) {
            return c.containsKey(ExecutionKeys.NOTHING_NEW_MESSAGE) ? "0" : "";
        }
        int refused = c.getInt(ExecutionKeys.FILES_REFUSED, 0);
        return c.getInt(ExecutionKeys.FILES_LOADED) + (refused == 0 ? "" : " (+" + refused + " refused)");
    }

    private static String number(ExecutionContext c, String key) {
        return c.containsKey(key) ? String.format("%,d", c.getLong(key)) : "";
    }

    private static String time(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().split("\n", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ").stripTrailing();
    }
}
