package org.oriundos.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;

/**
 * Builds the star schema from the lake, checks it, and publishes it atomically.
 *
 * <p>A build never writes the published file. It works on a sibling file: a copy of the published
 * warehouse (incremental, the default) or a new one (full rebuild, or when the models changed),
 * applies the lake units whose {@code (load_id, fingerprint)} differ from what the warehouse
 * holds, rebuilds the dimensions and the facts of the affected years, runs the quality checks,
 * and only then renames the new file over the published one. An analyst holding the published
 * file open read-only keeps reading the old one and never blocks the build; a failed check
 * leaves the published file as it was.
 */
public final class WarehouseBuilder {
    private static final System.Logger LOG = System.getLogger(WarehouseBuilder.class.getName());

    /** Unit tables whose rows carry years the facts are built by, and the column holding the year. */
    private static final Map<String, String> YEAR_COLUMN = Map.of(
            "registry_snapshot", "snapshot_year",
            "project", "fiscal_year",
            "survey_response", "year",
            "consular_activity", "year",
            "remittance", "year");

    /**
     * Reference tables that decide geography keys: a change of their rows (not a new load of the
     * same rows) rebuilds every year's facts.
     */
    private static final Set<String> GEOGRAPHY_TABLES = Set.of("ref_state", "ref_municipality", "ref_us_state");

    /**
     * The dimensions an incremental build compares before and after rebuilding them, to tell which
     * associations (and whether any place or consulate) the aggregates over associations must see again.
     */
    private static final List<String> COMPARED_DIMENSIONS = List.of("dim_association", "dim_consulate", "dim_geography");

    /** Adds to build_scope_association the associations with projects in the years of build_scope_year. */
    private static final String ASSOCIATIONS_WITH_PROJECTS_IN_SCOPE = "INSERT INTO build_scope_association"
            + " SELECT DISTINCT association_id FROM fact_project_funding"
            + " WHERE year IN (SELECT year FROM build_scope_year) AND association_id IS NOT NULL"
            + " AND association_id NOT IN (SELECT association_id FROM build_scope_association)";

    private final WarehouseSettings settings;

    public WarehouseBuilder(WarehouseSettings settings) {
        this.settings = settings;
    }

    /**
     * Brings the published warehouse up to date with the lake. With {@code fullRebuild} false,
     * applies only what changed and leaves the published file untouched when nothing did; with
     * true, builds everything from nothing (the result is the same warehouse).
     *
     * @throws QualityCheckFailedException when a check finds offending rows; nothing is published
     */
    public BuildResult build(boolean fullRebuild) {
        Path published = settings.warehouseFile().toAbsolutePath().normalize();
        Path dir = published.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the warehouse folder " + dir + ": " + e.getMessage(), e);
        }
        BuildTimings timings = new BuildTimings();
        List<SourceUnit> units = new LakeSources(settings.lake(), dir.resolve("lake-cache")).units();
        timings.lap("lake units");
        String modelsFingerprint = Models.fingerprint();

        Held held = Files.isRegularFile(published) && !fullRebuild ? readHeld(published) : null;
        timings.lap("held units");
        boolean full = held == null || !modelsFingerprint.equals(held.modelsFingerprint());
        Map<String, String> heldVersions = full ? Map.of() : held.versions();
        // comments edited since the published file was built: an incremental build writes them again
        boolean commentsChanged = !full && !Comments.declared().fingerprint().equals(held.commentsFingerprint());

