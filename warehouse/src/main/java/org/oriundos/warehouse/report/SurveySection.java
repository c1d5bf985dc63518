package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oriundos.warehouse.report.render.BarChart;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.Series;
import org.oriundos.warehouse.report.render.TableColumn;
import org.oriundos.warehouse.report.render.ValueFormat;

/**
 * Section 3: weighted membership and remittance rates from the surveys fielded in the period, with
 * the answers left out (don't know, refused, blank) counted apart, and the groups with too few
 * answers to read flagged (the warehouse's {@code small_n}).
 */
final class SurveySection {
    private final WarehouseReader reader;
    private final ReportPeriod period;
    private final ReportText t;

    SurveySection(WarehouseReader reader, ReportPeriod period, ReportText text) {
        this.reader = reader;
        this.period = period;
        this.t = text;
    }

    void write(ReportPage page) {
        page.section("surveys", t.t("survey.heading"));
        page.paragraph(t.t("survey.intro"));
        List<Row> rates = reader.query("survey_rates", period.from(), period.to());
        if (rates.isEmpty()) {
            page.empty(t.t("survey.empty", period.label()));
            return;
        }
        int threshold = rates.get(0).integer("small_n_threshold");
        List<Row> byBand = new ArrayList<>();
        List<Row> byOrigin = new ArrayList<>();
        for (Row r : rates) {
            String groupBy = r.text("group_by");
            if (groupBy.equals("all") || groupBy.equals("years_in_us")) {
                byBand.add(r);
            }
            if (groupBy.equals("all") || groupBy.equals("country_of_birth") || groupBy.equals("origin_state")) {
                byOrigin.add(r);
            }
        }
        // each survey: all respondents first, then its groups in the warehouse's order (bands as numbers)
        byBand.sort(Comparator.comparing((Row r) -> r.integer("year")).thenComparing(r -> r.text("survey"))
                .thenComparing(r -> r.text("group_by").equals("all") ? 0 : 1)
                .thenComparing(r -> r.integer("group_order")));
        Row latest = rates.get(rates.size() - 1);
        String survey = latest.text("survey");
        int year = latest.integer("year");
        String span = period.label(period.surveyYears());

        page.subheading(t.t("survey.band.heading"));
        chart(page, byBand, survey, year, "years_in_us", t.t("axis.years_in_us"),
                t.t("survey.band.chart", survey, year), threshold);
        page.table(rateTable("survey_rates_by_years_in_us.csv", t.t("survey.band.table", span),
                t.t("col.years_in_us"), byBand, threshold));

        page.subheading(t.t("survey.origin.heading"));
        chart(page, byOrigin, survey, year, "origin_state", t.t("axis.origin_state_born_in_mexico"),
                t.t("survey.origin.chart", survey, year), threshold);
        page.table(rateTable("survey_rates_by_origin.csv", t.t("survey.origin.table", span), t.t("col.group"),
                byOrigin, threshold));
    }

    private void chart(ReportPage page, List<Row> rows, String survey, int year, String groupBy, String xLabel,
                       String title, int threshold) {
        List<String> labels = new ArrayList<>();
        List<Double> member = new ArrayList<>();
        List<Double> remit = new ArrayList<>();
        boolean anySmall = false;
        for (Row r : rows) {
            if (r.text("survey").equals(survey) && r.integer("year") == year && r.text("group_by").equals(groupBy)) {
                String label = groupValue(r);
                if (Boolean.TRUE.equals(r.bool("small_n"))) {
                    // a rate on a handful of answers is marked where it is drawn, with its n
                    label = t.t("survey.small_label", label,
                            t.count(Math.min(r.count("member_answered"), r.count("remit_answered"))));
                    anySmall = true;
                }
                labels.add(label);
                member.add(rateValue(r, "weighted_member_rate", "member_answered"));
                remit.add(rateValue(r, "weighted_remit_rate", "remit_answered"));
            }
        }
        if (labels.isEmpty()) {
            page.empty(t.t("survey.no_groups", survey, year));
            return;
        }
        page.chart(new BarChart(title, xLabel, t.t("axis.weighted_rate"), labels,
                List.of(new Series(t.t("series.member"), member), new Series(t.t("series.remits"), remit)),
                BarChart.Layout.GROUPED, ValueFormat.PERCENT, t.t("absent.no_answers")),
                t.t("survey.chart.caption") + (anySmall ? " " + t.t("survey.chart.small", threshold) : ""));
    }

    private ReportTable rateTable(String csv, String title, String groupHeader, List<Row> rows, int threshold) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(row(r.text("survey"), r.integer("year"), groupLabel(r), r.count("respondents"),
                    rate(rateValue(r, "weighted_member_rate", "member_answered")), r.count("member_dk"),
                    r.count("member_ref"), r.count("member_blank"),
                    rate(rateValue(r, "weighted_remit_rate", "remit_answered")), r.count("remit_dk"),
                    r.count("remit_ref"), r.count("remit_blank"),
                    Boolean.TRUE.equals(r.bool("small_n")) ? t.t("label.yes") : t.t("label.no")));
        }
        return new ReportTable(csv, title,
                List.of(TableColumn.text(t.t("col.survey")), TableColumn.year(t.t("col.year")),
                        TableColumn.text(groupHeader), TableColumn.count(t.t("col.respondents")),
                        TableColumn.percent(t.t("col.member_rate")), TableColumn.count(t.t("col.member_dk")),
                        TableColumn.count(t.t("col.member_ref")), TableColumn.count(t.t("col.member_blank")),
                        TableColumn.percent(t.t("col.remit_rate")), TableColumn.count(t.t("col.remit_dk")),
                        TableColumn.count(t.t("col.remit_ref")), TableColumn.count(t.t("col.remit_blank")),
                        TableColumn.text(t.t("col.small_n", threshold))),
                out, t.t("survey.table.note", threshold));
    }

    /**
     * The weighted rate of a group. When some respondents answered yes or no but none said yes,
     * the rate is 0 (Σ weight·[Y] over them is 0), even if the view leaves it NULL; it has no rate
     * only when nobody answered yes or no.
     */
    private static Double rateValue(Row r, String rate, String answered) {
        Double value = r.number(rate);
        if (value == null && r.count(answered) > 0) {
            return 0.0;
        }
        return value;
    }

    private Object rate(Double value) {
        return value == null ? t.notDefined() : value;
    }

    private String groupValue(Row r) {
        String value = r.text("group_value");
        return value.equals("missing") ? t.t("survey.missing") : value;
    }

    private String groupLabel(Row r) {
        String value = groupValue(r);
        return switch (r.text("group_by")) {
            case "all" -> t.t("survey.all_respondents");
            case "country_of_birth" -> t.t("survey.born_in", t.label("country", value));
            case "origin_state" -> t.t("survey.from", value);
            default -> value;
        };
    }
}
