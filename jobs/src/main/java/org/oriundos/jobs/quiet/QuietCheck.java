package org.oriundos.jobs.quiet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;
import org.oriundos.jobs.monitor.RunFacts;
import org.oriundos.jobs.status.RunPrinter;
import org.oriundos.jobs.status.ScanResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A quiet night answered before Spring starts (docs/operations.md, "A quiet night"). Every run
 * that completes leaves a {@link QuietRecord}: the {@link HomeStamp} of the home, then a scan
 * exactly as the next night's {@code scanInbox} would make it, then the stamp again; when both
 * stamps agree and that scan found nothing to do, the record says what that night would print.
 * The next {@code nightly}, under the home's lock, stamps the home: when the stamp and the
 * checksum cache are those of the record, nothing the scan reads has changed, so the scan would
 * decide the same, and the night prints the record's answer and ends. Anything else (no record,
 * another build or setting, a file new, changed, touched or gone, an edited correction file, a
 * ledger or manifest the record does not describe, a load staged in the lake, a lake that is not
 * local, a run that did not complete, a file not taken yet, a refused file still in the inbox) is
 * in doubt, and the night goes the full path.
 */
public final class QuietCheck {
    private static final Logger LOG = LoggerFactory.getLogger(QuietCheck.class);
    /** The name of the quiet check's one stage in the monitoring facts. */
    public static final String STEP = "quietCheck";
    /** How a night the quiet check answered ended, in words ({@code status --json}'s outcome). */
    public static final String OUTCOME = "nothing new (quiet check)";

    private QuietCheck() {
    }

    /**
     * What a quiet night prints and leaves for monitoring.
     *
     * @param lines what the night prints, as the full path prints it
     * @param facts the facts of the check, for the metrics file
     */
    public record Answer(List<String> lines, RunFacts facts) {
    }

    /**
     * The last quiet check of a home.
     *
     * @param sinceRun the run whose record answered it
     * @param count    the nights answered from that run's record
     * @param facts    the check as a run's facts ({@code status --json}'s last run when it is the latest)
     * @param line     what it printed first
     */
    public record LastCheck(long sinceRun, int count, RunFacts.LastRun facts, String line) {
    }

    /**
     * Tonight's answer when the home is as the last completed run left it and that run found
     * nothing for a night to do; empty otherwise (then the full path runs). The caller holds the
     * home's lock. Never throws: whatever goes wrong is a doubt.
     */
    public static Optional<Answer> answer(Settings settings) {
        Instant started = Instant.now();
        DataHome home = settings.dataHome();
        try {
            QuietRecord record = QuietRecord.read(home);
            if (record == null || record.decision() == null) {
                LOG.info("quiet check: no record of a completed run; the night goes the full path");
                return Optional.empty();
            }
            QuietRecord.Decision decision = record.decision();
            if (decision.scan() == null) {
                LOG.info("quiet check: run {} left work for the next night; the night goes the full path", decision.run());
                return Optional.empty();
            }
            Optional<HomeStamp> now = HomeStamp.of(settings);
            if (now.isEmpty()) {
                LOG.info("quiet check: the home cannot be stamped (a lake that is not local, a load staged, no inbox);"
                        + " the night goes the full path");
                return Optional.empty();
            }
            if (!now.get().equals(decision.stamp())) {
                LOG.info("quiet check: changed since run {}: {}; the night goes the full path", decision.run(),
                        String.join(", ", now.get().differences(decision.stamp())));
                return Optional.empty();
            }
            if (!HomeStamp.cache(home).equals(decision.cache())) {
                LOG.info("quiet check: the inbox checksum cache changed since run {}; the night goes the full path",
                        decision.run());
                return Optional.empty();
            }
            ScanResult scan = decision.scan();
            List<String> lines = RunPrinter.nothingNewLines(scan);
            Instant ended = Instant.now();
            QuietRecord.Checks previous = record.checks();
            int count = previous != null && previous.run() == decision.run() ? previous.count() + 1 : 1;
            new QuietRecord(decision, new QuietRecord.Checks(decision.run(), count, started, ended, lines.get(0),
                    scan.stillRefused().size(), scan.notTaken().size())).write(home);
            LOG.info("quiet check: the home is as run {} left it: {}", decision.run(), lines.get(0));
            scan.notTaken().forEach(n -> LOG.warn("not taken from the inbox: {}: {}", n.name(), n.reason()));
            scan.stillRefused().forEach(r -> LOG.warn("still refused, not tried again: {}", RunPrinter.stillRefused(r)));
            RunFacts facts = new RunFacts(lastRun(started, ended, scan.stillRefused().size(), scan.notTaken().size()),
                    ended, new RunFacts.Warehouse(home.warehouseFile(), decision.dataAsOf(), decision.publishedAt()));
            return Optional.of(new Answer(lines, facts));
        } catch (IOException | RuntimeException e) {
            LOG.warn("quiet check: {}; the night goes the full path", e.toString());
            return Optional.empty();
        }
    }

