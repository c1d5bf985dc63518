package org.oriundos.warehouse.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.oriundos.warehouse.DuckDb;

/**
 * Runs the report's queries ({@code /report/<name>.sql} resources) on a read-only connection to
 * the published warehouse. Read-only never takes DuckDB's write lock, so writing a report never
 * blocks, nor is blocked by, a build. Extensions are neither installed nor loaded: machines are
 * offline.
 */
final class WarehouseReader implements AutoCloseable {
    private final Path file;
    private final Connection connection;

    WarehouseReader(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReportException("there is no warehouse at " + file + ": run the nightly load first");
        }
        this.file = file;
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        try {
            this.connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
        } catch (SQLException e) {
            throw new ReportException("cannot open the warehouse " + file + " read-only: " + e.getMessage(), e);
        }
    }

    /** Runs {@code /report/<name>.sql} with its parameters bound in order. */
    List<Row> query(String name, Object... parameters) {
        String sql = load(name);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        values.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(new Row(values));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new ReportException("the report query " + name + ".sql failed on " + file + ": " + DuckDb.message(e), e);
        }
    }

    private static String load(String name) {
        String resource = "/report/" + name + ".sql";
        try (InputStream in = WarehouseReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the report query " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ReportException("cannot close the warehouse " + file + ": " + e.getMessage(), e);
        }
    }
}
