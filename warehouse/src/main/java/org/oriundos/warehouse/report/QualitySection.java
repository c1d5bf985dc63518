package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.oriundos.warehouse.report.render.BarChart;
import org.oriundos.warehouse.report.render.HorizontalBarChart;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.Series;
import org.oriundos.warehouse.report.render.TableColumn;
import org.oriundos.warehouse.report.render.ValueFormat;

/**
 * Appendix: what the numbers rest on. The files loaded, the rows rejected and why, the names no
 * rule could resolve, and how records were linked to associations. It covers everything the
 * warehouse was built from, not only the report's period.
 */
final class QualitySection {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final WarehouseReader reader;
    private final ReportPeriod period;

    QualitySection(WarehouseReader reader, ReportPeriod period) {
        this.reader = reader;
        this.period = period;
    }

    void write(ReportPage page) {
        page.section("quality", "Appendix: data quality");
        page.paragraph("This appendix covers every delivery the warehouse was built from. Every row read from a file "
                + "was either loaded or rejected with its file, line, column, value and reason: rows read = loaded + "
                + "rejected + skipped.");
        writeFiles(page);
        writeRejects(page);
        writeUnresolved(page);
        writeLinks(page);
    }

    private void writeFiles(ReportPage page) {
        List<Row> files = reader.query("quality_files", period.from(), period.to());
        page.subheading("Files loaded");
        if (files.isEmpty()) {
            page.empty("The ledger is empty.");
            return;
        }
        Map<String, long[]> bySource = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : files) {
            long[] sums = bySource.computeIfAbsent(r.text("source_table"), k -> new long[2]);
            if ("LOADED".equals(r.text("status")) && Boolean.TRUE.equals(r.bool("is_current"))) {
                sums[0] += r.count("rows_loaded");
                sums[1] += r.count("rows_rejected");
            }
            String note = r.text("message") != null ? r.text("message")
                    : Boolean.TRUE.equals(r.bool("is_current")) ? "current delivery" : "replaced by a later delivery";
            rows.add(row(r.text("file_name"), r.text("source_table") + " " + r.text("period"), r.text("status"),
                    r.count("rows_read"), r.count("rows_loaded"), r.count("rows_rejected"), r.count("rows_skipped"),
                    when(r.values().get("loaded_at")), note));
        }
        List<String> labels = new ArrayList<>(bySource.keySet());
        List<Double> loaded = new ArrayList<>();
        List<Double> rejected = new ArrayList<>();
        for (long[] sums : bySource.values()) {
            loaded.add((double) sums[0]);
            rejected.add((double) sums[1]);
        }
        page.chart(new BarChart("Rows loaded and rejected per source (current deliveries)", "Source",
                "Rows (count)", labels, List.of(new Series("Loaded", loaded), new Series("Rejected", rejected)),
                BarChart.Layout.STACKED, ValueFormat.COUNT, null),
                "Only each partition's current delivery counts; replaced and failed deliveries are listed below.");
        page.table(new ReportTable("quality_files.csv", "Files in the ledger, latest first",
                List.of(TableColumn.text("File"), TableColumn.text("Source and period"),
                        TableColumn.text("Status"), TableColumn.count("Read (rows)"),
                        TableColumn.count("Loaded (rows)"), TableColumn.count("Rejected (rows)"),
                        TableColumn.count("Skipped (rows)"), TableColumn.text("Decided at (UTC)"),
                        TableColumn.text("Note")),
                rows, "A FAILED file was refused whole (for example over the reject threshold) and loaded nothing."));
    }

    private void writeRejects(ReportPage page) {
        List<Row> rejects = reader.query("quality_rejects", period.from(), period.to());
        page.subheading("Rows rejected, by reason");
        if (rejects.isEmpty()) {
            page.empty("No row was rejected.");
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : rejects) {
            labels.add(r.text("source_table") + " \u00b7 " + r.text("column_name") + ": " + r.text("reason"));
            values.add(r.count("rows_rejected").doubleValue());
            rows.add(row(r.text("source_table"), r.text("column_name"), r.text("reason"), r.count("rows_rejected"),
                    r.count("files")));
        }
        page.chart(new HorizontalBarChart("Rows rejected, by source, column and reason", "Rows (count)",
                "Source \u00b7 column: reason", labels, new Series("Rejected rows", values), ValueFormat.COUNT),
                "Each rejected row is kept with its file, line, column and value (see the rejects command).");
        page.table(new ReportTable("quality_rejects.csv", "Rows rejected, by source, column and reason",
                List.of(TableColumn.text("Source"), TableColumn.text("Column"), TableColumn.text("Reason"),
                        TableColumn.count("Rows (count)"), TableColumn.count("Files (count)")),
                rows, ""));
    }

    private void writeUnresolved(ReportPage page) {
        List<Row> unresolved = reader.query("quality_unresolved", period.from(), period.to());
        page.subheading("Names left unresolved");
        if (unresolved.isEmpty()) {
            page.empty("Every place and name was resolved.");
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : unresolved) {
            labels.add(r.text("source_table") + " \u00b7 " + r.text("column_name"));
            values.add(r.count("rows_unresolved").doubleValue());
            rows.add(row(r.text("source_table"), r.text("column_name"), r.text("reason"), r.count("rows_unresolved"),
                    r.count("distinct_values"), r.text("example_value")));
        }
        page.chart(new HorizontalBarChart("Rows with a value left unresolved, by source and column", "Rows (count)",
                "Source \u00b7 column", labels, new Series("Rows with an unresolved value", values), ValueFormat.COUNT),
                "An unresolved value is kept as delivered and counted under \u201cUnknown\u201d; an alias file can resolve it.");
        page.table(new ReportTable("quality_unresolved.csv", "Values left unresolved, by source, column and reason",
                List.of(TableColumn.text("Source"), TableColumn.text("Column"), TableColumn.text("Reason"),
                        TableColumn.count("Rows (count)"), TableColumn.count("Distinct values (count)"),
                        TableColumn.text("Example value")),
                rows, ""));
    }

    private void writeLinks(ReportPage page) {
        List<Row> links = reader.query("quality_links", period.from(), period.to());
        page.subheading("Association links, by rule");
        if (links.isEmpty()) {
            page.empty("No record was linked to an association.");
            return;
        }
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<String> rules = new TreeSet<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : links) {
            sources.add(r.text("source_table"));
            rules.add(r.text("rule"));
            counts.put(r.text("source_table") + "\u0000" + r.text("rule"), r.count("links"));
            rows.add(row(r.text("source_table"), r.text("rule"), r.count("links"), r.count("associations"),
                    r.number("min_score")));
        }
        List<String> labels = new ArrayList<>(sources);
        List<Series> series = new ArrayList<>();
        for (String rule : rules) {
            List<Double> values = new ArrayList<>();
            for (String source : labels) {
                values.add(counts.getOrDefault(source + "\u0000" + rule, 0L).doubleValue());
            }
            series.add(new Series(rule, values));
        }
        page.chart(new BarChart("Records linked to an association, by source and rule", "Source", "Records (count)",
                labels, series, BarChart.Layout.STACKED, ValueFormat.COUNT, null),
                "How each registry row, project and survey answer was matched to one association identity.");
        page.table(new ReportTable("quality_association_links.csv", "Association links, by source and rule",
                List.of(TableColumn.text("Source"), TableColumn.text("Rule"), TableColumn.count("Records (count)"),
                        TableColumn.count("Associations (count)"), TableColumn.percent("Lowest match score (%)")),
                rows, "IME_ID and REGISTRY_KEY match on identifiers; EXACT_NAME and SIMILAR_NAME on the normalised "
                + "name within the origin state; OVERRIDE_* follow the analysts' override file; NEW starts a new "
                + "association."));
    }

    private static String when(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.sql.Timestamp) {
            return WHEN.format(((java.sql.Timestamp) value).toInstant());
        }
        if (value instanceof java.time.OffsetDateTime) {
            return WHEN.format(((java.time.OffsetDateTime) value).toInstant());
        }
        if (value instanceof java.time.LocalDateTime) {
            return WHEN.format(((java.time.LocalDateTime) value).toInstant(ZoneOffset.UTC));
        }
        return value.toString();
    }
}
