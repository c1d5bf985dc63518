package org.oriundos.jobs.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Searches everything under a data home for marker strings: every file's raw bytes, and, decoded,
 * every value of every Parquet file (through DuckDB), of every table of the DuckDB warehouse and of
 * every table of the H2 job repository (execution contexts decoded from their Base64 too).
 */
final class DataHomeScan {
    private final List<String> markers;
    private final List<String> found = new ArrayList<>();
    /** How many Parquet files, DuckDB tables and H2 tables were read value by value. */
    int parquetFiles;
    int duckDbTables;
    int h2Tables;

    DataHomeScan(List<String> markers) {
        this.markers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    /** Every place a marker was found, as {@code where: marker}. */
    List<String> scan(Path home) throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.walk(home)) {
            files = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path f : files) {
            check(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            String name = f.getFileName().toString();
            if (name.endsWith(".parquet")) {
                scanParquet(f);
            } else if (name.endsWith(".duckdb")) {
                scanDuckDb(f);
            } else if (name.endsWith(".mv.db")) {
                scanH2(f);
            }
        }
        return found;
    }

    int filesScanned(Path home) throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            return (int) all.filter(Files::isRegularFile).count();
        }
    }

    void check(String where, String text) {
        if (text == null) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String m : markers) {
            if (lower.contains(m)) {
                found.add(where + ": " + m);
            }
        }
    }

    private void scanParquet(Path f) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from read_parquet('" + f.toString().replace("'", "''") + "')")) {
            dump(f.toString(), rs);
        }
        parquetFiles++;
    }

    private void scanDuckDb(Path f) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f, readOnly);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                    + " where table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select * from \"" + t + "\"")) {
                    dump(f + " table " + t, rs);
                }
                duckDbTables++;
            }
        }
    }

    private void scanH2(Path f) throws SQLException {
        String base = f.toString().substring(0, f.toString().length() - ".mv.db".length());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE", "sa", "");
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select * from \"" + t + "\"")) {
                    dump(f + " table " + t, rs);
                }
                h2Tables++;
            }
        }
    }

    private void dump(String where, ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int i = 1; i <= n; i++) {
                String v = rs.getString(i);
                check(where, v);
                check(where + " (decoded)", decoded(v));
            }
        }
    }

    /** A value that is Base64 (Spring Batch keeps execution contexts so), decoded, and deserialized when it can be. */
    private static String decoded(String v) {
        if (v == null || v.length() < 8 || !v.matches("[A-Za-z0-9+/=\\r\\n]+")) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
        StringBuilder b = new StringBuilder(new String(bytes, StandardCharsets.ISO_8859_1));
        try (InputStream in = new ByteArrayInputStream(bytes); ObjectInputStream objects = new ObjectInputStream(in)) {
            b.append('\n').append(objects.readObject());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // not a serialized object: its raw bytes were searched
        }
        return b.toString();
    }

}
