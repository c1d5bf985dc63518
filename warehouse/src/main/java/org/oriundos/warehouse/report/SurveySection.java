package org.oriundos.warehouse.report;

import static org.oriundos.warehouse.report.render.ReportTable.row;

import java.util.ArrayList;
import java.util.List;
import org.oriundos.warehouse.report.render.Absent;
import org.oriundos.warehouse.report.render.BarChart;
import org.oriundos.warehouse.report.render.ReportTable;
import org.oriundos.warehouse.report.render.Series;
import org.oriundos.warehouse.report.render.TableColumn;
import org.oriundos.warehouse.report.render.ValueFormat;

/** Section 3: weighted membership and remittance rates from the surveys fielded in the period. */
final class SurveySection {
    private static final List<String> BAND_ORDER = List.of("0-4", "5-9", "10-19", "20+", "missing");

    private final WarehouseReader reader;
    private final ReportPeriod period;

    SurveySection(WarehouseReader reader, ReportPeriod period) {
        this.reader = reader;
        this.period = period;
    }

    void write(ReportPage page) {
        page.section("surveys", "Survey rates: membership and remittances");
        page.paragraph("Every rate is weighted: the sum of the weights of respondents who answered yes, over the sum "
                + "of the weights of those who answered yes or no. Respondents who did not know, refused or left the "
                + "question blank are left out of both sums; how many were left out is reported beside each rate.");
        List<Row> rates = reader.query("survey_rates", period.from(), period.to());
        if (rates.isEmpty()) {
            page.empty("No survey in the warehouse was fielded in " + period.label() + ".");
            return;
        }
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
        byBand.sort((x, y) -> {
            int c = x.integer("year").compareTo(y.integer("year"));
            if (c == 0) {
                c = x.text("survey").compareTo(y.text("survey"));
            }
            return c != 0 ? c : Integer.compare(bandRank(x), bandRank(y));
        });
        Row latest = rates.get(rates.size() - 1);
        String survey = latest.text("survey");
        int year = latest.integer("year");

        page.subheading("By years in the United States");
        chart(page, byBand, survey, year, "years_in_us", "Years in the US",
                "Weighted rates by years in the US, " + survey + " " + year);
        page.table(rateTable("survey_rates_by_years_in_us.csv", "Weighted rates by years in the US", "Years in the US",
                byBand));

        page.subheading("By origin");
        chart(page, byOrigin, survey, year, "origin_state", "Mexican state of origin (respondents born in Mexico)",
                "Weighted rates by Mexican state of origin, " + survey + " " + year);
        page.table(rateTable("survey_rates_by_origin.csv", "Weighted rates by country of birth and Mexican state of origin",
                "Group", byOrigin));
    }

    private void chart(ReportPage page, List<Row> rows, String survey, int year, String groupBy, String xLabel,
                       String title) {
        List<String> labels = new ArrayList<>();
        List<Double> member = new ArrayList<>();
        List<Double> remit = new ArrayList<>();
        for (Row r : rows) {
            if (r.text("survey").equals(survey) && r.integer("year") == year && r.text("group_by").equals(groupBy)) {
                labels.add(r.text("group_value"));
                member.add(rateValue(r, "weighted_member_rate", "member_excluded"));
                remit.add(rateValue(r, "weighted_remit_rate", "remit_excluded"));
            }
        }
        if (labels.isEmpty()) {
            page.empty("The " + survey + " " + year + " survey has no answers to group this way.");
            return;
        }
        page.chart(new BarChart(title, xLabel, "Weighted rate (%)", labels,
                List.of(new Series("Member of an association", member), new Series("Sends remittances", remit)),
                BarChart.Layout.GROUPED, ValueFormat.PERCENT, "no answers"),
                "Latest survey of the period. A group where nobody answered yes or no has no rate.");
    }

    private ReportTable rateTable(String csv, String title, String groupHeader, List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(row(r.text("survey"), r.integer("year"), groupLabel(r), r.count("respondents"),
                    rate(rateValue(r, "weighted_member_rate", "member_excluded")), r.count("member_excluded"),
                    rate(rateValue(r, "weighted_remit_rate", "remit_excluded")), r.count("remit_excluded")));
        }
        return new ReportTable(csv, title,
                List.of(TableColumn.text("Survey"), TableColumn.year("Year"), TableColumn.text(groupHeader),
                        TableColumn.count("Respondents (count)"),
                        TableColumn.percent("Member of an association (%, weighted)"),
                        TableColumn.count("Left out: don't know, refused or blank (count)"),
                        TableColumn.percent("Sends remittances (%, weighted)"),
                        TableColumn.count("Left out of remittances: don't know, refused or blank (count)")),
                out, "Respondents are unweighted counts; rates are weighted.");
    }

    /**
     * The weighted rate of a group. When some respondents answered yes or no but none said yes,
     * the rate is 0 (Σ weight·[Y] over them is 0), even if the view leaves it NULL; it has no rate
     * only when nobody answered yes or no.
     */
    private static Double rateValue(Row r, String rate, String excluded) {
        Double value = r.number(rate);
        if (value == null && r.count("respondents") - r.count(excluded) > 0) {
            return 0.0;
        }
        return value;
    }

    private static Object rate(Double value) {
        return value == null ? Absent.NOT_DEFINED : value;
    }

    private static String groupLabel(Row r) {
        String value = r.text("group_value");
        return switch (r.text("group_by")) {
            case "all" -> "All respondents";
            case "country_of_birth" -> "Born in " + value;
            case "origin_state" -> "From " + value;
            default -> value;
        };
    }

    private static int bandRank(Row r) {
        if (r.text("group_by").equals("all")) {
            return -1;
        }
        int i = BAND_ORDER.indexOf(r.text("group_value"));
        return i < 0 ? BAND_ORDER.size() : i;
    }
}
