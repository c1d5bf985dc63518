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
        /** A table rebuilt whole on every build: the dimensions (from the staging tables) and the aggregates (from the facts). */
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
