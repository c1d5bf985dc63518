package org.oriundos.jobs.home;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * Everything a run needs to know about where the data lives and how hard to work, resolved once
 * from the command line, system properties ({@code -Doriundos.home=…}) or environment variables
 * ({@code ORIUNDOS_HOME=…}), in that order.
 *
 * @param home              the data home (absolute)
 * @param lake              the lake's location: {@code null} for {@code <home>/lake}, or a path or
 *                          {@code hdfs://} URI
 * @param baseYear          the year constant pesos are expressed in
 * @param maxRejectShare    the share of rejected rows above which a file is refused
 * @param chunkRows         records per chunk while ingesting (the unit of commit and restart)
 * @param duckdbThreads     DuckDB worker threads
 * @param duckdbMemoryLimit DuckDB memory limit, e.g. {@code 2GB}
 * @param settleSeconds     how long an inbox file's size and modification time must stand still
 *                          before it is taken (unless it has a {@code .done} marker); default 60
 * @param maxRowDrop        the share of rows a delivery may lose against the one it replaces before
 *                          it is held back; default 0.5
 */
public record Settings(Path home, String lake, int baseYear, double maxRejectShare, int chunkRows,
                       int duckdbThreads, String duckdbMemoryLimit, int settleSeconds, double maxRowDrop) {

    public static final String HOME = "oriundos.home";
    public static final String LAKE = "oriundos.lake";
    public static final String BASE_YEAR = "oriundos.base-year";
    public static final String MAX_REJECT_SHARE = "oriundos.max-reject-share";
    public static final String CHUNK_ROWS = "oriundos.chunk-rows";
    public static final String DUCKDB_THREADS = "oriundos.duckdb.threads";
    public static final String DUCKDB_MEMORY_LIMIT = "oriundos.duckdb.memory-limit";
    public static final String SETTLE_SECONDS = "oriundos.settle-seconds";
    public static final String MAX_ROW_DROP = "oriundos.max-row-drop";
    /** A minute: a copy that is still running changes its file every moment; one that stalled that long is no copy. */
    public static final int DEFAULT_SETTLE_SECONDS = 60;

    public Settings {
        home = home.toAbsolutePath().normalize();
        if (lake != null && lake.isBlank()) {
            lake = null;
        }
        if (settleSeconds < 0) {
            throw new SettingsException(SETTLE_SECONDS + " cannot be negative, got " + settleSeconds);
        }
    }

    /** The same settings with another settle interval (the demo takes the files it has just written). */
    public Settings withSettleSeconds(int seconds) {
        return new Settings(home, lake, baseYear, maxRejectShare, chunkRows, duckdbThreads, duckdbMemoryLimit, seconds,
                maxRowDrop);
    }

    /**
     * Settings from a property lookup (Spring's {@code Environment::getProperty}, or the command
     * line's merged options); a relative home is taken from {@code workingDir}.
     */
    public static Settings resolve(Function<String, String> property, Path workingDir) {
        String home = property.apply(HOME);
        Path homeDir = workingDir.resolve(home == null || home.isBlank() ? "var" : home);
        return new Settings(homeDir,
                property.apply(LAKE),
                intValue(property, BASE_YEAR, 2018),
                doubleValue(property, MAX_REJECT_SHARE, 0.05),
                intValue(property, CHUNK_ROWS, 50_000),
                intValue(property, DUCKDB_THREADS, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()))),
                textValue(property, DUCKDB_MEMORY_LIMIT, "2GB"),
                intValue(property, SETTLE_SECONDS, DEFAULT_SETTLE_SECONDS),
                doubleValue(property, MAX_ROW_DROP, org.oriundos.ingest.IngestOptions.DEFAULT_MAX_ROW_DROP));
    }

    /** A lookup over system properties, then the environment ({@code oriundos.base-year} → {@code ORIUNDOS_BASE_YEAR}). */
    public static String systemProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value;
    }

    public DataHome dataHome() {
        return new DataHome(home, lake);
    }

    private static int intValue(Function<String, String> property, String name, int fallback) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static double doubleValue(Function<String, String> property, String name, double fallback) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double share = Double.parseDouble(value.trim());
            if (share < 0 || share > 1) {
                throw new SettingsException(name + " must be between 0 and 1, got '" + value + "'");
            }
            return share;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be a number between 0 and 1, got '" + value + "'");
        }
    }

    private static String textValue(Function<String, String> property, String name, String fallback) {
        String value = property.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** A setting has a value the program cannot use (reported as bad arguments). */
    public static final class SettingsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SettingsException(String message) {
            super(message);
        }
    }
}
