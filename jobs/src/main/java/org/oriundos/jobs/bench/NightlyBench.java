package org.oriundos.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.oriundos.jobs.OriundosApplication;

/**
 * The whole nightly (ingest, transform, warehouse, report) over a history of N fiscal years, run
 * as an operator runs it: the real command line in a child JVM, {@code nightly --home …}. Then
 * the incremental night (one more year's 3x1 file in the inbox), and a {@code --full-rebuild} of
 * the conformed zone and the warehouse from the lake for comparison.
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

    /** One night's run. */
    record Night(String name, Duration wall, long peakRssBytes, int exitCode) {
    }

    /**
     * @param years        fiscal years of 3x1 history loaded by the first night
     * @param projectRows  3x1 rows of those years
     * @param inboxBytes   the first night's inbox
     * @param full         the first night, from an empty data home
     * @param incremental  the next night, with one more year
     * @param fullRebuild  {@code nightly --full-rebuild} after that (nothing new to ingest), or {@code null}
     * @param warehouse    the published warehouse after the incremental night
     */
    record History(int years, long projectRows, long inboxBytes, Night full, Night incremental, Night fullRebuild,
                   Path warehouse) {
    }

    History run(int years, long rowsPerYear, Path dir, long seed) throws IOException {
        Path home = dir.resolve("home");
        Path inbox = home.resolve("inbox");
        Path later = dir.resolve("next-year");
        progress.accept("writing " + years + " years of extracts (" + rowsPerYear + " 3x1 rows a year) to " + inbox);
        HistoryInbox.Written written = new HistoryInbox(seed).write(years, rowsPerYear, inbox, later,
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
        Night rebuild = timeFullRebuild
                ? night("full rebuild", home, dir.resolve("full-rebuild.log"), "--full-rebuild") : null;
        return new History(years, written.projectRows(), inboxBytes, full, incremental, rebuild, warehouse);
    }

    private Night night(String name, Path home, Path log, String... extra) {
        progress.accept("running nightly " + String.join(" ", extra) + " on " + home + " (" + name + ")");
        List<String> args = Stream.concat(Stream.of("nightly", "--home", home.toAbsolutePath().toString()),
                Stream.of(extra)).toList();
        ChildJvm.Run run = jvm.run(MAIN, jvmOptions, args, home.getParent(), log);
        // 6: done, but some generated files carried more faults than the reject threshold allows
        if (run.exitCode() != 0 && run.exitCode() != 6) {
            throw new IllegalStateException("nightly (" + name + ") exited with " + run.exitCode() + "; log " + log
                    + ":\n" + IngestFigures.tail(run.output()));
        }
        return new Night(name, run.wall(), run.peakRssBytes(), run.exitCode());
    }
}
