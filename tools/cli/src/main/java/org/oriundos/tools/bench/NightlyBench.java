package org.oriundos.tools.bench;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.oriundos.jobs.OriundosApplication;

/**
 * The whole nightly (ingest, transform, warehouse, report) over a history of N fiscal years, run
 * as an operator runs it: the real command line in a child JVM, {@code nightly --home …}. Then
 * the incremental night (one more year's 3x1 file in the inbox), a {@code --full-rebuild} of the
 * conformed zone and the warehouse from the lake for comparison, and a quiet night (nothing new in
 * the inbox) from the command to its exit.
 */
final class NightlyBench {
    private static final String MAIN = OriundosApplication.class.getName();

    private final ChildJvm jvm;
    private final List<String> jvmOptions;
    private final boolean timeFullRebuild;
    private final Consumer<String> progress;

    NightlyBench(ChildJvm jvm, List<String> jvmOptions, boolean timeFullRebuild, Consumer<String> progress) {
        this.jvm = jvm;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.timeFullRebuild = timeFullRebuild;
        this.progress = progress;
    }

    /**
     * One night's run, and its steps' times as Spring Batch logged them; {@code cpu} is the child's
     * user + sys time ({@code null} where the OS cannot tell), {@code meanLoad} the machine's
     * one-minute load average while it ran (-1 if unknown).
     */
    record Night(String name, Duration wall, Duration cpu, long peakRssBytes, double meanLoad, int exitCode,
                 List<StepTime> steps) {
        /** The wall time outside the job's steps: JVM and Spring start, job repository, shutdown. */
        Duration outsideSteps() {
            Duration inSteps = Duration.ZERO;
            for (StepTime s : steps) {
                inSteps = inSteps.plus(s.time());
            }
            return wall.minus(inSteps).isNegative() ? Duration.ZERO : wall.minus(inSteps);
        }
    }

    /** One top-level step of {@code nightlyJob} (the per-file partitions are inside {@code ingestFiles}). */
    record StepTime(String step, Duration time) {
    }

    private static final Pattern STEP_LINE = Pattern.compile("Step: \\[([^\\]:]+)\\] executed in (\\S+)");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    /**
     * @param years        fiscal years of 3x1 history loaded by the first night
     * @param projectRows  3x1 rows of those years
     * @param inboxBytes   the first night's inbox
     * @param full         the first night, from an empty data home
     * @param incremental  the next night, with one more year
     * @param fullRebuild  {@code nightly --full-rebuild} after that (nothing new to ingest), or {@code null}
     * @param quiet        a plain {@code nightly} after those, with nothing new in the inbox
     * @param warehouse    the published warehouse after the incremental night
     * @param program      the size of the program the inbox holds
     */
    record History(int years, long projectRows, long inboxBytes, Night full, Night incremental, Night fullRebuild,
                   Night quiet, Path warehouse, HistoryInbox.Program program) {
    }

    /** The nights of the nightly part: first, +1 year, the full rebuild (if asked) and a quiet night. */
    History run(int years, long rowsPerYear, Path dir, long seed) throws IOException {
        return run(years, HistoryInbox.Program.ofProjects(rowsPerYear), dir, seed, true);
    }

    /**
     * The first night of {@code years} of {@code program} and the +1 year night after it; with
     * {@code thenRebuildAndQuiet}, also the full rebuild (if this bench times it) and a quiet night.
     */
    History run(int years, HistoryInbox.Program program, Path dir, long seed, boolean thenRebuildAndQuiet)
            throws IOException {
        Path home = dir.resolve("home");
        Path inbox = home.resolve("inbox");
        Path later = dir.resolve("next-year");
        progress.accept("writing " + years + " years of extracts (" + program.rowsPerYear() + " 3x1 rows a year) to "
                + inbox);
        HistoryInbox.Written written = new HistoryInbox(seed).write(years, program, inbox, later,
                dir.resolve("scratch"));
        long inboxBytes = 0;
        for (Path f : written.inbox()) {
            inboxBytes += Files.size(f);
        }
        Night full = night("full " + years + " years", home, dir.resolve("full.log"));
        Files.copy(written.nextYear(), inbox.resolve(written.nextYear().getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        Night incremental = night("incremental (+1 year)", home, dir.resolve("incremental.log"));
        Path warehouse = dir.resolve("warehouse-after-incremental.duckdb");
        Files.copy(home.resolve("warehouse").resolve("oriundos.duckdb"), warehouse, StandardCopyOption.REPLACE_EXISTING);
        Night rebuild = timeFullRebuild && thenRebuildAndQuiet
                ? night("full rebuild", home, dir.resolve("full-rebuild.log"), "--full-rebuild") : null;
        Night quiet = thenRebuildAndQuiet ? night("quiet (nothing new)", home, dir.resolve("quiet.log")) : null;
        return new History(years, written.projectRows(), inboxBytes, full, incremental, rebuild, quiet, warehouse,
                program);
    }

    private Night night(String name, Path home, Path log, String... extra) {
        progress.accept("running nightly " + String.join(" ", extra) + " on " + home + " (" + name + ")");
        // the bench wrote the inbox itself, whole: no settle interval to wait out
        List<String> args = Stream.concat(Stream.of("nightly", "--home", home.toAbsolutePath().toString(),
                "--oriundos.settle-seconds=0"), Stream.of(extra)).toList();
        Path jobLog = home.resolve("logs").resolve("oriundos.log");
        long logOffset = sizeOf(jobLog);
        ChildJvm.Run run = jvm.run(MAIN, jvmOptions, args, home.getParent(), log);
        // 6: done, but some generated files carried more faults than the reject threshold allows
        if (run.exitCode() != 0 && run.exitCode() != 6) {
            throw new IllegalStateException("nightly (" + name + ") exited with " + run.exitCode() + "; log " + log
                    + ":\n" + IngestFigures.tail(run.output()));
        }
        return new Night(name, run.wall(), run.cpu(), run.peakRssBytes(), run.meanLoad(), run.exitCode(),
                steps(jobLog, logOffset));
    }

    /** The top-level steps' times logged after {@code offset}. */
    static List<StepTime> steps(Path jobLog, long offset) {
        List<StepTime> steps = new ArrayList<>();
        if (!Files.isRegularFile(jobLog)) {
            return steps;
        }
        String text;
        try (SeekableByteChannel ch = Files.newByteChannel(jobLog)) {
            ch.position(offset);
            text = new String(Channels.newInputStream(ch).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return steps; // the figures stand without the breakdown
        }
        Matcher m = STEP_LINE.matcher(text);
        while (m.find()) {
            steps.add(new StepTime(m.group(1), springDuration(m.group(2))));
        }
        return steps;
    }

    /** Spring Batch's duration format: {@code 1m2s345ms}, {@code 10s322ms}, {@code 89ms}. */
    static Duration springDuration(String text) {
        Duration d = Duration.ZERO;
        Matcher m = DURATION_PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "h" -> d = d.plusHours(n);
                case "m" -> d = d.plusMinutes(n);
                case "s" -> d = d.plusSeconds(n);
                default -> d = d.plusMillis(n);
            }
        }
        return d;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0L;
        } catch (IOException e) {
            return 0L;
        }
    }
}
