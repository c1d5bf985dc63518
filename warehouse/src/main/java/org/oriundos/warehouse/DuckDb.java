package org.oriundos.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens DuckDB the way oriundos needs it: machines are offline and only the built-in extensions
 * (parquet, json, icu, core_functions) exist, so extension auto-install and auto-load are off;
 * threads and memory are bounded; times are UTC.
 */
public final class DuckDb {
    private DuckDb() {
    }

    /** A read-write connection to a new or existing warehouse file, bounded as the settings say. */
    static Connection openForBuild(Path file, int threads, String memoryLimit) {
        Properties p = baseProperties();
        p.setProperty("threads", Integer.toString(threads));
        p.setProperty("memory_limit", memoryLimit.trim());
        return open(file, p);
    }

    /**
     * A read-only connection to a warehouse file: it never takes the write lock, so it never
     * blocks a build. The file is attached read-only to a private in-memory database rather than
     * opened as the database itself, so it works even when the same process already has the file
     * open with other settings (DuckDB refuses a second instance of a file with a different
     * configuration).
     */
    static Connection openReadOnly(Path file) {
        Connection c = open(null, baseProperties());
        try (Statement s = c.createStatement()) {
            s.execute("ATTACH " + Staging.literal(file.toAbsolutePath().toString()) + " AS warehouse (READ_ONLY)");
            s.execute("USE warehouse");
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new WarehouseException("cannot open the DuckDB file " + file + " read-only: " + e.getMessage(), e);
        }
    }

    /**
     * What DuckDB said, without the JDBC driver's wrapper: a statement that fails to bind or plan
     * reaches JDBC as "Attempting to execute an unsuccessful or closed pending query result"
     * followed by {@code Error: } and the real error, which is the part a person needs.
     */
    public static String message(SQLException e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int real = m.indexOf("\nError: ");
        return real >= 0 && m.contains("unsuccessful or closed pending query result")
                ? m.substring(real + "\nError: ".length()).strip() : m.strip();
    }

    private static Properties baseProperties() {
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        return p;
    }

    private static Connection open(Path file, Properties p) {
        try {
            String url = file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file.toAbsolutePath();
            Connection c = DriverManager.getConnection(url, p);
            try (Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
            }
            return c;
        } catch (SQLException e) {
            throw new WarehouseException("cannot open " + (file == null ? "an in-memory DuckDB" : "the DuckDB file " + file)
                    + ": " + e.getMessage(), e);
        }
    }
}
