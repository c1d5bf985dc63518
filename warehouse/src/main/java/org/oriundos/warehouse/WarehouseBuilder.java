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

    /** Reference tables that decide geography keys: a change rebuilds every year's facts. */
    private static final Set<String> GEOGRAPHY_TABLES = Set.of("ref_state", "ref_municipality", "ref_us_state");

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
        String modelsFingerprint = Models.fingerprint();

        Held held = Files.isRegularFile(published) && !fullRebuild ? readHeld(published) : null;
        timings.lap("lake and held units");
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
            staging.apply(u);
            collectYears(connection, u.table(), u.stagingTable(), u.period(), years, registryYears);
            allYears |= GEOGRAPHY_TABLES.contains(u.table());
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
        timings.lap("scope");
        for (Model m : Models.DIMENSIONS) {
            run(connection, m, full || projectsWhole, timings, "dimensions");
        }
        try (Statement s = connection.createStatement()) {
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
        timings.lap("scope");
        for (Model m : Models.FACTS) {
            run(connection, m, full, timings, "facts");
        }
        // the years whose per-year aggregates may change: those whose facts were rebuilt, and those
        // of the projects whose latest delivery (dim_project: their category) may have changed
        boolean aggregatesWhole = full || allYears;
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TABLE build_scope_aggregate_year AS SELECT year FROM build_scope_year"
                    + " UNION SELECT year FROM fact_project_funding"
                    + " WHERE folio IN (SELECT folio FROM build_scope_project)");
        }
        timings.lap("scope");
        for (Model m : Models.AGGREGATES) {
            run(connection, m, aggregatesWhole, timings, "aggregates");
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
        Comments comments = Comments.declared();
        comments.apply(connection);
        try (PreparedStatement p = connection.prepareStatement("INSERT OR REPLACE INTO meta_warehouse VALUES (?, ?)")) {
            p.setString(1, "models_fingerprint");
            p.setString(2, modelsFingerprint);
            p.executeUpdate();
            p.setString(1, "comments_fingerprint");
            p.setString(2, comments.fingerprint());
            p.executeUpdate();
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
            case FACT_BY_YEAR, DIMENSION_BY_PROJECT, AGGREGATE_BY_YEAR -> null;
        };
        try (Statement s = connection.createStatement()) {
            if (statement != null) {
                s.execute(statement);
            } else if (whole || !tableExists(connection, m.name())) {
                s.execute("CREATE OR REPLACE TABLE " + m.name() + " AS SELECT * FROM (\n" + sql + "\n)");
            } else if (m.kind() == Model.Kind.DIMENSION_BY_PROJECT) {
                // The model reads stg_project; a temporary view of that name, which DuckDB resolves
                // before the table, gives it the scope's folios only, and the outer filter keeps the
                // result to them in any case. The unknown member (project_key 0) stays as it is.
                s.execute("DELETE FROM " + m.name()
                        + " WHERE project_key <> 0 AND folio IN (SELECT folio FROM build_scope_project)");
                String main = "\"" + currentDatabase(connection).replace("\"", "\"\"") + "\".main.";
                s.execute("CREATE OR REPLACE TEMPORARY VIEW stg_project AS SELECT * FROM " + main + "stg_project"
                        + " WHERE folio IN (SELECT folio FROM " + main + "build_scope_project)");
                try {
                    s.execute("INSERT INTO " + m.name() + " BY NAME SELECT * FROM (\n" + sql + "\n)"
                            + " WHERE project_key <> 0 AND folio IN (SELECT folio FROM build_scope_project)");
                } finally {
                    s.execute("DROP VIEW IF EXISTS temp.stg_project");
                }
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

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
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
