package org.oriundos.jobs.cli;

import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.monitor.RunFacts;
import org.oriundos.jobs.monitor.RunFactsJson;
import org.oriundos.jobs.monitor.RunFactsReader;
import org.oriundos.jobs.ops.RunLock;
import org.oriundos.jobs.quiet.QuietCheck;
import org.oriundos.jobs.status.RunHistory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oriundos status}: the recent runs from the job repository, or one run's details. */
@Command(name = "status", customSynopsis = "oriundos status [--home DIR] [--run RUN | --json]",
        header = "the recent runs, or the details of one",
        description = """
            Lists the recent nightly runs from the job repository: when they started and ended, how
            they ended, the files and rows loaded and rejected. With --run, the steps of one run and
            each file's account. With --json, for scripts: the last run (exit code, files and rows
            per source, step durations), the last success, the warehouse's data-as-of time and who
            runs now, the facts each run also writes to <home>/metrics/oriundos.prom
            (docs/operations.md, "Monitoring").""")
final class StatusCommand extends HomeCommand {
    @Option(names = "--run", paramLabel = "RUN", description = "the run to show in detail")
    private Long run;

    @Option(names = "--limit", paramLabel = "N", description = "how many runs to list (default 10)")
    private Long limit;

    @Option(names = "--json", description = "the facts of the last run as JSON, for scripts")
    private boolean json;

    private static final java.time.format.DateTimeFormatter QUIET_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    StatusCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected int run(Settings s) {
        if (json) {
            if (run != null || limit != null) {
                throw new UsageException("--json gives the facts of the last run; it takes no --run or --limit");
            }
            try (ConfigurableApplicationContext context = LoadRun.startSpring(s)) {
                RunFacts facts = new RunFactsReader(context.getBean(JobRepository.class), s.dataHome()).latest();
                io.out().print(RunFactsJson.render(facts, RunLock.holder(s.home()).orElse(null)));
            }
            return ExitCode.OK;
        }
        RunLock.holder(s.home()).ifPresent(holder -> io.out().println("running now: " + holder.describe()));
        QuietCheck.LastCheck check = run == null ? QuietCheck.lastCheck(s.dataHome()) : null;
        if (check != null) {
            // nights with nothing new answered before Spring starts are no runs of the job repository: said here
            io.out().println("last quiet check: " + QUIET_TIME.format(check.facts().endedAt()) + ": " + check.line()
                    + " (" + check.count() + (check.count() == 1 ? " night" : " nights")
                    + " answered without a run since run " + check.sinceRun() + ")");
        }
        try (ConfigurableApplicationContext context = LoadRun.startSpring(s)) {
            RunHistory history = new RunHistory(context.getBean(JobRepository.class));
            if (run != null) {
                long id = within("--run", run, 1, Long.MAX_VALUE);
                String details = history.details(id);
                if (details == null) {
                    throw new UsageException("there is no run " + id + " (see: oriundos status)");
                }
                io.out().print(details);
            } else {
                int n = limit == null ? 10 : (int) within("--limit", limit, 1, 10_000);
                io.out().print(history.recent(n));
            }
        }
        return ExitCode.OK;
    }
}
