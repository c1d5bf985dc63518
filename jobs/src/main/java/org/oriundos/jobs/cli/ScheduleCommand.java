package org.oriundos.jobs.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.nightly.NightlyLauncher;
import org.oriundos.jobs.ops.FailureNotifier;
import org.oriundos.jobs.ops.NightlySchedule;
import org.oriundos.jobs.ops.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oriundos schedule}: the nightly load on a cron expression, in the foreground. */
@Command(name = "schedule",
        customSynopsis = "oriundos schedule --cron \"0 30 2 * * *\" [--zone Z] [--on-failure CMD] [--home DIR]",
        header = "run the nightly load on a schedule (stays in the foreground)",
        description = """
            Runs 'nightly' at the times of a cron expression (seconds minutes hours day month
            weekday), in the zone given (default the system's), until stopped. After a failed run,
            runs CMD with the run's details in its environment.""")
final class ScheduleCommand extends HomeCommand {
    @Mixin
    private LakeOption lake;

    @Option(names = "--cron", paramLabel = "EXPR", required = true, description = "when to run, e.g. \"0 30 2 * * *\"")
    private String cron;

    @Option(names = "--zone", paramLabel = "ZONE", description = "the time zone of the expression, e.g. America/Mexico_City")
    private String zone;

    @Option(names = "--on-failure", paramLabel = "CMD", description = "a command to run when a run fails")
    private String onFailure;

    ScheduleCommand(CommandIo io) {
        super(io);
    }

    @Override
    protected String lake() {
        return lake.uri();
    }

    @Override
    protected int run(Settings s) {
        ZoneId zoneId;
        try {
            zoneId = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new UsageException("--zone must be a time zone such as America/Mexico_City, got '" + zone + "'");
        }
        FailureNotifier notifier = new FailureNotifier(onFailure, FailureNotifier.DEFAULT_TIMEOUT);
        LoadRun load = new LoadRun(io.out(), io.err());
        AtomicReference<NightlyLauncher> running = new AtomicReference<>();
        NightlySchedule schedule;
        try {
            schedule = new NightlySchedule(cron, zoneId, s.home(), () -> {
                try {
                    return load.runOnce(s, false, null, running, false); // the schedule's handler stops both
                } catch (CommandFailedException e) {
                    io.err().println(e.getMessage());
                    return new RunOutcome(e.exitCode(), null, e.getMessage());
                }
            }, notifier);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ZonedDateTime next = schedule.nextRunAfter(ZonedDateTime.now(zoneId));
        io.out().println("running the nightly load of " + s.home() + " at '" + cron + "' (" + zoneId + "); the next at "
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
}
