package org.oriundos.warehouse.report;

/**
 * How the figures are made, for the reader who must say so: how associations are identified
 * across the sources (and where the list of records kept apart for review stands), and when the
 * latest fiscal year is flagged as incomplete.
 */
final class MethodSection {
    private final WarehouseReader reader;
    private final ReportPeriod period;
    private final ReportText t;

    MethodSection(WarehouseReader reader, ReportPeriod period, ReportText text) {
        this.reader = reader;
        this.period = period;
        this.t = text;
    }

    void write(ReportPage page) {
        page.section("method", t.t("method.heading"));
        page.subheading(t.t("method.associations.heading"));
        page.paragraph(t.t("method.associations"));
        page.paragraph(reviewList());
        page.subheading(t.t("method.latest_year.heading"));
        page.paragraph(t.t("method.latest_year", t.numbers().percent(SummarySection.INCOMPLETE_APPROVED_SHARE),
                t.numbers().percent(SummarySection.INCOMPLETE_DROP)));
        page.subheading(t.t("method.money.heading"));
        page.paragraph(t.t("method.money"));
    }

    /**
     * The size of the review list of association records the identity model kept apart, from the
     * warehouse's {@code audit_association_review} (association_review_size.sql, the one place it
     * is read); a warehouse without that view gets a sentence saying so, not a number.
     */
    private String reviewList() {
        boolean present = Boolean.TRUE.equals(
                reader.query("association_review_present", period.from(), period.to()).get(0).bool("present"));
        if (!present) {
            return t.t("method.review_list.absent");
        }
        long records = reader.query("association_review_size", period.from(), period.to()).get(0).count("records");
        return t.t("method.review_list", t.count(records));
    }
}
