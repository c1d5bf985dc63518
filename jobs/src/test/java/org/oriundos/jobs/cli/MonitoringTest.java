package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.jobs.Fixtures;

/**
 * Real nights on a fixture inbox, then what monitoring reads: the Prometheus text file each run
 * leaves in {@code <home>/metrics/} and {@code status --json}, which must say the same.
 */
class MonitoringTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");
    private static final List<String> SOURCES = List.of("registry", "consular_activity", "projects", "survey");

    @TempDir
    Path home;

    @Test
    void eachRunLeavesItsFactsForPrometheusAndStatusJsonSaysTheSame() throws Exception {
        CliSession cli = new CliSession(home);
        Path prom = home.resolve("metrics/oriundos.prom");
        Fixtures.deliver(home, Fixtures.NIGHT);
        Fixtures.deliver(home, Fixtures.REFUSED);
        Instant before = Instant.now();

        // night 1: loads five files, refuses one (exit 6: completed, so a success)
        assertThat(cli.run("nightly", "--home", home.toString())).as(cli.err()).isEqualTo(ExitCode.FILES_REFUSED);
        Map<String, Double> night1 = samples(prom);
        double ended1 = night1.get("oriundos_last_run_timestamp_seconds");
        assertThat(ended1).isBetween(seconds(before), seconds(Instant.now()));
        assertThat(night1.get("oriundos_last_success_timestamp_seconds")).isEqualTo(ended1);
        assertThat(night1.get("oriundos_last_run_exit_code")).isEqualTo(6.0);
        assertThat(night1.get("oriundos_last_run_success")).isEqualTo(1.0);
        assertThat(night1.get("oriundos_last_run_id")).isEqualTo(1.0);
        assertThat(night1.get("oriundos_last_run_files_refused{source=\"projects\"}")).isEqualTo(1.0);
        assertThat(night1.get("oriundos_last_run_files_loaded{source=\"projects\"}")).isEqualTo(2.0);
        // every source's figures are the ledger's account of tonight's files
        List<LedgerEntry> ledger = new Ledger(LakeLocation.local(home.resolve("lake"))).entries();
        for (String source : SOURCES) {
            List<LedgerEntry> files = ledger.stream().filter(e -> e.sourceTable().equals(source)).toList();
            String s = "{source=\"" + source + "\"}";
            assertThat(night1.get("oriundos_last_run_rows_read" + s)).as(source)
                    .isEqualTo((double) files.stream().mapToLong(e -> e.counts().read()).sum());
            assertThat(night1.get("oriundos_last_run_rows_rejected" + s)).as(source)
                    .isEqualTo((double) files.stream().mapToLong(e -> e.counts().rejected()).sum());
            assertThat(night1.get("oriundos_last_run_rows_loaded" + s)).as(source + ": refused files load nothing")
                    .isEqualTo((double) files.stream().filter(e -> e.status() == LedgerEntry.Status.LOADED)
                            .mapToLong(e -> e.counts().loaded()).sum());
            assertThat(night1.get("oriundos_last_run_files_loaded" + s)).as(source).isPositive();
        }
        assertThat(night1.get("oriundos_last_run_rows_rejected{source=\"projects\"}")).isPositive();
        for (String step : List.of("scanInbox", "ingestFiles", "publishFiles", "conform", "buildWarehouse", "writeReport")) {
            assertThat(night1).containsKey("oriundos_last_run_step_duration_seconds{step=\"" + step + "\"}");
        }
        assertThat(night1.get("oriundos_warehouse_data_as_of_timestamp_seconds"))
                .isEqualTo(seconds(ledger.stream().filter(e -> e.status() == LedgerEntry.Status.LOADED)
                        .map(LedgerEntry::loadedAt).max(Instant::compareTo).orElseThrow()), within(0.001));
        assertThat(night1.get("oriundos_warehouse_published_timestamp_seconds"))
                .isEqualTo(seconds(Files.getLastModifiedTime(home.resolve("warehouse/oriundos.duckdb")).toInstant()),
                        within(0.001));
        assertThat(Files.list(prom.getParent()).map(p -> p.getFileName().toString()))
                .as("the temporary file is renamed, never left behind").containsExactly("oriundos.prom");
        assertThat(Files.getPosixFilePermissions(prom)).as("node_exporter, another user, reads it")
                .contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);

        assertThat(cli.run("status", "--home", home.toString(), "--json")).as(cli.err()).isZero();
        String json = cli.out();
        assertSameFacts(json, night1);
        assertThat((String) JsonPath.read(json, "$.last_run.outcome")).isEqualTo("completed, 1 file refused");
        assertThat((Object) JsonPath.read(json, "$.running_now")).isNull();

        // night 2: a re-delivery is loaded, then the warehouse cannot be built (something is in the
        // way of the file it builds): exit 3, a new last run, the same last success
        Fixtures.deliver(home, "redelivery/3x1_proyectos_2007_v2.csv");
        Path obstacle = Files.createDirectories(home.resolve("warehouse/oriundos.duckdb.next/in-the-way"));
        assertThat(cli.run("nightly", "--home", home.toString())).isEqualTo(ExitCode.LOAD_FAILED);
        Map<String, Double> night2 = samples(prom);
        assertThat(night2.get("oriundos_last_run_timestamp_seconds")).isGreaterThan(ended1);
        assertThat(night2.get("oriundos_last_success_timestamp_seconds")).isEqualTo(ended1);
        assertThat(night2.get("oriundos_last_run_exit_code")).isEqualTo(3.0);
        assertThat(night2.get("oriundos_last_run_success")).isEqualTo(0.0);
        assertThat(night2.get("oriundos_last_run_id")).isEqualTo(2.0);
        assertThat(night2.get("oriundos_last_run_files_loaded{source=\"projects\"}")).isEqualTo(1.0);
        assertThat(night2.get("oriundos_last_run_rows_read{source=\"survey\"}")).isZero();
        assertThat(night2).containsKey("oriundos_last_run_step_duration_seconds{step=\"buildWarehouse\"}")
                .doesNotContainKey("oriundos_last_run_step_duration_seconds{step=\"writeReport\"}");
        assertThat(cli.run("status", "--home", home.toString(), "--json")).isZero();
        assertSameFacts(cli.out(), night2);
        assertThat((String) JsonPath.read(cli.out(), "$.last_run.status")).isEqualTo("FAILED");

        // a run that cannot even open its job repository still says so, and keeps the last success
        Files.delete(obstacle);
        String previous = System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere");
        try {
            assertThat(cli.run("nightly", "--home", home.toString())).isEqualTo(ExitCode.UNEXPECTED);
        } finally {
            if (previous == null) {
                System.clearProperty("spring.datasource.url");
            } else {
                System.setProperty("spring.datasource.url", previous);
            }
        }
        Map<String, Double> broken = samples(prom);
        assertThat(broken.get("oriundos_last_run_exit_code")).isEqualTo(1.0);
        assertThat(broken.get("oriundos_last_run_timestamp_seconds")).isGreaterThan(night2.get("oriundos_last_run_timestamp_seconds"));
        assertThat(broken.get("oriundos_last_success_timestamp_seconds")).isEqualTo(ended1);

        // the next night resumes run 2 and succeeds
        assertThat(cli.run("nightly", "--home", home.toString())).as(cli.err()).isZero();
        Map<String, Double> night3 = samples(prom);
        assertThat(night3.get("oriundos_last_run_exit_code")).isZero();
        assertThat(night3.get("oriundos_last_run_id")).isEqualTo(2.0);
        assertThat(night3.get("oriundos_last_success_timestamp_seconds"))
                .isEqualTo(night3.get("oriundos_last_run_timestamp_seconds")).isGreaterThan(ended1);
        assertThat(night3).containsKey("oriundos_last_run_step_duration_seconds{step=\"writeReport\"}");
    }

    /** {@code status --json} gives the very facts of the file, in the documented shape. */
    private static void assertSameFacts(String json, Map<String, Double> prom) {
        assertThat(seconds(Instant.parse(JsonPath.read(json, "$.last_run.ended_at"))))
                .isEqualTo(prom.get("oriundos_last_run_timestamp_seconds"), within(0.001));
        assertThat(seconds(Instant.parse(JsonPath.read(json, "$.last_success_at"))))
                .isEqualTo(prom.get("oriundos_last_success_timestamp_seconds"), within(0.001));
        assertThat(((Number) JsonPath.read(json, "$.last_run.exit_code")).doubleValue())
                .isEqualTo(prom.get("oriundos_last_run_exit_code"));
        assertThat(((Number) JsonPath.read(json, "$.last_run.run")).doubleValue()).isEqualTo(prom.get("oriundos_last_run_id"));
        for (String source : SOURCES) {
            for (String figure : List.of("files_loaded", "files_refused", "rows_read", "rows_loaded", "rows_rejected",
                    "rows_skipped")) {
                assertThat(((Number) JsonPath.read(json, "$.last_run.sources." + source + "." + figure)).doubleValue())
                        .as(source + " " + figure)
                        .isEqualTo(prom.get("oriundos_last_run_" + figure + "{source=\"" + source + "\"}"));
            }
        }
        List<Map<String, Object>> steps = JsonPath.read(json, "$.last_run.steps");
        assertThat(steps).isNotEmpty();
        for (Map<String, Object> step : steps) {
            assertThat(((Number) step.get("seconds")).doubleValue())
                    .isEqualTo(prom.get("oriundos_last_run_step_duration_seconds{step=\"" + step.get("step") + "\"}"),
                            within(0.001));
        }
        assertThat(seconds(Instant.parse(JsonPath.read(json, "$.warehouse.data_as_of"))))
                .isEqualTo(prom.get("oriundos_warehouse_data_as_of_timestamp_seconds"), within(0.001));
    }

    /**
     * The samples of a Prometheus text file, by name and labels; fails unless every sample's
     * metric has its HELP and TYPE lines before it, and every line is a comment or a sample.
     */
    static Map<String, Double> samples(Path file) throws IOException {
        Map<String, Double> samples = new LinkedHashMap<>();
        List<String> typed = new ArrayList<>();
        List<String> helped = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : lines.toList()) {
                if (line.startsWith("# HELP ")) {
                    helped.add(line.split(" ")[2]);
                } else if (line.startsWith("# TYPE ")) {
                    assertThat(line).endsWith(" gauge");
                    typed.add(line.split(" ")[2]);
                } else {
                    Matcher m = SAMPLE.matcher(line);
                    assertThat(m.matches()).as("a sample line: " + line).isTrue();
                    assertThat(m.group(1)).startsWith("oriundos_");
                    assertThat(typed).as("TYPE before " + line).contains(m.group(1));
                    assertThat(helped).as("HELP before " + line).contains(m.group(1));
                    samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
                }
            }
        }
        return samples;
    }

    static double seconds(Instant t) {
        return Math.round((t.getEpochSecond() + t.getNano() / 1e9) * 1000) / 1000.0;
    }
}
