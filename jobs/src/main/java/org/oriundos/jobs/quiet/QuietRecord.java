package org.oriundos.jobs.quiet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.status.ScanResult;
import org.oriundos.ingest.LocalFiles;

/**
 * What the last night left for the next one to read before anything starts:
 * {@code <home>/cache/quiet-night.properties}. Two halves:
 * <ul>
 * <li>the <em>decision</em>: the {@link HomeStamp} of the home as a night found it, and, when a night
 * started then would have had nothing to do, what it would have said (the scan's counts, the files
 * it would leave alone with why) and the warehouse's freshness. Written by every run that took
 * the lock: removed when a run starts, written again when it completes;</li>
 * <li>the <em>quiet checks</em>: how many nights were answered from the decision since, and when
 * the last one started and ended, which {@code status} and the monitoring facts report.</li>
 * </ul>
 * File names, reasons, counts and digests only: never a value of a delivery. A cache: deleting it
 * costs the next night the full path, nothing else. Written whole, beside its place and renamed.
 */
record QuietRecord(Decision decision, Checks checks) {
    static final String FILE_NAME = "quiet-night.properties";
    private static final String FORMAT = "1";

    /**
     * @param stamp       the home as the run that wrote it left it (before its closing scan)
     * @param cache       the inbox checksum cache after that scan
     * @param run         the run that wrote it
     * @param writtenAt   when
     * @param scan        what a night would say, or null when a night would not be quiet
     * @param dataAsOf    the warehouse's newest delivery, or null
     * @param publishedAt when the warehouse file was last rebuilt, or null
     */
    record Decision(HomeStamp stamp, String cache, long run, Instant writtenAt, ScanResult scan, Instant dataAsOf,
                    Instant publishedAt) {
    }

    /**
     * The nights the quiet check answered from the decision of one run.
     *
     * @param run          that run
     * @param count        how many
     * @param lastStarted  when the last one started
     * @param lastEnded    when it ended
     * @param line         what it said first ({@code nothing new in …})
     * @param stillRefused inbox files it left alone as still refused
     * @param notTaken     inbox files it left alone as not taken
     */
    record Checks(long run, int count, Instant lastStarted, Instant lastEnded, String line, int stillRefused,
                  int notTaken) {
    }

    static Path file(DataHome home) {
        return home.cache().resolve(FILE_NAME);
    }

    /** The record of {@code home}; null when there is none or it cannot be read (then there is nothing to trust). */
    static QuietRecord read(DataHome home) {
        Path file = file(home);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            return null;
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            return null;
        }
        try {
            Checks checks = null;
            if (p.getProperty("checks.count") != null) {
                checks = new Checks(Long.parseLong(required(p, "checks.run")), Integer.parseInt(required(p, "checks.count")),
                        instant(p, "checks.last_started"), instant(p, "checks.last_ended"), required(p, "checks.line"),
                        Integer.parseInt(required(p, "checks.still_refused")),
                        Integer.parseInt(required(p, "checks.not_taken")));
            }
            return new QuietRecord(decision(p), checks);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Decision decision(Properties p) {
        if (!"true".equals(p.getProperty("decision"))) {
            return null;
        }
        Map<String, String> parts = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("stamp.")) {
                parts.put(key.substring("stamp.".length()), p.getProperty(key));
            }
        }
        ScanResult scan = null;
        if ("true".equals(p.getProperty("quiet"))) {
            List<ScanResult.NotTaken> notTaken = new ArrayList<>();
            int n = Integer.parseInt(p.getProperty("not_taken.count"));
            for (int i = 0; i < n; i++) {
                notTaken.add(new ScanResult.NotTaken(required(p, "not_taken." + i + ".name"),
                        required(p, "not_taken." + i + ".reason"), false));
            }
            List<ScanResult.StillRefused> refused = new ArrayList<>();
            int m = Integer.parseInt(p.getProperty("still_refused.count"));
            for (int i = 0; i < m; i++) {
                refused.add(new ScanResult.StillRefused(required(p, "still_refused." + i + ".name"),
                        required(p, "still_refused." + i + ".reason"),
                        LocalDate.parse(required(p, "still_refused." + i + ".refused_on"))));
            }
            scan = new ScanResult(required(p, "scan.inbox"), required(p, "scan.conf"), List.of(),
                    Integer.parseInt(required(p, "scan.already_loaded")), notTaken, refused, ScanResult.Night.NOTHING_NEW);
        }
        return new Decision(new HomeStamp(parts), required(p, "cache"), Long.parseLong(required(p, "run")),
                instant(p, "written_at"), scan, instant(p, "warehouse.data_as_of"), instant(p, "warehouse.published_at"));
    }

    /** This record, written atomically in place of the last. */
    void write(DataHome home) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        if (checks != null) {
            p.setProperty("checks.run", Long.toString(checks.run()));
            p.setProperty("checks.count", Integer.toString(checks.count()));
            put(p, "checks.last_started", checks.lastStarted());
            put(p, "checks.last_ended", checks.lastEnded());
            p.setProperty("checks.line", checks.line());
            p.setProperty("checks.still_refused", Integer.toString(checks.stillRefused()));
            p.setProperty("checks.not_taken", Integer.toString(checks.notTaken()));
        }
        p.setProperty("decision", Boolean.toString(decision != null));
        if (decision != null) {
            decision.stamp().parts().forEach((k, v) -> p.setProperty("stamp." + k, v));
            p.setProperty("cache", decision.cache());
            p.setProperty("run", Long.toString(decision.run()));
            put(p, "written_at", decision.writtenAt());
            put(p, "warehouse.data_as_of", decision.dataAsOf());
            put(p, "warehouse.published_at", decision.publishedAt());
            ScanResult scan = decision.scan();
            p.setProperty("quiet", Boolean.toString(scan != null));
            if (scan != null) {
                p.setProperty("scan.inbox", scan.inbox());
                p.setProperty("scan.conf", scan.conf());
                p.setProperty("scan.already_loaded", Integer.toString(scan.alreadyLoaded()));
                p.setProperty("not_taken.count", Integer.toString(scan.notTaken().size()));
                for (int i = 0; i < scan.notTaken().size(); i++) {
                    p.setProperty("not_taken." + i + ".name", scan.notTaken().get(i).name());
                    p.setProperty("not_taken." + i + ".reason", scan.notTaken().get(i).reason());
                }
                p.setProperty("still_refused.count", Integer.toString(scan.stillRefused().size()));
                for (int i = 0; i < scan.stillRefused().size(); i++) {
                    ScanResult.StillRefused r = scan.stillRefused().get(i);
                    p.setProperty("still_refused." + i + ".name", r.fileName());
                    p.setProperty("still_refused." + i + ".reason", r.reason());
                    p.setProperty("still_refused." + i + ".refused_on", r.refusedOn().toString());
                }
            }
        }
        Path file = file(home);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "oriundos: what the last night left for the next one's quiet check"
                        + " (docs/operations.md, \"A quiet night\"); a cache: deleting it costs one full night");
            }
            LocalFiles.moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(Properties p, String key, Instant value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    private static Instant instant(Properties p, String key) {
        String v = p.getProperty(key);
        try {
            return v == null || v.isBlank() ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + ": " + v, e);
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return v;
    }
}
