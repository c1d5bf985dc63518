package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oriundos.ingest.Reason;
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
    private final ReportText t;

    QualitySection(WarehouseReader reader, ReportPeriod period, ReportText text) {
        this.reader = reader;
        this.period = period;
        this.t = text;
    }

    void write(ReportPage page) {
        page.section("quality", t.t("quality.heading"));
        page.paragraph(t.t("quality.intro"));
        writeFiles(page);
        writeRejects(page);
        writeUnresolved(page);
        writeLinks(page);
    }

    private void writeFiles(ReportPage page) {
        List<Row> files = reader.query("quality_files", period.from(), period.to());
        page.subheading(t.t("quality.files.heading"));
        if (files.isEmpty()) {
            page.empty(t.t("quality.files.empty"));
            return;
        }
        Map<String, long[]> bySource = new TreeMap<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : files) {
            long[] sums = bySource.computeIfAbsent(r.text("source_table"), k -> new long[2]);
            if ("LOADED".equals(r.text("status")) && Boolean.TRUE.equals(r.bool("is_current"))) {
                sums[0] += r.count("rows_read");
                sums[1] += r.count("rows_rejected");
            }
            String note = r.text("message") != null ? r.text("message")
                    : Boolean.TRUE.equals(r.bool("is_current")) ? t.t("quality.files.current")
                    : t.t("quality.files.replaced");
            rows.add(row(r.text("file_name"), t.source(r.text("source_table")) + " " + r.text("period"),
                    t.label("status", r.text("status")), r.count("rows_read"), r.count("rows_loaded"),
                    r.count("rows_rejected"), r.count("rows_skipped"), when(r.values().get("loaded_at")), note));
        }
        // the share of rows rejected, not stacked on the rows loaded: a few dozen rejects against
        // thousands of loaded rows would not show
        List<String> labels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        List<String> valueLabels = new ArrayList<>();
        for (Map.Entry<String, long[]> e : bySource.entrySet()) {
            long read = e.getValue()[0];
            long rejected = e.getValue()[1];
            labels.add(t.source(e.getKey()));
            Double share = read == 0 ? null : (double) rejected / read;
            shares.add(share);
            valueLabels.add(share == null ? t.t("absent.not_defined")
                    : t.t("quality.files.share_label", t.numbers().percent(share), t.count(rejected), t.count(read)));
        }
        page.chart(new HorizontalBarChart(t.t("quality.files.chart"), t.t("axis.rejected_share"), t.t("axis.source"),
                labels, new Series(t.t("series.rejected_share"), shares), ValueFormat.PERCENT, valueLabels),
                t.t("quality.files.caption"));
        page.table(new ReportTable("quality_files.csv", t.t("quality.files.table"),
                List.of(TableColumn.text(t.t("col.file")), TableColumn.text(t.t("col.source_period")),
                        TableColumn.text(t.t("col.status")), TableColumn.count(t.t("col.rows_read")),
                        TableColumn.count(t.t("col.rows_loaded")), TableColumn.count(t.t("col.rows_rejected")),
                        TableColumn.count(t.t("col.rows_skipped")), TableColumn.text(t.t("col.decided_at")),
                        TableColumn.text(t.t("col.note"))),
                rows, t.t("quality.files.note")));
    }

    private void writeRejects(ReportPage page) {
        List<Row> rejects = reader.query("quality_rejects", period.from(), period.to());
        page.subheading(t.t("quality.rejects.heading"));
        if (rejects.isEmpty()) {
            page.empty(t.t("quality.rejects.empty"));
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        long asRecorded = 0;
        for (Row r : rejects) {
            String column = r.text("column_name").equals("(whole row)") ? t.t("quality.whole_row") : r.text("column_name");
            String reason = reason(r);
            if (reason == null) {
                reason = r.text("example_reason");
                asRecorded += r.count("rows_rejected");
            }
            labels.add(t.source(r.text("source_table")) + " \u00b7 " + column + ": " + reason);
            values.add(r.count("rows_rejected").doubleValue());
            rows.add(row(t.source(r.text("source_table")), column, reason, r.count("rows_rejected"),
                    r.count("files")));
        }
        page.chart(new HorizontalBarChart(t.t("quality.rejects.chart"), t.t("axis.rows"), t.t("axis.source_column_reason"),
                labels, new Series(t.t("series.rejected_rows"), values), ValueFormat.COUNT),
                t.t("quality.rejects.caption"));
        page.table(new ReportTable("quality_rejects.csv", t.t("quality.rejects.table"),
                List.of(TableColumn.text(t.t("col.source")), TableColumn.text(t.t("col.column")),
                        TableColumn.text(t.t("col.reason")), TableColumn.count(t.t("col.rows")),
                        TableColumn.count(t.t("col.files"))),
                rows, t.t("quality.rejects.note")
                        + (asRecorded == 0 ? "" : " " + t.t("quality.rejects.note_as_recorded", t.count(asRecorded)))));
    }

    private void writeUnresolved(ReportPage page) {
        List<Row> unresolved = reader.query("quality_unresolved", period.from(), period.to());
        page.subheading(t.t("quality.unresolved.heading"));
        if (unresolved.isEmpty()) {
            page.empty(t.t("quality.unresolved.empty"));
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        long asRecorded = 0;
        for (Row r : unresolved) {
            String reason = reason(r);
            if (reason == null) {
                reason = r.text("example_reason");
                asRecorded += r.count("rows_unresolved");
            }
            labels.add(t.source(r.text("source_table")) + " \u00b7 " + r.text("column_name"));
            values.add(r.count("rows_unresolved").doubleValue());
            rows.add(row(t.source(r.text("source_table")), r.text("column_name"), reason,
                    r.count("rows_unresolved"), r.count("distinct_values"), r.text("example_value")));
        }
        page.chart(new HorizontalBarChart(t.t("quality.unresolved.chart"), t.t("axis.rows"), t.t("axis.source_column"),
                labels, new Series(t.t("series.unresolved_rows"), values), ValueFormat.COUNT),
                t.t("quality.unresolved.caption"));
        page.table(new ReportTable("quality_unresolved.csv", t.t("quality.unresolved.table"),
                List.of(TableColumn.text(t.t("col.source")), TableColumn.text(t.t("col.column")),
                        TableColumn.text(t.t("col.reason")), TableColumn.count(t.t("col.rows")),
                        TableColumn.count(t.t("col.distinct_values")), TableColumn.text(t.t("col.example_value"))),
                rows, t.t("quality.unresolved.note")
                        + (asRecorded == 0 ? "" : " " + t.t("quality.unresolved.note_as_recorded", t.count(asRecorded)))));
    }

    private void writeLinks(ReportPage page) {
        List<Row> links = reader.query("quality_links", period.from(), period.to());
        page.subheading(t.t("quality.links.heading"));
        if (links.isEmpty()) {
            page.empty(t.t("quality.links.empty"));
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
            rows.add(row(t.source(r.text("source_table")), ruleLabel(r.text("rule")), r.count("links"),
                    r.count("associations"), r.number("min_score")));
        }
        List<String> sourceCodes = new ArrayList<>(sources);
        List<String> labels = new ArrayList<>();
        for (String source : sourceCodes) {
            labels.add(t.source(source));
        }
        List<Series> series = new ArrayList<>();
        for (String rule : rules) {
            List<Double> values = new ArrayList<>();
            for (String source : sourceCodes) {
                values.add(counts.getOrDefault(source + "\u0000" + rule, 0L).doubleValue());
            }
            series.add(new Series(ruleLabel(rule), values));
        }
        page.chart(new BarChart(t.t("quality.links.chart"), t.t("axis.source"), t.t("axis.records"),
                labels, series, BarChart.Layout.STACKED, ValueFormat.COUNT, null),
                t.t("quality.links.caption"));
        page.table(new ReportTable("quality_association_links.csv", t.t("quality.links.table"),
                List.of(TableColumn.text(t.t("col.source")), TableColumn.text(t.t("col.rule")),
                        TableColumn.count(t.t("col.records")), TableColumn.count(t.t("col.associations")),
                        TableColumn.percent(t.t("col.lowest_score"))),
                rows, t.t("quality.links.note")));
    }

    /**
     * A reason of a quality query's row in the report's language: the message {@code reason.<CODE>}
     * with the reason's parameters. {@code null} for a row recorded before the codes (or, should the
     * lake hold one, with a code this report has no words for): the caller shows its reason as
     * recorded, in English, and the note says so.
     */
    private String reason(Row r) {
        String code = r.text("reason_code");
        if (code == null || !t.has("reason." + code)) {
            return null;
        }
        return t.t("reason." + code, Reason.args(r.text("reason_args")).toArray());
    }

    /** A rule's label, with its code as the link table writes it: "Same name (EXACT_NAME)". */
    private String ruleLabel(String rule) {
        String label = t.label("rule", rule);
        return label.equals(rule) ? rule : label + " (" + rule + ")";
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
