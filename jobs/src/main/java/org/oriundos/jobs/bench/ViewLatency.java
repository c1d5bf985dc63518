package org.oriundos.jobs.bench;

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
import org.oriundos.warehouse.WarehouseQuery;

/**
 * The analyst views' latency on a warehouse with many project rows. A nightly warehouse is
 * copied and its projects multiplied ({@code dim_project} and {@code fact_project_funding},
 * each copy with its own project key and FOLIO) up to the size asked for; then each query runs
 * the way {@code oriundos sql} runs it ({@link WarehouseQuery#run}: a read-only connection of its
 * own), once to warm the file cache, then {@link #RUNS} times; the median is reported. Each view
 * is then built once as a table (what materializing it at publish would cost) and that table
 * timed the same way (what the analyst would then wait).
 */
final class ViewLatency {
    static final int RUNS = 5;

    /**
     * One query's latency; and, for a view, what materializing it would give: the time to build it
     * as a table once (at publish) and the latency of reading that table instead.
     */
    record Query(String name, String sql, long rows, long medianNanos, long minNanos, long maxNanos,
                 long materializeNanos, long materializedMedianNanos) {
        boolean materialized() {
            return materializeNanos >= 0;
        }
    }

    /**
     * What was measured, on how many project rows. {@code aggregateTables}: tables the warehouse
     * build materializes ({@code agg_*}); the grown copy does not rebuild them, so views reading
     * them answer from the nightly's own rows, not the grown ones.
     */
    record Figures(long projectRows, long warehouseBytes, List<Query> queries, List<String> aggregateTables) {
    }

    /**
     * Copies {@code published} to {@code work} and grows its projects to at least
     * {@code projectRows}; returns the fact's row count.
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
            return count(s, "select count(*) from fact_project_funding");
        }
    }

    /** Times the analyst queries on {@code warehouse}, then the same views materialized as tables. */
    static Figures measure(Path warehouse, int threads) throws IOException, SQLException {
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
            long materialize = -1;
            long materializedMedian = -1;
            if (q[0].startsWith("v_")) {
                String table = "bench_materialized_" + q[0];
                materialize = materialize(warehouse, q[0], table, threads);
                materializedMedian = median(warehouse, "select * from " + table);
            }
            measured.add(new Query(q[0], q[1], rows, nanos[RUNS / 2], nanos[0], nanos[RUNS - 1], materialize,
                    materializedMedian));
        }
        List<String> aggregates = new ArrayList<>();
        for (List<Object> row : WarehouseQuery.run(warehouse,
                "select table_name from duckdb_tables() where table_name like 'agg\\_%' escape '\\' order by 1").rows()) {
            aggregates.add((String) row.get(0));
        }
        return new Figures(projectRows, Files.size(warehouse), List.copyOf(measured), List.copyOf(aggregates));
    }

    /** Builds {@code table} from {@code view} on a read-write connection; returns how long it took. */
    private static long materialize(Path warehouse, String view, String table, int threads) throws SQLException {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("threads", Integer.toString(threads));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath(), p);
             Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute("create or replace table " + table + " as select * from " + view);
            s.execute("checkpoint");
            return System.nanoTime() - t0;
        }
    }

    private static long median(Path warehouse, String sql) {
        WarehouseQuery.run(warehouse, sql);
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            WarehouseQuery.run(warehouse, sql);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[RUNS / 2];
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
