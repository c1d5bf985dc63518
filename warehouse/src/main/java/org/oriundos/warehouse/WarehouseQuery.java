package org.oriundos.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs an analyst's query against the published warehouse, read-only. */
public final class WarehouseQuery {
    private WarehouseQuery() {
    }

    /**
     * Runs one SQL statement on a read-only connection and returns all its rows. A statement that
     * would write fails: the connection is read-only.
     */
    public static QueryResult run(Path warehouseFile, String sql) {
        if (!Files.isRegularFile(warehouseFile)) {
            throw new WarehouseException("there is no warehouse at " + warehouseFile + ": run the nightly load first");
        }
        try (Connection c = DuckDb.openReadOnly(warehouseFile)) {
            return query(c, sql);
        } catch (SQLException e) {
            throw new WarehouseException("the query failed on " + warehouseFile + ": " + DuckDb.message(e), e);
        }
    }

    static QueryResult query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return new QueryResult(List.of("updated"), List.of(List.of((Object) Long.valueOf(s.getUpdateCount()))));
            }
            try (ResultSet rs = s.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }
        }
    }
}
