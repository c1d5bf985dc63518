package org.oriundos.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.cli.CommandIo;
import org.oriundos.jobs.cli.UsageException;
import picocli.CommandLine;

/**
 * {@code oriundos bench} on tiny sizes: the real ingest race, the real nightly in child JVMs and
 * the views on a grown copy of its warehouse. Only that the figures are produced and make sense
 * is checked here, never how fast anything is.
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int bench(String... args) throws Exception {
        BenchCommand command = new BenchCommand(new CommandIo(InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, dir, Map.of()));
        new CommandLine(command).parseArgs(args);
        return command.bench(dir.resolve("home"), "1GB");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void racesOurIngestAgainstDuckDbAndWritesTheFiguresIntoTheDoc() throws Exception {
        Path doc = dir.resolve("performance.md");
        Files.writeString(doc, "# Performance\n\nprose above\n\n" + BenchResult.BEGIN + "\nold figures\n"
                + BenchResult.END + "\n\nprose below\n");

        assertThat(bench("--rows", "3000", "--only", "ingest", "--doc", "performance.md")).isZero();

        assertThat(out()).contains("Ingest of one 3x1 file", "oriundos FileIngest, the nightly's ingestFile loop", "DuckDB COPY",
                "Ratio (ours / DuckDB's throughput)");
        String written = Files.readString(doc);
        assertThat(written).startsWith("# Performance\n\nprose above\n\n").endsWith("\n\nprose below\n")
                .contains("bin/oriundos bench --rows 3000 --only ingest --doc performance.md")
                .doesNotContain("old figures");
        // every rate in the ingest table is a positive number
        List<String> rows = written.lines().filter(l -> l.startsWith("| oriundos") || l.startsWith("| DuckDB")).toList();
        assertThat(rows).hasSize(2);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertThat(Double.parseDouble(cells[3].trim().replace(",", ""))).as(row).isPositive();
            assertThat(Double.parseDouble(cells[4].trim().replace(",", ""))).as(row).isPositive();
        }
        assertThat(dir.resolve("home").resolve("bench")).as("the work folder is removed").doesNotExist();
    }

    @Test
    void runsTheNightlyOverAHistoryThenOneMoreYearAndTimesTheViews() throws Exception {
        assertThat(bench("--only", "nightly,views", "--years", "1", "--year-rows", "300", "--view-rows", "2000",
                "--no-rebuild")).isZero();

        String text = out();
        assertThat(text).contains("The whole nightly", "| 1 years | 300 |", "Analyst queries on",
                "v_association_growth", "v_project_investment", "v_survey_rates", "growth(2002, 2003)",
                "rebuilt from the grown copy's facts");
        String history = text.lines().filter(l -> l.startsWith("| 1 years")).findFirst().orElseThrow();
        String[] cells = history.split("\\|");
        assertThat(Double.parseDouble(cells[4].replace(" s", "").trim())).as("first night seconds").isPositive();
        assertThat(Double.parseDouble(cells[6].replace(" s", "").trim())).as("+1 year night seconds").isPositive();
        assertThat(Double.parseDouble(cells[5].replace(" MB", "").replace(",", "").trim())).as("peak RSS").isPositive();
        long grownRows = Long.parseLong(text.replaceAll("(?s).*Analyst queries on ([0-9,]+) project rows.*", "$1")
                .replace(",", ""));
        assertThat(grownRows).isGreaterThanOrEqualTo(2000);
        // the goals side by side: a quiet night was run and timed; no rebuild, so that ratio is not run
        String quiet = text.lines().filter(l -> l.startsWith("| quiet night")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(quiet.split("\\|")[2].replaceAll(" s .*", "").trim())).as(quiet).isPositive();
        assertThat(text).contains("quiet (nothing new)");
        assertThat(text.lines().filter(l -> l.startsWith("| +1 year night / --full-rebuild")).findFirst().orElseThrow())
                .contains("not run");
    }

    @Test
    void timesTheLinkerOnAYearOfMostlyNewNamesBesideTheOtherGoals() throws Exception {
        assertThat(bench("--only", "conform", "--conform-records", "1500")).isZero();

        String text = out();
        String conform = text.lines().filter(l -> l.startsWith("| conform: link")).findFirst().orElseThrow();
        assertThat(conform).contains(" s for 1,500 ", "about 10.0 s for 100,000", "(fewer records than the target's)");
        assertThat(Double.parseDouble(conform.split("\\|")[2].replaceAll(" s for.*", "").trim())).isPositive();
        assertThat(text).contains("Records by rule: ").contains("| ingest of one 3x1 file: our throughput / DuckDB's | not run");
    }

    @Test
    void runsTheNightlyAtAScaleOfTheProgramIntoItsOwnBlockOfTheDoc() throws Exception {
        Path doc = dir.resolve("performance.md");
        Files.writeString(doc, "# Performance\n\n" + BenchResult.BEGIN + "\nbench figures\n" + BenchResult.END
                + "\n\nbetween\n\n" + ScaleCurve.BEGIN + "\nold curve\n" + ScaleCurve.END + "\n\nbelow\n");

        assertThat(bench("--only", "scale", "--scale", "0.02", "--scale-years", "1", "--doc", "performance.md")).isZero();

        String written = Files.readString(doc);
        assertThat(written).as("the bench block is left alone").contains(BenchResult.BEGIN + "\nbench figures\n")
                .contains("\n\nbetween\n\n").endsWith("\n\nbelow\n").doesNotContain("old curve")
                .contains("bin/oriundos bench --only scale --scale 0.02 --scale-years 1 --doc performance.md");
        // 0.02 of a realistic program: 30 3x1 projects a year, 40 respondents a survey, one year loaded, and
        // the remittance export of its first state of origin (32 state totals, 58 municipalities, No identificado)
        String row = written.lines().filter(l -> l.startsWith("| 0.02× | 30 |")).findFirst().orElseThrow();
        String[] cells = row.split("\\|");
        assertThat(cells[4].trim()).isEqualTo("40");
        assertThat(cells[5].trim()).as("3x1 rows loaded").isEqualTo("30");
        assertThat(Long.parseLong(cells[3].trim().replace(",", ""))).as("registry clubs").isPositive();
        for (int wall : new int[] {7, 11}) {
            assertThat(seconds(cells[wall])).as("wall of " + row).isPositive();
            assertThat(seconds(cells[wall + 1])).as("CPU of " + row).isPositive();
            assertThat(seconds(cells[wall + 2].replace(" MB", ""))).as("peak RSS of " + row).isPositive();
        }
        assertThat(written).contains("| 0.02× | full 1 years |", "| 0.02× | incremental (+1 year) |", "conform",
                "0.02× 91 series × 52 quarters");
        assertThat(out()).contains("The scale curve").doesNotContain("ingest of one 3x1 file");
        assertThat(dir.resolve("home").resolve("bench")).as("the work folder is removed").doesNotExist();
    }

    private static double seconds(String cell) {
        return Double.parseDouble(cell.replace(" s", "").replace(",", "").trim());
    }

    @Test
    void refusesTheViewsWithoutTheNightlyThatBuildsTheirWarehouse() {
        assertThatThrownBy(() -> bench("--only", "views")).isInstanceOf(UsageException.class)
                .hasMessageContaining("run 'nightly' too");
        assertThatThrownBy(() -> bench("--years", "ten")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--years takes whole numbers");
        assertThatThrownBy(() -> bench("--only", "scale", "--scale", "0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("scale factors are above 0");
    }
}
