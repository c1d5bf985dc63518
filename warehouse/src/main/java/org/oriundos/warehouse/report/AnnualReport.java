package org.oriundos.warehouse.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.oriundos.warehouse.report.render.CsvTableWriter;
import org.oriundos.warehouse.report.render.HtmlDocument;
import org.oriundos.warehouse.report.render.ReportTable;

/**
 * The annual growth report analysts hand to others: {@code <reportsDir>/<year>/report.html}, one
 * self-contained page (inline CSS and SVG, nothing fetched), and beside it the CSV of every table
 * on the page. Reads the published warehouse read-only. The folder is replaced whole: a reader
 * never sees half a report.
 */
public final class AnnualReport {
    private final CsvTableWriter csvWriter = new CsvTableWriter();

    public AnnualReport() {
    }

    /**
     * Writes the report of {@code year}, covering {@code fromYear} (or, when null, the first year
     * the warehouse has data for) to {@code year}, in English without an institution.
     */
    public ReportResult write(Path warehouseFile, int year, Integer fromYear, Path reportsDir) {
        return write(warehouseFile, year, fromYear, reportsDir, ReportOptions.DEFAULTS);
    }

    /** As {@link #write(Path, int, Integer, Path)}, in the options' language and with their institution. */
    public ReportResult write(Path warehouseFile, int year, Integer fromYear, Path reportsDir, ReportOptions options) {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("the report year must be a calendar year, not " + year);
        }
        if (fromYear != null && fromYear > year) {
            throw new IllegalArgumentException("the report's first year (" + fromYear + ") is after its year (" + year + ")");
        }
        ReportPage page;
        try (WarehouseReader reader = new WarehouseReader(warehouseFile)) {
            Row span = reader.query("latest_year").get(0);
            if (span.integer("first_year") == null) {
                throw new ReportException("the warehouse " + warehouseFile + " holds no registry, 3x1 or survey data yet");
            }
            int from = fromYear != null ? fromYear : Math.min(span.integer("first_year"), year);
            ReportPeriod period = period(reader, from, year);
            ReportText text = new ReportText(options.language());
            page = new ReportPage(document(reader, period, warehouseFile, text, options));
            new SummarySection(reader, period, text).write(page);
            new RegistrySection(reader, period, text).write(page);
            new ProgramSection(reader, period, text).write(page);
            new RemittanceSection(reader, period, text).write(page);
            new SurveySection(reader, period, text).write(page);
            new MethodSection(reader, period, text).write(page);
            new QualitySection(reader, period, text).write(page);
        }
        return publish(page, reportsDir, year);
    }

    /** The latest year the warehouse holds registry, 3x1 or survey data for; empty if none. */
    public static OptionalInt latestYear(Path warehouseFile) {
        try (WarehouseReader reader = new WarehouseReader(warehouseFile)) {
            Integer latest = reader.query("latest_year").get(0).integer("latest_year");
            return latest == null ? OptionalInt.empty() : OptionalInt.of(latest);
        }
    }

    private static ReportPeriod period(WarehouseReader reader, int from, int to) {
        List<ReportPeriod.YearData> years = new ArrayList<>();
        for (Row r : reader.query("period_years", from, to)) {
            years.add(new ReportPeriod.YearData(r.integer("year"), Boolean.TRUE.equals(r.bool("has_registry_snapshot")),
                    r.date("registry_snapshot_date"), Boolean.TRUE.equals(r.bool("has_projects")),
                    Boolean.TRUE.equals(r.bool("has_survey"))));
        }
        return new ReportPeriod(from, to, years);
    }

    private static HtmlDocument document(WarehouseReader reader, ReportPeriod period, Path warehouseFile,
                                         ReportText t, ReportOptions options) {
        Row asOf = reader.query("data_as_of").get(0);
        Object when = asOf.values().get("data_as_of");
        ReportPeriod.YearData last = period.year(period.to());
        String snapshot = last.hasSnapshot() ? t.t("title.snapshot_of", last.snapshotDate().toString())
                : t.t("title.no_snapshot_in", period.to());
        HtmlDocument doc = new HtmlDocument(t.t("title.main", period.to()), List.of(), t.language());
        doc.institution(options.institution());
        doc.titleBlock(t.t("title.period"), period.label() + " \u00b7 " + snapshot);
        doc.titleBlock(t.t("title.data_as_of"), (when == null ? t.t("title.empty_ledger") : asOfText(when, t))
                + " \u00b7 " + t.t("title.current_files", t.count(asOf.count("current_files"))));
        String version = ReportVersion.current();
        doc.titleBlock(t.t("title.produced_with"), (version == null ? t.t("title.version_unknown")
                : t.t("title.version", version)) + " \u00b7 " + t.t("title.warehouse", warehouseFile.getFileName()));
        doc.footer(t.t("footer.sources"));
        doc.footer(t.t("footer.csv"));
        return doc;
    }

    private static String asOfText(Object when, ReportText t) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.t("format.date_time"), t.language().locale())
                .withZone(ZoneOffset.UTC);
        if (when instanceof java.sql.Timestamp) {
            return format.format(((java.sql.Timestamp) when).toInstant());
        }
        if (when instanceof java.time.OffsetDateTime) {
            return format.format(((java.time.OffsetDateTime) when).toInstant());
        }
        if (when instanceof java.time.LocalDateTime) {
            return format.format(((java.time.LocalDateTime) when).toInstant(ZoneOffset.UTC));
        }
        return when.toString();
    }

    /** Writes everything into a fresh folder beside the target, then swaps it into place. */
    private ReportResult publish(ReportPage page, Path reportsDir, int year) {
        Path target = reportsDir.resolve(Integer.toString(year));
        Path staging = reportsDir.resolve("." + year + ".writing");
        Path previous = reportsDir.resolve("." + year + ".previous");
        try {
            Files.createDirectories(reportsDir);
            deleteTree(staging);
            deleteTree(previous);
            Files.createDirectories(staging);
            Files.writeString(staging.resolve("report.html"), page.document().render(), StandardCharsets.UTF_8);
            List<String> csvNames = new ArrayList<>();
            for (ReportTable table : page.tables()) {
                csvWriter.write(table, staging);
                csvNames.add(table.csvName());
            }
            if (Files.exists(target)) {
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
            List<Path> csvFiles = new ArrayList<>();
            for (String name : csvNames) {
                csvFiles.add(target.resolve(name));
            }
            return new ReportResult(target.resolve("report.html"), csvFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + year + " report into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