        List<SourceUnit> changed = new ArrayList<>();
        Set<String> current = new TreeSet<>();
        for (SourceUnit u : units) {
            current.add(u.key());
            if (!version(u.loadId(), u.fingerprint()).equals(heldVersions.get(u.key()))) {
                changed.add(u);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String key : heldVersions.keySet()) {
            if (!current.contains(key)) {
                removed.add(key);
            }
        }
        if (!full && changed.isEmpty() && removed.isEmpty() && !commentsChanged) {
            LOG.log(System.Logger.Level.INFO, "warehouse {0} is up to date with the lake: nothing to apply", published);
            return new BuildResult(published, false, List.of(), rowCounts(published), List.of());
        }

        Path next = dir.resolve(published.getFileName() + ".next");
        deleteBuildFiles(next);
        try {
            if (!full) {
                Files.copy(published, next);
                timings.lap("copy");
            }
            List<String> applied = new ArrayList<>();
            BuildResult result;
            try (Connection connection = DuckDb.openForBuild(next, settings.threads(), settings.memoryLimit())) {
                result = buildInto(connection, full, units, changed, removed, modelsFingerprint, published, applied,
                        timings);
            }
            timings.lap("close");
            Files.move(next, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            timings.lap("publish");
            LOG.log(System.Logger.Level.INFO, "published warehouse {0} ({1} build, {2} unit(s) applied); {3}", published,
                    full ? "full" : "incremental", applied.size(), timings.summary());
            return result;
        } catch (SQLException e) {
            deleteBuildFiles(next);
            throw new WarehouseException("the warehouse build failed: " + e.getMessage()
                    + "; the published warehouse " + published + " was left as it was", e);
        } catch (IOException e) {
            deleteBuildFiles(next);
            throw new UncheckedIOException("cannot build or publish " + published + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteBuildFiles(next);
            throw e;
        }
    }

    private BuildResult buildInto(Connection connection, boolean full, List<SourceUnit> units, List<SourceUnit> changed,
                                  List<String> removed, String modelsFingerprint, Path published, List<String> applied,
                                  BuildTimings timings)
            throws SQLException {
        timings.lap("open");
        Staging staging = new Staging(connection);
        if (full) {
            staging.create();
        }
        Set<Integer> years = new TreeSet<>();
        Set<Integer> registryYears = new TreeSet<>();
        boolean allYears = full;
        for (String key : removed) {
            String table = key.substring(0, key.indexOf('/'));
            String period = key.substring(key.indexOf('/') + 1);
            String stagingTable = "ledger".equals(table) ? "stg_ledger"
                    : "rejects".equals(table) ? "stg_reject" : "stg_" + table;
            collectYears(connection, table, stagingTable, period, years, registryYears);
            allYears |= GEOGRAPHY_TABLES.contains(table);
            staging.remove(stagingTable, table, period);
            applied.add(key + " (removed)");
        }
        for (SourceUnit u : changed) {
            collectYears(connection, u.table(), u.stagingTable(), u.period(), years, registryYears);
            if (GEOGRAPHY_TABLES.contains(u.table()) && !allYears) {
                // a new load of the same places changes no key
                allYears = staging.applyAndCompare(u);
            } else {
                staging.apply(u);
            }
            collectYears(connection, u.table(), u.stagingTable(), u.period(), years, registryYears);
            applied.add(u.key());
        }
        // A snapshot also decides who is new or deregistered in the next observed snapshot year.
        for (int y : registryYears) {
            Integer nextYear = scalarInt(connection,
                    "SELECT min(snapshot_year) FROM stg_registry_snapshot WHERE snapshot_year > " + y);
            if (nextYear != null) {
                years.add(nextYear);
            }
        }
        years.addAll(registryYears);
        timings.lap("staging");

        // the projects whose dim_project row may change: those listed in the years applied, as the
        // staging tables now have them and as the facts (not yet rebuilt) had them
        boolean projectsWhole = allYears || !tableExists(connection, "dim_project")
                || !tableExists(connection, "fact_project_funding");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE build_scope_project (folio VARCHAR NOT NULL)");
            if (projectsWhole) {
                s.execute("INSERT INTO build_scope_project SELECT DISTINCT folio FROM stg_project");
            } else if (!years.isEmpty()) {
                String in = inList(years);
                s.execute("INSERT INTO build_scope_project SELECT folio FROM stg_project WHERE fiscal_year IN " + in
                        + " UNION SELECT folio FROM fact_project_funding WHERE year IN " + in);
            }
        }
        // the dimensions as the published warehouse has them, to compare with once they are rebuilt
        boolean compared = !full;
        for (String d : COMPARED_DIMENSIONS) {
            compared &= tableExists(connection, d);
        }
        if (compared) {
            try (Statement s = connection.createStatement()) {
                for (String d : COMPARED_DIMENSIONS) {
                    s.execute("CREATE OR REPLACE TEMPORARY TABLE build_previous_" + d + " AS SELECT * FROM " + d);
                }
            }
        }
        timings.lap("scope");
        for (Model m : Models.DIMENSIONS) {
            run(connection, m, full || projectsWhole, timings, "dimensions");
        }
        // the association versions the rebuild added, dropped or changed, and whether a place or a
        // consulate (whose names the aggregates over associations carry) changed at all
        boolean placesChanged = !compared;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE build_changed_association (association_key BIGINT, association_id VARCHAR)");
            if (compared) {
                s.execute("INSERT INTO build_changed_association"
                        + " SELECT association_key, association_id FROM (" + difference("dim_association") + ")");
                placesChanged = scalarInt(connection, "SELECT count(*) FROM (" + difference("dim_consulate") + ")") > 0
                        || scalarInt(connection, "SELECT count(*) FROM (" + difference("dim_geography") + ")") > 0;
                for (String d : COMPARED_DIMENSIONS) {
                    s.execute("DROP TABLE temp.build_previous_" + d);
                }
            }
        }
        try (Statement s = connection.createStatement()) {
            // Which version of an association each year points to: a view over every association and
            // every year, which the stale years and three facts each read. Computed once here into a
            // temporary table of the same name, which DuckDB resolves before the view, until the
            // facts are built (dim_association and dim_year no longer change by then).
            s.execute("CREATE OR REPLACE TEMPORARY TABLE int_association_year_key AS SELECT * FROM "
                    + mainSchema(connection) + "int_association_year_key");
            s.execute("CREATE OR REPLACE TABLE build_scope_year (year INTEGER PRIMARY KEY)");
            if (allYears) {
                s.execute("INSERT INTO build_scope_year SELECT year FROM dim_year WHERE year IS NOT NULL");
            } else {
                for (int y : years) {
                    s.execute("INSERT OR IGNORE INTO build_scope_year VALUES (" + y + ")");
                }
                s.execute("INSERT OR IGNORE INTO build_scope_year "
                        + Models.resource(Models.STALE_ASSOCIATION_YEARS));
            }
        }
        // the associations whose agg_association_latest row may change: those of the changed
        // versions, and those with projects in the years rebuilt, as the facts had them and have them
        boolean factsThere = tableExists(connection, "fact_project_funding")
                && tableExists(connection, "fact_association_year");
        boolean registryFactsChanged = !factsThere || registeredFactsIn(connection, "build_scope_year");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE build_scope_association AS SELECT association_id"
                    + " FROM build_changed_association WHERE association_id IS NOT NULL");
            if (factsThere) {
                s.execute(ASSOCIATIONS_WITH_PROJECTS_IN_SCOPE);
            }
        }
        timings.lap("scope");
        for (Model m : Models.FACTS) {
            run(connection, m, full, timings, "facts");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE temp.int_association_year_key");
        }
        // the years whose per-year aggregates may change: those whose facts were rebuilt, and those
        // of the projects whose latest delivery (dim_project: their category) may have changed
        boolean aggregatesWhole = full || allYears;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE build_scope_aggregate_year AS SELECT year FROM build_scope_year"
                    + " UNION SELECT year FROM fact_project_funding"
                    + " WHERE folio IN (SELECT folio FROM build_scope_project)");
            s.execute(ASSOCIATIONS_WITH_PROJECTS_IN_SCOPE);
        }
        // The registry's aggregates read the facts with a registry figure and the attributes of the
        // association versions they point to: when neither moved (a night that brings a 3x1 year),
        // they are left as they are; otherwise built whole. A changed snapshot also changes the
        // first and last listing of its associations: agg_association_latest is then built whole.
        boolean registryAggregatesWhole = aggregatesWhole || placesChanged || registryFactsChanged
                || registeredFactsIn(connection, "build_scope_year")
                || scalarInt(connection, "SELECT count(*) FROM fact_association_year WHERE registered IS NOT NULL"
                        + " AND association_key IN (SELECT association_key FROM build_changed_association)") > 0;
        boolean associationsWhole = aggregatesWhole || placesChanged || !registryYears.isEmpty();
        timings.lap("scope");
        for (Model m : Models.AGGREGATES) {
            boolean whole = switch (m.kind()) {
                case AGGREGATE_OF_THE_REGISTRY -> registryAggregatesWhole;
                case AGGREGATE_BY_ASSOCIATION -> associationsWhole;
                default -> aggregatesWhole;
            };
            run(connection, m, whole, timings, "aggregates");
        }
        for (Model m : Models.VIEWS) {
            run(connection, m, full, timings, "views");
        }
        // the warnings of this build, for analysts and the report: replaced whole on every build, filled
        // once the checks have run; created here so that the comments below are applied to it
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE audit_quality_warning (check_name VARCHAR NOT NULL, "
                    + "offending_rows INTEGER NOT NULL, first_rows VARCHAR NOT NULL)");
        }
        // after every model: CREATE OR REPLACE dropped the comments of what it replaced
        // in one transaction: each of the several hundred COMMENT ON statements committed alone cost
        // a commit of its own, seconds of a small build
        Comments comments = Comments.declared();
        connection.setAutoCommit(false);
        try {
            comments.apply(connection);
            try (PreparedStatement p = connection.prepareStatement("INSERT OR REPLACE INTO meta_warehouse VALUES (?, ?)")) {
                p.setString(1, "models_fingerprint");
                p.setString(2, modelsFingerprint);
                p.executeUpdate();
                p.setString(1, "comments_fingerprint");
                p.setString(2, comments.fingerprint());
                p.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        timings.lap("comments");

        QualityChecks.Outcome outcome;
        try (Connection checking = connection.unwrap(DuckDBConnection.class).duplicate()) {
            try (Statement s = checking.createStatement()) {
                for (String view : Staging.lakeViews(units)) {
                    s.execute(view);
                }
            }
            outcome = new QualityChecks(checking).runAll(timings);
        }
        // the warnings of this build (the table was emptied before the comments were applied)
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO audit_quality_warning VALUES (?, ?, ?)")) {
            for (BuildResult.Warning w : outcome.warnings()) {
                p.setString(1, w.check());
                p.setInt(2, w.rows());
                p.setString(3, w.firstRows());
                p.executeUpdate();
            }
        }
        Map<String, Long> counts;
        List<String> notes = RemittanceExports.notes(connection, changed);
        timings.lap("warnings and notes");
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE build_scope_year");
            s.execute("DROP TABLE build_scope_project");
            s.execute("DROP TABLE build_scope_aggregate_year");
            s.execute("DROP TABLE build_scope_association");
            s.execute("DROP TABLE build_changed_association");
            counts = rowCounts(connection);
            timings.lap("row counts");
            s.execute("CHECKPOINT");
            timings.lap("checkpoint");
        }
        return new BuildResult(published, true, applied, counts, outcome.passed(), outcome.warnings(), notes);
    }

    /**
     * Rebuilds the aggregate tables behind the analyst views ({@code agg_*}) from the facts of an
     * open warehouse, as every build does. Not part of the warehouse's API: besides the build, only
     * the benchmark of the tools jar calls it (tools/cli, {@code org.oriundos.warehouse.GrownCopy}),
     * on a copy whose facts it grew to millions of project rows, so that its views answer for them.
     */
    static void rebuildAggregates(Connection connection) throws SQLException {
        BuildTimings timings = new BuildTimings();
        for (Model m : Models.AGGREGATES) {
            run(connection, m, true, timings, "aggregates");
        }
    }

    /**
     * Runs one model: a macro or view as written, a table whole; a fact for the scope's years, the
     * project dimension for the scope's folios and a per-year aggregate for the aggregate scope's
     * years, or whole when {@code whole} (or when the table is not there yet).
     */
    private static void run(Connection connection, Model m, boolean whole, BuildTimings timings, String stage)
            throws SQLException {
        String sql = Models.sql(m);
        String statement = switch (m.kind()) {
            case MACRO -> sql;
            case VIEW -> "CREATE OR REPLACE VIEW " + m.name() + " AS\n" + sql;
            case TABLE -> "CREATE OR REPLACE TABLE " + m.name() + " AS\n" + sql;
            case FACT_BY_YEAR, DIMENSION_BY_PROJECT, AGGREGATE_BY_YEAR, AGGREGATE_BY_ASSOCIATION,
                 AGGREGATE_OF_THE_REGISTRY -> null;
        };
        try (Statement s = connection.createStatement()) {
            if (statement != null) {
                s.execute(statement);
            } else if (whole || !tableExists(connection, m.name())) {
                s.execute("CREATE OR REPLACE TABLE " + m.name() + " AS SELECT * FROM (\n" + sql + "\n)");
            } else if (m.kind() == Model.Kind.AGGREGATE_OF_THE_REGISTRY) {
                LOG.log(System.Logger.Level.DEBUG, "model {0} kept: neither the registry facts nor the versions"
                        + " they point to changed", m.name());
            } else if (m.kind() == Model.Kind.DIMENSION_BY_PROJECT) {
                // The unknown member (project_key 0) stays as it is.
                String scope = "project_key <> 0 AND folio IN (SELECT folio FROM build_scope_project)";
                s.execute("DELETE FROM " + m.name() + " WHERE " + scope);
                insertScoped(connection, s, m, sql, scope, "folio", "build_scope_project", List.of("stg_project"));
            } else if (m.kind() == Model.Kind.AGGREGATE_BY_ASSOCIATION) {
                String scope = "association_id IN (SELECT association_id FROM build_scope_association)";
                s.execute("DELETE FROM " + m.name() + " WHERE " + scope);
                insertScoped(connection, s, m, sql, scope, "association_id", "build_scope_association",
                        List.of("dim_association", "fact_project_funding", "stg_registry_snapshot"));
            } else if (m.kind() == Model.Kind.AGGREGATE_BY_YEAR) {
                s.execute("DELETE FROM " + m.name() + " WHERE year IN (SELECT year FROM build_scope_aggregate_year)");
                s.execute("INSERT INTO " + m.name() + " BY NAME SELECT * FROM (\n" + sql
                        + "\n) WHERE year IN (SELECT year FROM build_scope_aggregate_year)");
            } else {
                s.execute("DELETE FROM " + m.name() + " WHERE year IN (SELECT year FROM build_scope_year)");
                s.execute("INSERT INTO " + m.name() + " BY NAME SELECT * FROM (\n" + sql + "\n)");
            }
            LOG.log(System.Logger.Level.DEBUG, "model {0} built ({1}, {2}) in {3} of wall time/process CPU", m.name(),
                    m.kind(), whole ? "whole" : "in scope", timings.lap(stage));
        } catch (SQLException e) {
            throw new SQLException("the model " + m.name() + " (" + m.sqlResource() + ") failed: " + DuckDb.message(e), e);
        }
    }

    /**
     * Inserts the model's rows in scope. The model reads {@code tables} whole; a temporary view of
     * each name, which DuckDB resolves before the table, gives it the rows of the scope's
     * {@code column} values only, and the outer filter keeps the result to the scope in any case.
     */
    private static void insertScoped(Connection connection, Statement s, Model m, String sql, String outerFilter,
                                     String column, String scopeTable, List<String> tables) throws SQLException {
        String main = mainSchema(connection);
        try {
            for (String t : tables) {
                s.execute("CREATE OR REPLACE TEMPORARY VIEW " + t + " AS SELECT * FROM " + main + t
                        + " WHERE " + column + " IN (SELECT " + column + " FROM " + main + scopeTable + ")");
            }
            s.execute("INSERT INTO " + m.name() + " BY NAME SELECT * FROM (\n" + sql + "\n) WHERE " + outerFilter);
        } finally {
            for (String t : tables) {
                s.execute("DROP VIEW IF EXISTS temp." + t);
            }
        }
    }

    /** The rows of a dimension that differ between its copy from before the rebuild and the table now. */
    private static String difference(String dimension) {
        String previous = "temp.build_previous_" + dimension;
        return "(SELECT * FROM " + previous + " EXCEPT SELECT * FROM " + dimension + ")"
                + " UNION ALL (SELECT * FROM " + dimension + " EXCEPT SELECT * FROM " + previous + ")";
    }

    /** Whether fact_association_year has a registry figure in a year of the scope table. */
    private static boolean registeredFactsIn(Connection connection, String scopeTable) throws SQLException {
        return scalarInt(connection, "SELECT count(*) FROM fact_association_year WHERE registered IS NOT NULL"
                + " AND year IN (SELECT year FROM " + scopeTable + ")") > 0;
    }

    private static void collectYears(Connection connection, String table, String stagingTable, String period,
                                     Set<Integer> years, Set<Integer> registryYears) throws SQLException {
        String column = YEAR_COLUMN.get(table);
        if (column == null) {
            return;
        }
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT DISTINCT " + column + " FROM " + stagingTable + " WHERE _period = ?")) {
            p.setString(1, period);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    (table.equals("registry_snapshot") ? registryYears : years).add(rs.getInt(1));
                }
            }
        }
    }

    /** {@code (y1, y2, …)} for an SQL {@code IN}: the years are integers, nothing to quote. */
    private static String inList(Set<Integer> years) {
        StringBuilder b = new StringBuilder("(");
        for (int y : years) {
            b.append(b.length() > 1 ? ", " : "").append(y);
        }
        return b.append(')').toString();
    }

    /** {@code "<database>".main.}: names a table of the warehouse past a temporary object of the same name. */
    private static String mainSchema(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return "\"" + rs.getString(1).replace("\"", "\"\"") + "\".main.";
        }
    }

    private static Integer scalarInt(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            int v = rs.getInt(1);
            return rs.wasNull() ? null : v;
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** What the published warehouse holds: the version of each unit, the models it was built by, its comments. */
    private record Held(Map<String, String> versions, String modelsFingerprint, String commentsFingerprint) {
    }

    private static Held readHeld(Path published) {
        try (Connection c = DuckDb.openReadOnly(published)) {
            if (!tableExists(c, "meta_partition") || !tableExists(c, "meta_warehouse")) {
                return null;
            }
            Map<String, String> versions = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT table_name, period, load_id, fingerprint FROM meta_partition")) {
                while (rs.next()) {
                    versions.put(rs.getString(1) + "/" + rs.getString(2), version(rs.getString(3), rs.getString(4)));
                }
            }
            Map<String, String> meta = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT \"key\", \"value\" FROM meta_warehouse")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            return new Held(versions, meta.getOrDefault("models_fingerprint", ""),
                    meta.getOrDefault("comments_fingerprint", ""));
        } catch (SQLException e) {
            throw new WarehouseException("cannot read what the published warehouse " + published + " holds: "
                    + e.getMessage(), e);
        }
    }

    private static String version(String loadId, String fingerprint) {
        return loadId + "\u0000" + fingerprint;
    }

    private static Map<String, Long> rowCounts(Path published) {
        try (Connection c = DuckDb.openReadOnly(published)) {
            return rowCounts(c);
        } catch (SQLException e) {
            throw new WarehouseException("cannot count the rows of " + published + ": " + e.getMessage(), e);
        }
    }

    /** The rows of every table (not view) of the warehouse, by name. */
    private static Map<String, Long> rowCounts(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                rs.next();
                counts.put(t, rs.getLong(1));
            }
        }
        return new LinkedHashMap<>(counts);
    }

    private static void deleteBuildFiles(Path next) {
        try {
            Files.deleteIfExists(next);
            Files.deleteIfExists(next.resolveSibling(next.getFileName() + ".wal"));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the unfinished build " + next + ": " + e.getMessage());
        }
    }
}
