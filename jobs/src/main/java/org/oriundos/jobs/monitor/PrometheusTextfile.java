package org.oriundos.jobs.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.oriundos.ingest.LocalFiles;

/**
 * The {@link RunFacts} in the Prometheus text exposition format, as node_exporter's textfile
 * collector reads it ({@code --collector.textfile.directory=<home>/metrics}). Every metric is a
 * gauge describing the last run or the state it left; timestamps are seconds since the epoch.
 * The file is written whole or not at all: a temporary file beside it, renamed over it, so the
 * collector never reads half a file.
 */
public final class PrometheusTextfile {

    private PrometheusTextfile() {
    }

    /** The facts as Prometheus text. */
    public static String render(RunFacts facts) {
        Text t = new Text();
        RunFacts.LastRun run = facts.lastRun();
        if (run != null) {
            t.gauge("oriundos_last_run_timestamp_seconds",
                    "When the last run (nightly, backfill or schedule tick) ended, whatever its outcome.")
                    .sample("", seconds(run.endedAt()));
            t.gauge("oriundos_last_run_start_timestamp_seconds", "When the last run started.")
                    .sample("", seconds(run.startedAt()));
            t.gauge("oriundos_last_run_duration_seconds", "How long the last run took.")
                    .sample("", seconds(run.endedAt()) - seconds(run.startedAt()));
            t.gauge("oriundos_last_run_exit_code",
                    "Exit code of the last run: 0 completed, 1 unexpected error, 3 load failed, 5 stopped,"
                            + " 6 completed with files refused (docs/architecture.md).")
                    .sample("", run.exitCode());
            t.gauge("oriundos_last_run_success",
                    "1 when the last run completed (exit code 0 or 6), 0 when it failed or was stopped.")
                    .sample("", run.succeeded() ? 1 : 0);
            t.gauge("oriundos_last_run_id", "Number of the last run (oriundos status --run N); 0 if it never started.")
                    .sample("", run.run());
        }
        t.gauge("oriundos_last_success_timestamp_seconds",
                "When the last successful run (exit code 0 or 6) ended; 0 when no run has succeeded.")
                .sample("", facts.lastSuccessAt() == null ? 0 : seconds(facts.lastSuccessAt()));
        if (run != null) {
            perSource(t, run, "oriundos_last_run_files_loaded", "Files of the source the last run loaded into the lake.",
                    f -> f.filesLoaded());
            perSource(t, run, "oriundos_last_run_files_refused",
                    "Files of the source the last run refused whole (nothing of them loaded; see oriundos status --run N).",
                    f -> f.filesRefused());
            perSource(t, run, "oriundos_last_run_rows_read", "Records the last run read from the source's files.",
                    f -> f.rowsRead());
            perSource(t, run, "oriundos_last_run_rows_loaded",
                    "Records of the source the last run loaded into the lake (rows of refused or unpublished files excluded).",
                    f -> f.rowsLoaded());
            perSource(t, run, "oriundos_last_run_rows_rejected",
                    "Records of the source the last run rejected (oriundos rejects lists them).", f -> f.rowsRejected());
            perSource(t, run, "oriundos_last_run_rows_skipped",
                    "Records of the source the last run skipped on purpose (blank lines, total rows).", f -> f.rowsSkipped());
            t.gauge("oriundos_last_run_files_still_refused",
                    "Inbox files the last run left alone because the same bytes were refused before.")
                    .sample("", run.filesStillRefused());
            t.gauge("oriundos_last_run_files_not_taken",
                    "Inbox files the last run did not take (an unknown name, a twin, an old version).")
                    .sample("", run.filesNotTaken());
            if (!run.steps().isEmpty()) { // a metric is written with its samples, never without
                Text.Metric steps = t.gauge("oriundos_last_run_step_duration_seconds",
                        "How long each stage (step) of the last run took; a restarted run's stages that ran before are included.");
                for (RunFacts.StepTime s : run.steps()) {
                    steps.sample("{step=\"" + label(s.step()) + "\"}", s.seconds());
                }
            }
        }
        RunFacts.Warehouse w = facts.warehouse();
        if (w != null && w.dataAsOf() != null) {
            t.gauge("oriundos_warehouse_data_as_of_timestamp_seconds",
                    "When the newest delivery the published warehouse holds was loaded.")
                    .sample("", seconds(w.dataAsOf()));
        }
        if (w != null && w.publishedAt() != null) {
            t.gauge("oriundos_warehouse_published_timestamp_seconds",
                    "When the published warehouse file was last rebuilt (a night with nothing new leaves it as it was).")
                    .sample("", seconds(w.publishedAt()));
        }
        return t.toString();
    }

    /** Writes {@code text} to {@code file} atomically: a temporary file beside it, then a rename over it. */
    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        // not *.prom: the collector reads only those, so it never sees the temporary file
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // a temporary file is private (rw-------); node_exporter runs as another user and must read it
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            LocalFiles.moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The last success a previous file recorded, for a run that ended before it could read the job
     * repository; null when there is no such file or it says none.
     */
    public static Instant lastSuccessIn(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("oriundos_last_success_timestamp_seconds ")) {
                    double v = Double.parseDouble(line.substring(line.indexOf(' ') + 1).strip());
                    return v > 0 ? Instant.ofEpochMilli(Math.round(v * 1000)) : null;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static void perSource(Text t, RunFacts.LastRun run, String name, String help,
                                  java.util.function.ToLongFunction<RunFacts.SourceFigures> value) {
        Text.Metric m = t.gauge(name, help);
        for (Map.Entry<String, RunFacts.SourceFigures> e : run.sources().entrySet()) {
            m.sample("{source=\"" + label(e.getKey()) + "\"}", value.applyAsLong(e.getValue()));
        }
    }

    private static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** A label value: backslash, quote and newline escaped, as the format asks. */
    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Builds the text: each metric's HELP and TYPE lines, then its samples. */
    private static final class Text {
        private final StringBuilder out = new StringBuilder();

        Metric gauge(String name, String help) {
            out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                    .append('\n');
            out.append("# TYPE ").append(name).append(" gauge\n");
            return new Metric(name);
        }

        final class Metric {
            private final String name;

            Metric(String name) {
                this.name = name;
            }

            Metric sample(String labels, double value) {
                out.append(name).append(labels).append(' ').append(number(value)).append('\n');
                return this;
            }
        }

        private static String number(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return String.format(Locale.ROOT, "%.3f", v);
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
