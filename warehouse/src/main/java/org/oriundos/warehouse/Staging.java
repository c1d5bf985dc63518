package org.oriundos.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.Column;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformedTables;

/**
 * The staging tables: one {@code stg_*} table per lake table, holding the rows of the units the
 * warehouse has applied, each tagged with its unit's period in {@code _period}. Applying a unit
 * replaces its rows whole, so the models downstream only ever see complete deliveries.
 */
final class Staging {
    /** Every lake table the warehouse stages. */
    static final List<TableSchema> TABLES = List.of(
            ConformedTables.REGISTRY_SNAPSHOT, ConformedTables.PROJECT, ConformedTables.SURVEY_RESPONSE,
            ConformedTables.CONSULAR_ACTIVITY, ConformedTables.REMITTANCE, ConformedTables.ASSOCIATION_LINK, ConformedTables.ASSOCIATION_REVIEW,
            ConformedTables.UNRESOLVED, ConformedTables.ASSOCIATION, ConformedTables.REF_STATE,
            ConformedTables.REF_MUNICIPALITY, ConformedTables.REF_MIGRATION_INTENSITY, ConformedTables.REF_US_STATE,
            ConformedTables.REF_YEAR, RawTables.LEDGER, RawTables.REJECTS);

    private final Connection connection;

    Staging(Connection connection) {
        this.connection = connection;
    }

    static String tableFor(TableSchema schema) {
        return schema == RawTables.REJECTS ? "stg_reject" : "stg_" + schema.name();
    }

    /** Creates the empty staging and bookkeeping tables of a new warehouse. */
    void create() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (TableSchema t : TABLES) {
                String columns = t.columns().stream()
                        .map(c -> quote(c.name()) + " " + sqlType(c) + (c.required() ? " NOT NULL" : ""))
                        .collect(Collectors.joining(", "));
                s.execute("CREATE TABLE " + tableFor(t) + " (" + columns + ", _period VARCHAR NOT NULL)");
            }
            s.execute("""
                    CREATE TABLE meta_partition (
                        table_name VARCHAR NOT NULL, period VARCHAR NOT NULL, load_id VARCHAR NOT NULL,
                        fingerprint VARCHAR NOT NULL, "rows" BIGINT NOT NULL, PRIMARY KEY (table_name, period))""");
            s.execute("CREATE TABLE meta_warehouse (\"key\" VARCHAR PRIMARY KEY, \"value\" VARCHAR NOT NULL)");
        }
    }

    /** Removes what the warehouse holds of a unit the lake no longer has. */
    void remove(String stagingTable, String table, String period) throws SQLException {
        try (PreparedStatement del = connection.prepareStatement("DELETE FROM " + stagingTable + " WHERE _period = ?");
             PreparedStatement meta = connection.prepareStatement(
                     "DELETE FROM meta_partition WHERE table_name = ? AND period = ?")) {
            del.setString(1, period);
            del.executeUpdate();
            meta.setString(1, table);
            meta.setString(2, period);
            meta.executeUpdate();
        }
    }

    /**
     * Replaces the rows of one unit with the rows of its files, and records the unit as held. The
     * files' own columns are read, never the {@code period=…} of their folder (DuckDB would otherwise
     * take it for a Hive partition column and put it over a column of the same name).
     */
    void apply(SourceUnit unit) throws SQLException {
        remove(unit.stagingTable(), unit.table(), unit.period());
        long rows = 0;
        if (!unit.files().isEmpty()) {
            String columns = unit.schema().columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
            String files = unit.files().stream().map(Path::toString).map(Staging::literal)
                    .collect(Collectors.joining(", ", "[", "]"));
            String parquet = "read_parquet(" + files + ", union_by_name = true, hive_partitioning = false)";
            try (Statement s = connection.createStatement()) {
                rows = s.executeLargeUpdate("INSERT INTO " + unit.stagingTable() + " (" + columns + ", _period) SELECT "
                        + selected(unit.schema(), columnsOf(s, parquet)) + ", " + literal(unit.period()) + " FROM "
                        + parquet);
            } catch (SQLException e) {
                throw new SQLException("cannot load " + unit.key() + " from " + unit.files() + ": " + e.getMessage(), e);
            }
        }
        try (PreparedStatement meta = connection.prepareStatement("INSERT INTO meta_partition VALUES (?, ?, ?, ?, ?)")) {
            meta.setString(1, unit.table());
            meta.setString(2, unit.period());
            meta.setString(3, unit.loadId());
            meta.setString(4, unit.fingerprint());
            // The manifest's count is what the checks hold the staged rows against.
            meta.setLong(5, unit.expectedRows() >= 0 ? unit.expectedRows() : rows);
            meta.executeUpdate();
        }
    }

    /** The columns the files have, between them. */
    private static Set<String> columnsOf(Statement s, String parquet) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + parquet)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * The schema's columns as the files give them. A nullable column added to a table after its
     * files were written (the reasons' codes of {@code rejects} and {@code unresolved}) is NULL for
     * them, as {@code ParquetTableReader} reads it; a required one the files lack is an error.
     */
    static String selected(TableSchema schema, Set<String> inFiles) {
        return schema.columns().stream()
                .map(c -> inFiles.contains(c.name()) || c.required() ? quote(c.name())
                        : "NULL::" + sqlType(c) + " AS " + quote(c.name()))
                .collect(Collectors.joining(", "));
    }

    /**
     * Applies a unit as {@link #apply} does and tells whether the rows it staged differ, in any
     * order, from those it replaced. Transform lists its whole reference tables under a new load
     * on every run that writes them, with the same rows: only their rows say whether they changed.
     */
    boolean applyAndCompare(SourceUnit unit) throws SQLException {
        String previous = "build_previous_" + unit.stagingTable();
        String rows = "SELECT * EXCLUDE (_period) FROM " + unit.stagingTable() + " WHERE _period = "
                + literal(unit.period());
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TEMPORARY TABLE " + previous + " AS " + rows);
            try {
                apply(unit);
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM ((SELECT * FROM temp." + previous
                        + " EXCEPT ALL " + rows + ") UNION ALL (" + rows + " EXCEPT ALL SELECT * FROM temp." + previous
                        + "))")) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            } finally {
                s.execute("DROP TABLE IF EXISTS temp." + previous);
            }
        }
    }

    /** Temporary views {@code lake_<table>} over the lake files of the units now held, for the checks. */
    static List<String> lakeViews(List<SourceUnit> units) {
        List<String> statements = new ArrayList<>();
        for (TableSchema t : List.of(ConformedTables.REGISTRY_SNAPSHOT, ConformedTables.PROJECT,
                ConformedTables.SURVEY_RESPONSE, ConformedTables.CONSULAR_ACTIVITY)) {
            List<String> files = new ArrayList<>();
            for (SourceUnit u : units) {
                if (u.schema() == t) {
                    u.files().forEach(f -> files.add(literal(f.toString())));
                }
            }
            String columns = t.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
            String from = files.isEmpty()
                    ? tableFor(t) + " WHERE false"
                    : "read_parquet([" + String.join(", ", files) + "], union_by_name = true, hive_partitioning = false)";
            statements.add("CREATE OR REPLACE TEMP VIEW lake_" + t.name() + " AS SELECT " + columns + " FROM " + from);
        }
        return statements;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String sqlType(Column c) {
        return switch (c.type()) {
            case STRING -> "VARCHAR";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMPTZ";
            case DECIMAL_2 -> "DECIMAL(18,2)";
        };
    }
}