    /**
     * A quiet check as a run's facts: a nightly that completed with nothing new, with no run number
     * or job execution (0: the job repository was not opened), and one stage, {@value #STEP}.
     */
    private static RunFacts.LastRun lastRun(Instant started, Instant ended, int stillRefused, int notTaken) {
        return new RunFacts.LastRun(0, 0, "nightly", "COMPLETED", OUTCOME, 0, started, ended, RunFacts.noFigures(),
                stillRefused, notTaken,
                List.of(new RunFacts.StepTime(STEP, "COMPLETED", Duration.between(started, ended).toNanos() / 1e9)));
    }

    /** The last quiet check of {@code home}; null when no night was answered by one (or the record is gone). */
    public static LastCheck lastCheck(DataHome home) {
        QuietRecord record = QuietRecord.read(home);
        QuietRecord.Checks c = record == null ? null : record.checks();
        if (c == null || c.lastStarted() == null || c.lastEnded() == null) {
            return null;
        }
        return new LastCheck(c.run(), c.count(), lastRun(c.lastStarted(), c.lastEnded(), c.stillRefused(), c.notTaken()),
                c.line());
    }

    /**
     * Before a run that goes the full path, under the lock: from now on the record describes no
     * home, so a run that does not complete leaves nothing to trust. The quiet checks' history stays.
     */
    public static void forget(DataHome home) {
        QuietRecord record = QuietRecord.read(home);
        try {
            if (record == null) {
                Files.deleteIfExists(QuietRecord.file(home));
            } else if (record.decision() != null) {
                new QuietRecord(null, record.checks()).write(home);
            }
        } catch (IOException e) {
            LOG.warn("cannot set aside the quiet-night record {}: {}", QuietRecord.file(home), e.toString());
            try {
                Files.deleteIfExists(QuietRecord.file(home));
            } catch (IOException again) {
                throw new UncheckedIOException("cannot remove the quiet-night record " + QuietRecord.file(home)
                        + " (a later night could trust it): " + again.getMessage(), again);
            }
        }
    }

    /**
     * After a run completed, under the lock: stamps the home, runs {@code scan} (the scan the next
     * night would make, as {@code scanInbox} makes it), stamps again, and records the answer a
     * quiet night would give, or that the next night has work. A home that changed while it was
     * scanned gets no record (the next night goes the full path). {@code warehouse} gives the
     * warehouse's freshness, for the quiet nights' metrics. Never throws: the run's outcome stands.
     */
    public static void afterRun(Settings settings, long run, Supplier<ScanResult> scan,
                                Supplier<RunFacts.Warehouse> warehouse) {
        DataHome home = settings.dataHome();
        QuietRecord previous = QuietRecord.read(home);
        QuietRecord.Checks checks = previous == null ? null : previous.checks();
        try {
            Optional<HomeStamp> before = HomeStamp.of(settings);
            if (before.isEmpty()) {
                LOG.info("no quiet-night record: the home cannot be stamped (a lake that is not local, a load staged)");
                return;
            }
            ScanResult next = scan.get();
            // a file not taken yet may settle by the next night; a refused file still in the inbox is
            // left to the full path, whose job execution records it night after night until it is replaced
            boolean quiet = next.night() == ScanResult.Night.NOTHING_NEW && next.stillRefused().isEmpty()
                    && next.notTaken().stream().noneMatch(ScanResult.NotTaken::waiting);
            RunFacts.Warehouse w = quiet ? warehouse.get() : null;
            Optional<HomeStamp> after = HomeStamp.of(settings);
            if (after.isEmpty() || !after.get().equals(before.get())) {
                LOG.info("no quiet-night record: the home changed while it was scanned ({})",
                        after.map(a -> String.join(", ", a.differences(before.get()))).orElse("cannot be stamped"));
                return;
            }
            QuietRecord.Decision decision = new QuietRecord.Decision(before.get(), HomeStamp.cache(home), run,
                    Instant.now(), quiet ? next : null, w == null ? null : w.dataAsOf(), w == null ? null : w.publishedAt());
            new QuietRecord(decision, checks).write(home);
            if (quiet) {
                LOG.info("quiet-night record: unless the home changes, the next night has nothing to do");
            } else {
                LOG.info("quiet-night record: the next night has work ({})", next.night());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the quiet-night record {}: {}", QuietRecord.file(home), e.toString());
        }
    }
}
