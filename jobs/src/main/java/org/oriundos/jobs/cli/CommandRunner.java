package org.oriundos.jobs.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.RejectedRow;
import org.oriundos.ingest.Rejects;
import org.oriundos.ingest.Source;
import org.oriundos.ingest.sample.SampleExtracts;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.SpringRuntime;
import org.oriundos.jobs.analyst.QueryInput;
import org.oriundos.jobs.analyst.UnresolvedListing;
import org.oriundos.jobs.bench.BenchCommand;
import org.oriundos.jobs.links.LinksCommand;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.monitor.RunFacts;
import org.oriundos.jobs.monitor.RunFactsJson;
import org.oriundos.jobs.monitor.RunFactsReader;
import org.oriundos.jobs.monitor.RunRecorder;
import org.oriundos.jobs.nightly.NightlyLauncher;
import org.oriundos.jobs.nightly.NightlyParameters;
import org.oriundos.jobs.nightly.RunningJob;
import org.oriundos.jobs.ops.FailureNotifier;
import org.oriundos.jobs.ops.NightlySchedule;
import org.oriundos.jobs.ops.RunFailure;
import org.oriundos.jobs.ops.RunLock;
import org.oriundos.jobs.ops.RunLockedException;
import org.oriundos.jobs.ops.RunOutcome;
import org.oriundos.jobs.status.RejectAccount;
import org.oriundos.jobs.status.RunHistory;
import org.oriundos.transform.UnresolvedRecords;
import org.oriundos.warehouse.QueryResult;
import org.oriundos.warehouse.SafeCsv;
import org.oriundos.warehouse.WarehouseException;
import org.oriundos.warehouse.WarehouseQuery;
import org.oriundos.warehouse.report.AnnualReport;
import org.oriundos.warehouse.report.ReportException;
import org.oriundos.warehouse.report.ReportOptions;
import org.oriundos.warehouse.report.ReportResult;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs one parsed command; returns its exit code or throws an exception the {@link Cli} words. */
final class CommandRunner {
    private static final long DEFAULT_SEED = 2019L;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDir;
    private final boolean verbose;

