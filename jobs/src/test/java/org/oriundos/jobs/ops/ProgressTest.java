package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.oriundos.ingest.FileCounts;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock the test moves by hand, so the lines are predictable. */
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void logsEachFileAtMostOncePerIntervalWithRowsShareSpeedAndTimeLeft() {
        List<String> lines = new ArrayList<>();
        ProgressReporter progress = new LogProgress(Duration.ofSeconds(5), now::get, lines::add);

        FileProgress file = progress.start("projects_2007.csv", 1_000_000);
        now.addAndGet(SECOND);
        file.advance(10_000, 100_000);
        now.addAndGet(4 * SECOND);
        file.advance(50_000, 500_000);
        now.addAndGet(SECOND);
        file.advance(60_000, 600_000);
        now.addAndGet(4 * SECOND);
        file.finish(new FileCounts(100_000, 99_990, 10, 0));

        assertThat(lines).containsExactly(
                "Loading projects_2007.csv (976.6 KB)",
                "projects_2007.csv: 50,000 rows, 50% of 976.6 KB, 10,000 rows/s, about 0:05 left",
                "projects_2007.csv: done, 100,000 rows read (99,990 loaded, 10 rejected, 0 skipped) in 0:10");
    }

    @Test
    void aResumedFileCountsItsSpeedFromWhereThisRunStarted() {
        List<String> lines = new ArrayList<>();
        ProgressReporter progress = new LogProgress(Duration.ofSeconds(1), now::get, lines::add);

        FileProgress file = progress.start("remittances_2010.csv", 1_000_000, 40_000, 400_000);
        now.addAndGet(2 * SECOND);
        file.advance(60_000, 600_000);

        assertThat(lines).containsExactly(
                "Loading remittances_2010.csv (976.6 KB), resuming after 40,000 rows",
                "remittances_2010.csv: 60,000 rows, 60% of 976.6 KB, 10,000 rows/s, about 0:04 left");
    }

    @Test
    void aFileOfUnknownSizeShowsRowsAndSpeedButNoShareOrTimeLeft() {
        List<String> lines = new ArrayList<>();
        ProgressReporter progress = new LogProgress(Duration.ofSeconds(1), now::get, lines::add);

        FileProgress file = progress.start("projects_2007.csv", 0);
        now.addAndGet(2 * SECOND);
        file.advance(3_000, 90_000);

        assertThat(lines).containsExactly("Loading projects_2007.csv",
                "projects_2007.csv: 3,000 rows, 1,500 rows/s");
    }

    @Test
    void terminalDrawsOneBarPerFileAndRedrawsThemInPlace() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ProgressReporter progress = new TerminalProgress(new PrintStream(screen, true, StandardCharsets.UTF_8),
                now::get, Duration.ofMillis(200));

        FileProgress projects = progress.start("projects_2007.csv", 1_000_000);
        FileProgress remittances = progress.start("remittances_2010.csv", 2_000);
        now.addAndGet(2 * SECOND);
        projects.advance(50_000, 500_000);
        String whileLoading = screen.toString(StandardCharsets.UTF_8);
        now.addAndGet(2 * SECOND);
        projects.finish(new FileCounts(100_000, 100_000, 0, 0));
        String afterFinish = screen.toString(StandardCharsets.UTF_8).substring(whileLoading.length());

        assertThat(whileLoading)
                .contains("projects_2007.csv            [############............]  50%       50,000 rows"
                        + "     25,000 rows/s  ETA 0:02\n")
                .contains("remittances_2010.csv         [........................]   0%            0 rows\n")
                .contains("\033[2F\033[J"); // two bars were moved up over and redrawn
        assertThat(afterFinish)
                .startsWith("\033[2F\033[J")
                .contains("projects_2007.csv            done: 100,000 rows read, 100,000 loaded, 0 rejected,"
                        + " 0 skipped in 0:04 (25,000 rows/s)\n")
                .endsWith("remittances_2010.csv         [........................]   0%            0 rows\n");
    }

    @Test
    void terminalRedrawsNoMoreOftenThanAskedWhileAdvancing() {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ProgressReporter progress = new TerminalProgress(new PrintStream(screen, true, StandardCharsets.UTF_8),
                now::get, Duration.ofSeconds(1));

        FileProgress file = progress.start("projects_2007.csv", 1_000);
        int afterStart = screen.size();
        file.advance(10, 100); // same instant: not drawn
        assertThat(screen.size()).isEqualTo(afterStart);
        now.addAndGet(SECOND);
        file.advance(20, 200);
        assertThat(screen.toString(StandardCharsets.UTF_8)).contains("  20%");
    }
}
