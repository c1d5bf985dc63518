package org.oriundos.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.oriundos.warehouse.Model.Kind;

/** The warehouse's SQL models in the order they run, and the SQL resources they live in. */
final class Models {
    /** Dimensions first (facts look their keys up), then the facts, then the aggregates and views over them. */
    static final List<Model> DIMENSIONS = List.of(
            new Model("macros", Kind.MACRO),
            new Model("dim_year", Kind.TABLE),
            new Model("dim_geography", Kind.TABLE),
            new Model("dim_consulate", Kind.TABLE),
            new Model("dim_association", Kind.TABLE),
            new Model("int_association_year_key", Kind.VIEW),
            new Model("dim_project", Kind.DIMENSION_BY_PROJECT));

    static final List<Model> FACTS = List.of(
            new Model("fact_project_funding", Kind.FACT_BY_YEAR),
            new Model("fact_association_year", Kind.FACT_BY_YEAR),
            new Model("fact_survey_response", Kind.FACT_BY_YEAR),
            new Model("fact_consular_activity", Kind.FACT_BY_YEAR),
            new Model("fact_remittances", Kind.FACT_BY_YEAR));

    /**
     * The aggregate tables behind the analyst views and {@code growth(…)}, built from the facts on
     * every build (they are small; reading the facts once here spares every analyst query a scan
     * of them): those whose rows of a year depend on that year's facts alone only for the years a
     * build touched, the one of a row per association for the associations it touched, the
     * registry's (a year's rows compare with the previous year, or group by an association's
     * attributes, which a new snapshot can change for every year) whole when a registry figure or
     * a version it points to moved and not at all otherwise, the remittances' two whole.
     */
    static final List<Model> AGGREGATES = List.of(
            new Model("agg_project_investment", Kind.AGGREGATE_BY_YEAR),
            new Model("agg_association_growth", Kind.AGGREGATE_OF_THE_REGISTRY),
            new Model("agg_survey_rates", Kind.AGGREGATE_BY_YEAR),
            new Model("agg_year_measures", Kind.AGGREGATE_BY_YEAR),
            new Model("agg_registered_by_group", Kind.AGGREGATE_OF_THE_REGISTRY),
            new Model("agg_club_participation", Kind.AGGREGATE_BY_YEAR),
            new Model("agg_association_latest", Kind.AGGREGATE_BY_ASSOCIATION),
            new Model("agg_remittances", Kind.TABLE),
            new Model("agg_migration_intensity", Kind.TABLE));

    static final List<Model> VIEWS = List.of(
            new Model("audit_file_load", Kind.VIEW),
            new Model("audit_reject", Kind.VIEW),
            new Model("audit_unresolved", Kind.VIEW),
            new Model("audit_association_link", Kind.VIEW),
            new Model("audit_association_review", Kind.VIEW),
            new Model("audit_remittance_export", Kind.VIEW),
            new Model("audit_remittance_reconciliation", Kind.VIEW),
            new Model("v_association_growth", Kind.VIEW),
            new Model("v_project_investment", Kind.VIEW),
            new Model("v_survey_rates", Kind.VIEW),
            new Model("v_registered_by_group", Kind.VIEW),
            new Model("v_club_participation", Kind.VIEW),
            new Model("v_association_latest", Kind.VIEW),
            new Model("v_remittances", Kind.VIEW),
            new Model("v_migration_intensity", Kind.VIEW),
            new Model("growth", Kind.MACRO),
            new Model("association_growth", Kind.MACRO));

    /** The checks on the staged lake data, run before the models' own. */
    static final String STAGING_CHECKS = "/warehouse/models/staging.checks.sql";

    /** The years outside the scope whose facts point to an association version that moved. */
    static final String STALE_ASSOCIATION_YEARS = "/warehouse/models/stale_association_years.sql";

    private Models() {
    }

    static List<Model> all() {
        List<Model> all = new ArrayList<>(DIMENSIONS);
        all.addAll(FACTS);
        all.addAll(AGGREGATES);
        all.addAll(VIEWS);
        return all;
    }

    /** The text of a resource, or null when there is none. */
    static String resource(String name) {
        try (InputStream in = Models.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + name, e);
        }
    }

    static String sql(Model m) {
        String sql = resource(m.sqlResource());
        if (sql == null) {
            throw new IllegalStateException("the model " + m.name() + " has no SQL file " + m.sqlResource());
        }
        return sql;
    }

    /**
     * A fingerprint of every model and check: a warehouse built by other SQL than this is
     * rebuilt whole rather than patched.
     */
    static String fingerprint() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            List<String> names = new ArrayList<>();
            for (Model m : all()) {
                names.add(m.sqlResource());
                names.add(m.checksResource());
            }
            names.add(STAGING_CHECKS);
            names.add(STALE_ASSOCIATION_YEARS);
            for (String n : names) {
                String text = resource(n);
                d.update(n.getBytes(StandardCharsets.UTF_8));
                d.update(text == null ? new byte[] {0} : text.getBytes(StandardCharsets.UTF_8));
            }
            for (var t : Staging.TABLES) {
                d.update(t.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