    CommandRunner(InputStream in, PrintStream out, PrintStream err, Path workingDir, boolean verbose) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.workingDir = workingDir;
        this.verbose = verbose;
    }

    int run(Arguments a, Settings s) throws Exception {
        switch (a.command().name()) {
            case "nightly":
                return nightly(s, a.flag("full-rebuild"), null, a.option("on-failure"));
            case "schedule":
                return schedule(a, s);
            case "demo":
                return demo(a, s);
            case "status":
                return status(a, s);
            case "sql":
                return sql(a, s);
            case "rejects":
                return rejects(a, s);
            case "unresolved":
                return unresolved(s);
            case "report":
                return report(a, s);
            case "generate":
                return generate(a);
            case "backfill":
                return backfill(a, s);
            case "bench":
                return new BenchCommand(out, workingDir).run(a, s.home());
            case "links":
                return new LinksCommand(out, workingDir).run(a, s);
            default:
                throw new UsageException("unknown command '" + a.command().name() + "'");
        }
    }

    // ---- the load ----

    private int nightly(Settings s, boolean fullRebuild, String backfill, String onFailure) throws Exception {
        RunOutcome outcome;
        try {
            outcome = runOnce(s, fullRebuild, backfill, new AtomicReference<>(), true);
        } catch (RunLockedException e) {
            throw e;
        } catch (CommandFailedException e) {
            notifyFailure(onFailure, s, new RunOutcome(e.exitCode(), null, e.getMessage()));
            throw e;
        }
        notifyFailure(onFailure, s, outcome);
        return outcome.exitCode();
    }

    /**
     * One load, start to end: takes the lock, starts (or resumes) the job with SIGTERM wired to
     * stop it, and prints how it ended. {@code running} holds the launcher while the job runs.
     */
    private RunOutcome runOnce(Settings s, boolean fullRebuild, String backfill,
                               AtomicReference<NightlyLauncher> running, boolean ownSignals) throws Exception {
        // SIGTERM is ours from the moment the lock is taken: one that arrives while Spring starts is
        // remembered and honoured as soon as the launcher exists (exit 5, not the JVM's 143).
        AtomicBoolean stopAsked = new AtomicBoolean();
        Runnable stop = () -> {
            stopAsked.set(true);
            NightlyLauncher launcher = running.get();
            if (launcher != null) {
                launcher.requestStop();
            }
        };
        try (RunLock lock = RunLock.acquire(s.home(), backfill == null ? "nightly" : "backfill " + backfill);
             StopOnSignal signals = ownSignals ? new StopOnSignal(stop) : null) {
            // every run that took the lock leaves its facts for monitoring, however it ends
            RunRecorder recorder = new RunRecorder(s.dataHome(), backfill != null ? "backfill " + backfill.replace(':', ' ')
                    : fullRebuild ? "full rebuild" : "nightly");
            try (ConfigurableApplicationContext context = startSpring(s)) {
                NightlyLauncher launcher = context.getBean(NightlyLauncher.class);
                context.getBean(RunningJob.class).onStart(execution -> lock.recordExecution(execution.getId()));
                JobExecution execution;
                running.set(launcher);
                if (stopAsked.get()) {
                    launcher.requestStop();
                }
                try {
                    execution = launcher.run(fullRebuild, backfill);
                } finally {
                    running.set(null);
                }
                RunOutcome outcome = explain(execution, s.dataHome());
                recorder.ended(execution, context.getBean(JobRepository.class), outcome.exitCode());
                return outcome;
            } catch (Exception e) {
                recorder.failed(ExitCode.of(e), Cli.describe(e));
                throw e;
            }
        }
    }

    private void notifyFailure(String onFailure, Settings s, RunOutcome outcome) {
        if (onFailure == null || !outcome.needsNotice()) {
            return;
        }
        FailureNotifier.Notice notice = new FailureNotifier(onFailure, FailureNotifier.DEFAULT_TIMEOUT)
                .notify(new RunFailure(outcome.runId(), outcome.reason(), s.home(), outcome.exitCode()));
        if (notice.outcome() != FailureNotifier.Notice.Outcome.SENT) {
            err.println("the --on-failure command did not succeed: " + notice.outcome().toString()
                    .toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    private RunOutcome explain(JobExecution e, DataHome home) {
        ExecutionContext c = e.getExecutionContext();
        long runId = NightlyParameters.runIdOf(e.getJobParameters());
        String executionId = Long.toString(e.getId());
        if (e.getStatus() == BatchStatus.COMPLETED && c.containsKey(ExecutionKeys.NOTHING_NEW_MESSAGE)) {
            out.println(c.getString(ExecutionKeys.NOTHING_NEW_MESSAGE));
            printInboxNotes(c);
            return RunOutcome.completed(executionId);
        }
        if (e.getStatus() == BatchStatus.STOPPED) {
            String reason = "run " + runId + " stopped after its last committed chunk; 'oriundos nightly' resumes it";
            err.println(reason);
            return new RunOutcome(ExitCode.STOPPED, executionId, reason);
        }
        if (e.getStatus() != BatchStatus.COMPLETED && diskFull(e)) {
            String reason = DiskFull.sentence("run " + runId + " failed" + failedStep(e));
            err.println(reason); // one line: the log may be on the full disk too, and says no more
            return new RunOutcome(ExitCode.LOAD_FAILED, executionId, reason);
        }
        if (e.getStatus() != BatchStatus.COMPLETED) {
            String reason = "run " + runId + " failed" + failedStep(e) + ": " + failure(e);
            err.println(reason);
            err.println("the published warehouse is unchanged; details: oriundos status --run " + runId
                    + ", log: " + home.logs().resolve("oriundos.log"));
            return new RunOutcome(ExitCode.LOAD_FAILED, executionId, reason);
        }
        int loaded = c.getInt(ExecutionKeys.FILES_LOADED, 0);
        int refused = c.getInt(ExecutionKeys.FILES_REFUSED, 0);
        int changed = 0;
        if (NightlyParameters.isBackfill(e.getJobParameters())) {
            out.println("run " + runId + ": backfill of " + NightlyParameters.backfillOf(e.getJobParameters()).replace(':', ' ')
                    + (loaded + refused == 0 ? ": no re-delivery in the inbox, re-conformed from the lake" : ""));
        }
        if (c.containsKey(ExecutionKeys.REFERENCE_CHANGED)) {
            out.println(c.getString(ExecutionKeys.REFERENCE_CHANGED));
        }
        out.printf(Locale.ROOT, "run %d: loaded %d file%s: %,d rows read, %,d loaded, %,d rejected, %,d skipped%n",
                runId, loaded, loaded == 1 ? "" : "s", c.getLong(ExecutionKeys.ROWS_READ, 0L),
                c.getLong(ExecutionKeys.ROWS_LOADED, 0L), c.getLong(ExecutionKeys.ROWS_REJECTED, 0L),
                c.getLong(ExecutionKeys.ROWS_SKIPPED, 0L));
        for (String line : c.getString(ExecutionKeys.REJECTS_NOTE, "").split("\n")) {
            if (!line.isBlank()) {
                out.println(line); // why 'oriundos rejects' lists another number
            }
        }
        for (String line : c.getString(ExecutionKeys.REFUSALS, "").split("\n")) {
            if (!line.isBlank()) {
                out.println("refused " + line);
            }
        }
        for (String line : c.getString(ExecutionKeys.TAKEN_WITHOUT, "").split("\n")) {
            if (!line.isBlank()) {
                out.println(RunHistory.takenWithout(line));
            }
        }
        for (String line : c.getString(ExecutionKeys.CHANGED_FILES, "").split("\n")) {
            if (!line.isBlank()) {
                out.println("not published " + line);
                changed++;
            }
        }
        printInboxNotes(c);
        if (c.containsKey(ExecutionKeys.CONFORM_SUMMARY)) {
            out.println("conform: " + c.getString(ExecutionKeys.CONFORM_SUMMARY));
        }
        if (c.containsKey(ExecutionKeys.WAREHOUSE_SUMMARY)) {
            out.println("warehouse: " + c.getString(ExecutionKeys.WAREHOUSE_SUMMARY));
        }
        for (String line : c.getString(ExecutionKeys.REMITTANCE_NOTES, "").split("\n")) {
            if (!line.isBlank()) {
                out.println("remittances: " + line);
            }
        }
        if (c.containsKey(ExecutionKeys.REPORT_SUMMARY)) {
            out.println("report: " + c.getString(ExecutionKeys.REPORT_SUMMARY));
        }
        if (refused > 0 || changed > 0) {
            String reason = (refused == 0 ? "" : refused + " file" + (refused == 1 ? " was" : "s were")
                    + " refused or held back: see 'oriundos status --run " + runId + "' and 'oriundos rejects'")
                    + (refused > 0 && changed > 0 ? "; " : "")
                    + (changed == 0 ? "" : changed + " file" + (changed == 1 ? "" : "s")
                    + " changed while being loaded and " + (changed == 1 ? "was" : "were")
                    + " not published: the next night takes " + (changed == 1 ? "it" : "them"));
            out.println(reason);
            return new RunOutcome(ExitCode.FILES_REFUSED, executionId, reason);
        }
        return RunOutcome.completed(executionId);
    }

    /** The inbox files the night left alone, each with why: not warnings to lose in a log. */
    private void printInboxNotes(ExecutionContext c) {
        for (String line : c.getString(ExecutionKeys.NOT_TAKEN, "").split("\n")) {
            if (!line.isBlank()) {
                out.println("not taken " + line); // "not taken yet …" for a file still being delivered
            }
        }
        boolean any = false;
        for (String line : c.getString(ExecutionKeys.STILL_REFUSED, "").split("\n")) {
            if (!line.isBlank()) {
                out.println("still refused, not tried again: " + line);
                any = true;
            }
        }
        if (any) {
            out.println("  (put a corrected file in the inbox, under the same name or as a later version such as"
                    + " _v2; after raising max-reject-share, 'oriundos nightly --full-rebuild' tries these again)");
        }
    }

    private int schedule(Arguments a, Settings s) {
        String cron = a.required("cron");
        ZoneId zone;
        try {
            zone = a.option("zone") == null ? ZoneId.systemDefault() : ZoneId.of(a.option("zone"));
        } catch (DateTimeException e) {
            throw new UsageException("--zone must be a time zone such as America/Mexico_City, got '" + a.option("zone") + "'");
        }
        FailureNotifier notifier = new FailureNotifier(a.option("on-failure"), FailureNotifier.DEFAULT_TIMEOUT);
        AtomicReference<NightlyLauncher> running = new AtomicReference<>();
        NightlySchedule schedule;
        try {
            schedule = new NightlySchedule(cron, zone, s.home(), () -> {
                try {
                    return runOnce(s, false, null, running, false); // the schedule's handler stops both
                } catch (CommandFailedException e) {
                    err.println(e.getMessage());
                    return new RunOutcome(e.exitCode(), null, e.getMessage());
                }
            }, notifier);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ZonedDateTime next = schedule.nextRunAfter(ZonedDateTime.now(zone));
        out.println("running the nightly load of " + s.home() + " at '" + cron + "' (" + zone + "); the next at "
                + next.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")) + ". Stop with Ctrl-C or SIGTERM.");
        try (StopOnSignal signals = new StopOnSignal(() -> {
            schedule.stop();
            NightlyLauncher launcher = running.get();
            if (launcher != null) {
                launcher.requestStop();
            }
        })) {
            schedule.run();
        }
        return ExitCode.OK;
    }

    /** Whether the run failed for want of disk space, in whichever step and layer said so. */
    private static boolean diskFull(JobExecution e) {
        for (Throwable t : e.getAllFailureExceptions()) {
            if (DiskFull.in(t)) {
                return true;
            }
        }
        if (DiskFull.in(e.getExitStatus().getExitDescription())) {
            return true;
        }
        for (StepExecution step : e.getStepExecutions()) {
            if (DiskFull.in(step.getExitStatus().getExitDescription())) {
                return true;
            }
        }
        return false;
    }

    private static String failedStep(JobExecution e) {
        for (StepExecution step : e.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.FAILED && !step.getStepName().contains(":")) {
                return " in step " + step.getStepName();
            }
        }
        return "";
    }

    private static String failure(JobExecution e) {
        List<Throwable> failures = e.getAllFailureExceptions();
        if (failures.isEmpty()) {
            String description = e.getExitStatus().getExitDescription();
            return description == null || description.isBlank() ? e.getExitStatus().getExitCode()
                    : description.strip().split("\n", 2)[0];
        }
        return Cli.describe(failures.get(0));
    }

    private int demo(Arguments a, Settings s) throws Exception {
        long seed = a.option("seed") == null ? DEFAULT_SEED : a.longOption("seed", 0, Long.MAX_VALUE);
        DataHome home = s.dataHome();
        out.println("writing a sample inbox to " + home.inbox() + " …");
        new SampleExtracts(seed).writeDemoInbox(home.inbox());
        // the demo takes the files it has just written whole: no settle interval to wait out
        int code = nightly(s.withSettleSeconds(0), false, null, null);
        if (code != ExitCode.OK && code != ExitCode.FILES_REFUSED) {
            return code;
        }
        out.println();
        out.println("the warehouse:  " + home.warehouseFile());
        OptionalInt latest = AnnualReport.latestYear(home.warehouseFile());
        out.println("the report:     " + (latest.isPresent()
                ? home.reports().resolve(Integer.toString(latest.getAsInt())).resolve("report.html")
                : home.reports() + " (no year with data)"));
        out.println("the rejects:    " + home.lakeDescription() + "/rejects  (oriundos rejects)");
        out.println("the run:        oriundos status");
        QueryResult headline = WarehouseQuery.run(home.warehouseFile(), """
                select year, count(*) as projects, count(distinct association_id) as clubs,
                       round(sum(migrant_mxn)) as migrant_mxn, round(sum(total_mxn)) as total_mxn
                from fact_project_funding where not is_cancelled
                group by year order by year desc limit 5""");
        out.println();
        out.println("3x1 projects of the latest years (cancelled ones left out):");
        out.print(headline.toAlignedTable());
        out.println();
        out.println("try:");
        out.println("  bin/oriundos sql \"select count(*) from fact_project_funding\"");
        out.println("  bin/oriundos sql \"show tables\"");
        out.println("  bin/oriundos sql \"select * from v_project_investment order by year desc, migrant_mxn desc limit 10\"");
        out.println("  bin/oriundos sql \"select * from v_remittances where year = 2019 and municipality is null"
                + " order by family_usd desc limit 10\"");
        out.println("  bin/oriundos rejects");
        out.println("  bin/oriundos unresolved");
        // the demo inbox carries files a real provider would get back: refusing them is the demo working
        return ExitCode.OK;
    }

    private int backfill(Arguments a, Settings s) throws Exception {
        Source source = source(a.required("source"));
        int year = a.intOption("year", 1900, 2100);
        return nightly(s, false, source.tableName() + ":" + year, a.option("on-failure"));
    }

    private static Source source(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "3x1":
            case "projects":
                return Source.PROJECTS;
            case "registry":
            case "ime":
                return Source.REGISTRY;
            case "consular":
            case "consular_activity":
            case "consulados":
                return Source.CONSULAR_ACTIVITY;
            case "survey":
                return Source.SURVEY;
            case "remittances":
            case "banxico":
                return Source.REMITTANCES;
            default:
                throw new UsageException("--source must be 3x1, registry, consular, survey or remittances, got '"
                        + name + "'");
        }
    }

    // ---- the job repository ----

    private int status(Arguments a, Settings s) {
        if (a.flag("json")) {
            if (a.option("run") != null || a.option("limit") != null) {
                throw new UsageException("--json gives the facts of the last run; it takes no --run or --limit");
            }
            try (ConfigurableApplicationContext context = startSpring(s)) {
                RunFacts facts = new RunFactsReader(context.getBean(JobRepository.class), s.dataHome()).latest();
                out.print(RunFactsJson.render(facts, RunLock.holder(s.home()).orElse(null)));
            }
            return ExitCode.OK;
        }
        RunLock.holder(s.home()).ifPresent(holder -> out.println("running now: " + holder.describe()));
        try (ConfigurableApplicationContext context = startSpring(s)) {
            RunHistory history = new RunHistory(context.getBean(JobRepository.class));
            if (a.option("run") != null) {
                long run = a.longOption("run", 1, Long.MAX_VALUE);
                String details = history.details(run);
                if (details == null) {
                    throw new UsageException("there is no run " + run + " (see: oriundos status)");
                }
                out.print(details);
            } else {
                int limit = a.option("limit") == null ? 10 : a.intOption("limit", 1, 10_000);
                out.print(history.recent(limit));
            }
        }
        return ExitCode.OK;
    }

    private ConfigurableApplicationContext startSpring(Settings s) {
        try {
            return SpringRuntime.start(s);
        } catch (RuntimeException e) {
            if (DiskFull.in(e)) {
                throw new CommandFailedException(ExitCode.LOAD_FAILED, DiskFull.sentence("cannot open the job repository"), e);
            }
            throw new CommandFailedException(ExitCode.UNEXPECTED,
                    "cannot open the job repository: " + Cli.describe(rootCause(e)), e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    // ---- reading what was loaded ----

    private int sql(Arguments a, Settings s) {
        String query;
        try {
            query = QueryInput.read(a.positionals().isEmpty() ? null : a.positionals().get(0),
                    a.option("file") == null ? null : workingDir.resolve(a.option("file")), in);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path warehouse = s.dataHome().warehouseFile();
        if (!Files.isRegularFile(warehouse)) {
            throw new UsageException("there is no warehouse at " + warehouse + ": run the nightly load first"
                    + " (or give the --home that has one)");
        }
        QueryResult result;
        try {
            result = WarehouseQuery.run(warehouse, query);
        } catch (WarehouseException e) {
            // the query itself failed: its own exit code, not "bad arguments"
            throw new CommandFailedException(ExitCode.QUERY_FAILED, e.getMessage(), e);
        }
        out.print(a.flag("csv") ? result.toCsv() : result.toAlignedTable());
        return ExitCode.OK;
    }

    private int rejects(Arguments a, Settings s) {
        List<RejectedRow> rejects = new Rejects(s.dataHome().lake()).list(a.option("file"));
        if (a.flag("csv")) {
            StringBuilder csv = new StringBuilder();
            SafeCsv writer = new SafeCsv(csv);
            writer.text("file").text("line").text("column").text("value").text("reason").endRecord();
            for (RejectedRow r : rejects) {
                writer.text(r.sourceFile()).number(Long.toString(r.line())).text(r.column()).text(r.value())
                        .text(r.reason()).endRecord();
            }
            out.print(csv);
            return ExitCode.OK;
        }
        String file = a.option("file");
        RejectAccount account = RejectAccount.of(new Ledger(s.dataHome().lake()).entries(),
                e -> file == null || file.equals(e.fileName()));
        if (rejects.isEmpty()) {
            out.println(file == null ? "no rejects" : "no rejects from " + file);
        } else {
            TextTable table = new TextTable("file", "line", "column", "value", "reason");
            for (RejectedRow r : rejects) {
                table.row(r.sourceFile(), Long.toString(r.line()), r.column() == null ? "(row)" : r.column(),
                        r.value() == null ? "" : r.value(), r.reason());
            }
            out.print(table);
        }
        // the run summaries counted rejected rows; say why this list holds another number
        List<String> notes = account.explainListing(rejects.size());
        for (String line : rejects.isEmpty() ? notes.subList(1, notes.size()) : notes) {
            out.println(line);
        }
        return ExitCode.OK;
    }

    private int unresolved(Settings s) {
        out.print(UnresolvedListing.render(new UnresolvedRecords(s.dataHome().lake()).list(), s.dataHome().conf()));
        return ExitCode.OK;
    }

    private int report(Arguments a, Settings s) {
        int year = a.intOption("year", 1900, 2100);
        Integer from = a.option("from") == null ? null : a.intOption("from", 1900, year);
        ReportOptions options;
        try {
            options = a.option("lang") == null ? s.reportOptions() : ReportOptions.of(a.option("lang"), s.reportInstitution());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lang: " + e.getMessage());
        }
        DataHome home = s.dataHome();
        ReportResult result;
        try {
            result = new AnnualReport().write(home.warehouseFile(), year, from, home.reports(), options);
        } catch (ReportException e) {
            throw new CommandFailedException(ExitCode.BAD_ARGUMENTS, e.getMessage(), e);
        }
        out.println("wrote " + result.html());
        out.println("and " + result.csvFiles().size() + " CSV table" + (result.csvFiles().size() == 1 ? "" : "s")
                + " beside it, in " + result.html().getParent());
        return ExitCode.OK;
    }

    private int generate(Arguments a) {
        long rows = a.longOption("rows", 1, Long.MAX_VALUE);
        Path dir = workingDir.resolve(a.required("out"));
        long seed = a.option("seed") == null ? DEFAULT_SEED : a.longOption("seed", 0, Long.MAX_VALUE);
        List<Path> files = new SampleExtracts(seed).writeScaled(dir, rows);
        out.printf(Locale.ROOT, "wrote %d files to %s: %,d 3x1 project rows, with the registry, the consulates'"
                + " activity and the surveys in proportion%n", files.size(), dir, rows);
        return ExitCode.OK;
    }

}
