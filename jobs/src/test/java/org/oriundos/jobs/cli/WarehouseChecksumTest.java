package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.Fixtures;
import org.oriundos.jobs.home.Settings;

/**
 * The warehouse a refactoring must leave as it was: two nights over held-out-style deliveries
 * (historic directories, old- and current-layout 3x1 years, a re-issued directory, files refused
 * or held back, survey, consular activity, Banco de México exports, then a corrected re-delivery),
 * and a checksum of every table and view of the published warehouse, compared with the one on
 * record in {@code warehouse-checksums.tsv}.
 *
 * <p>A change that is meant to change the warehouse (a new rule, a new column) writes the record
 * again and commits it with the change, so the diff shows which tables moved:
 * {@code ./mvnw -pl jobs -am test -Dtest=WarehouseChecksumTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Doriundos.checksums.write=true}. A refactoring must not need to.
 */
class WarehouseChecksumTest {

    static final String RECORD = "warehouse-checksums.tsv";
    static final String WRITE = "oriundos.checksums.write";
    /**
     * The columns whose values depend on when, not on what, was loaded: the time of each load, and
     * how the build names the lake files it applied (their fingerprint includes the files' stamps;
     * the partitions and their rows still count).
     */
    static final Set<String> WALL_CLOCK_COLUMNS = Set.of("loaded_at", "meta_partition.fingerprint",
            "meta_partition.load_id");

    @TempDir
    Path home;

    @Test
    void theWarehouseOfTwoHeldOutStyleNightsIsTheOneOnRecord() throws Exception {
        CliSession cli = new CliSession(home.getParent());
        String h = home.getFileName().toString();

        List<String> first = new ArrayList<>(Fixtures.NIGHT);
        first.addAll(Fixtures.checksumNight());
        Fixtures.deliver(home, first);
        // small files with many faults: their bad rows are rejected, the rest loaded (not held back whole)
        String takeTheRest = "--" + Settings.MAX_REJECT_SHARE + "=0.75";
        assertThat(cli.run("nightly", "--home", h, takeTheRest)).as(cli.err()).isEqualTo(ExitCode.FILES_REFUSED);
        assertThat(cli.out()).contains("run 1: loaded 18 files");
        Fixtures.deliver(home, "redelivery/3x1_proyectos_2007_v2.csv");
        assertThat(cli.run("nightly", "--home", h, takeTheRest)).as(cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out()).contains("run 2: loaded 1 file");

        Map<String, String> actual = checksums(home.resolve("warehouse/oriundos.duckdb"));
        assertThat(actual).as("tables and views of the warehouse").hasSizeGreaterThan(40);

        if (Boolean.getBoolean(WRITE)) {
            Path record = Path.of("src/test/resources").resolve(RECORD);
            StringBuilder text = new StringBuilder("# table\trows\tchecksum (written by WarehouseChecksumTest)\n");
            actual.forEach((table, sum) -> text.append(table).append('\t').append(sum).append('\n'));
            Files.writeString(record, text.toString(), StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> expected = onRecord();
        TreeSet<String> differing = new TreeSet<>();
        for (String table : union(expected, actual)) {
            if (!String.valueOf(expected.get(table)).equals(String.valueOf(actual.get(table)))) {
                differing.add(table + " (on record " + expected.get(table) + ", now " + actual.get(table) + ")");
            }
        }
        assertThat(differing)
                .as("tables whose contents changed; if the change is meant, write the record again with -D" + WRITE
                        + "=true and commit it")
                .isEmpty();
    }

    /** Rows and an order-independent hash of each table and view, the wall clock left out. */
    static Map<String, String> checksums(Path warehouse) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Map<String, String> sums = new TreeMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly);
             Statement st = db.createStatement()) {
            Map<String, List<String>> columns = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("select table_name, column_name, data_type from information_schema.columns"
                    + " where table_schema = 'main' order by table_name, ordinal_position")) {
                while (rs.next()) {
                    String column = rs.getString(2);
                    if (WALL_CLOCK_COLUMNS.contains(column)
                            || WALL_CLOCK_COLUMNS.contains(rs.getString(1) + "." + column)) {
                        continue;
                    }
                    String quoted = '"' + column.replace("\"", "\"\"") + '"';
                    String type = rs.getString(3);
                    // a double is a sum or a score: compared to the micro-unit, so that the order
                    // in which threads add does not count as a change
                    String value = type.equals("DOUBLE") || type.equals("FLOAT") ? "round(" + quoted + ", 6)" : quoted;
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(value);
                }
            }
            for (var table : columns.entrySet()) {
                String sql = "select count(*), coalesce(sum(hash(row(" + String.join(", ", table.getValue())
                        + "))::hugeint), 0) from \"" + table.getKey() + '"';
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    sums.put(table.getKey(), rs.getLong(1) + "\t" + rs.getString(2));
                }
            }
        }
        return sums;
    }

    private static Map<String, String> onRecord() throws IOException {
        Map<String, String> record = new TreeMap<>();
        try (InputStream in = WarehouseChecksumTest.class.getResourceAsStream("/" + RECORD)) {
            assertThat(in).as(RECORD + " on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                record.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return record;
    }

    private static TreeSet<String> union(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }
}
