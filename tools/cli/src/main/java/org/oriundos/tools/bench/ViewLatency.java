package org.oriundos.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.oriundos.warehouse.QueryResult;
import org.oriundos.warehouse.GrownCopy;
import org.oriundos.warehouse.WarehouseQuery;

/**
 * The analyst views' latency on a warehouse with many project rows. A nightly warehouse is
 * copied and its projects multiplied ({@code dim_project} and {@code fact_project_funding},
 * each copy with its own project key and FOLIO) up to the size asked for; then each query runs
 * the way {@code oriundos sql} runs it ({@link WarehouseQuery#run}: a read-only connection of its
 * own), once to warm the file cache, then {@link #RUNS} times; the median is reported. The
 * grown copy's aggregate tables ({@code agg_*}, which the views read) are rebuilt from its facts
 * first, as a nightly build does, so the views answer for every grown row; that rebuild is timed
 * too, as what the build pays at that size for these latencies.
 */
final class ViewLatency {
    static final int RUNS = 5;

    /** One query's latency. */
    record Query(String name, String sql, long rows, long medianNanos, long minNanos, long maxNanos) {
    }

    /**
     * What was measured, on how many project rows; {@code aggregateTables} the tables the views
     * read, rebuilt on the grown copy in {@code aggregateNanos}.
     */
    record Figures(long projectRows, long warehouseBytes, List<Query> queries, List<String> aggregateTables,
                   long aggregateNanos) {
    }

    /**
     * Copies {@code published} to {@code work}, grows its projects to at least {@code projectRows}
     * and rebuilds its aggregate tables from the grown facts; returns how long that rebuild took.
     */
    static long grow(Path published, Path work, long projectRows, int threads) throws IOException, SQLException {
        Files.createDirectories(work.getParent());
        Files.copy(published, work, StandardCopyOption.REPLACE_EXISTING);
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("threads", Integer.toString(threads));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work.toAbsolutePath(), p);
             Statement s = c.createStatement()) {
            long rows = count(s, "select count(*) from fact_project_funding");
            if (rows == 0) {
                throw new IllegalStateException("the warehouse " + published + " has no project rows to multiply");
            }
            long copies = Math.max(0, (projectRows + rows - 1) / rows - 1);
            if (copies > 0) {
                // a fresh key per copy, the same in the dimension and the fact, so the views' joins still hit
                String key = "(hash(project_key, copy) >> 1)::bigint";
                s.execute("create temp table seed_dim as select * from dim_project where project_key <> 0");
                s.execute("create temp table seed_fact as select * from fact_project_funding");
                s.execute("insert into dim_project select seed_dim.* replace (" + key + " as project_key, folio || '~' || copy"
                        + " as folio) from seed_dim, range(1, " + (copies + 1) + ") as copies(copy)");
                s.execute("insert into fact_project_funding select seed_fact.* replace (case when project_key = 0 then 0"
                        + " else " + key + " end as project_key, folio || '~' || copy as folio)"
                        + " from seed_fact, range(1, " + (copies + 1) + ") as copies(copy)");
                s.execute("drop table seed_dim");
                s.execute("drop table seed_fact");
                s.execute("checkpoint");
            }
            long t0 = System.nanoTime();
            GrownCopy.rebuildAggregates(c);
            s.execute("checkpoint");
            return System.nanoTime() - t0;
        }
    }

    /** Times the analyst queries on {@code warehouse}, grown in {@code aggregateNanos}. */
    static Figures measure(Path warehouse, long aggregateNanos) throws IOException {
        QueryResult years = WarehouseQuery.run(warehouse,
                "select min(year), max(year), count(*) from fact_project_funding");
        List<Object> span = years.rows().get(0);
        long projectRows = ((Number) span.get(2)).longValue();
        String growth = "select * from growth(" + span.get(0) + ", " + span.get(1) + ")";
        List<String[]> queries = List.of(
                new String[] {"v_association_growth", "select * from v_association_growth"},
                new String[] {"v_project_investment", "select * from v_project_investment"},
                new String[] {"v_survey_rates", "select * from v_survey_rates"},
                new String[] {"growth(" + span.get(0) + ", " + span.get(1) + ")", growth});
        List<Query> measured = new ArrayList<>();
        for (String[] q : queries) {
            WarehouseQuery.run(warehouse, q[1]); // warm the file cache
            long[] nanos = new long[RUNS];
            long rows = 0;
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                rows = WarehouseQuery.run(warehouse, q[1]).rows().size();
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            measured.add(new Query(q[0], q[1], rows, nanos[RUNS / 2], nanos[0], nanos[RUNS - 1]));
        }
        List<String> aggregates = new ArrayList<>();
        for (List<Object> row : WarehouseQuery.run(warehouse,
                "select table_name from duckdb_tables() where table_name like 'agg\\_%' escape '\\' order by 1").rows()) {
            aggregates.add((String) row.get(0));
        }
        return new Figures(projectRows, Files.size(warehouse), List.copyOf(measured), List.copyOf(aggregates),
                aggregateNanos);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
