package org.oriundos.warehouse;

/**
 * One SQL model of the warehouse: a file {@code warehouse/models/<name>.sql} and, beside it, the
 * checks that guard it, {@code <name>.checks.sql} (absent when it has none), and what the object
 * it creates and each of its columns mean, {@code <name>.yml} (see {@link Comments}).
 */
record Model(String name, Kind kind) {
    enum Kind {
        /** A {@code create or replace macro} statement, run as written. */
        MACRO,
        /** A table rebuilt whole on every build: most dimensions (from the staging tables) and two aggregates (from the facts). */
        TABLE,
        /** A fact table rebuilt only for the years in {@code build_scope_year}; has a {@code year} column. */
        FACT_BY_YEAR,
        /**
         * The dimension of 3x1 projects: one row per folio, from that folio's staged rows alone;
         * rebuilt only for the folios in {@code build_scope_project}. Has a {@code folio} column
         * and its unknown member is {@code project_key} 0.
         */
        DIMENSION_BY_PROJECT,
        /**
         * An aggregate table whose rows of a year are computed from that year's facts alone (and
         * dimensions that change only with them): rebuilt only for the years in
         * {@code build_scope_aggregate_year}; has a {@code year} column.
         */
        AGGREGATE_BY_YEAR,
        /**
         * An aggregate table with one row per association ({@code association_id}) computed from
         * that association's versions in {@code dim_association}, its listings in
         * {@code stg_registry_snapshot} and its rows of {@code fact_project_funding} (and the names
         * of places and consulates): rebuilt only for the associations in
         * {@code build_scope_association}, whole when a snapshot, a place or a consulate changed.
         */
        AGGREGATE_BY_ASSOCIATION,
        /**
         * An aggregate table over the facts with a registry figure ({@code fact_association_year}
         * where {@code registered} is not null) grouped by the attributes of the association
         * versions they point to: built whole when any of those facts, the versions they point to,
         * a place or a consulate changed, and otherwise left as it is (a year's rows compare with
         * the previous observed year, or are a grid of every group over every observed year).
         */
        AGGREGATE_OF_THE_REGISTRY,
        /** A view. */
        VIEW
    }

    String sqlResource() {
        return "/warehouse/models/" + name + ".sql";
    }

    String checksResource() {
        return "/warehouse/models/" + name + ".checks.sql";
    }

    String commentsResource() {
        return "/warehouse/models/" + name + ".yml";
    }
}
