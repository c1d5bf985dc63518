package org.oriundos.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;

/**
 * Our ingest of one 3x1 file against DuckDB's own CSV-to-Parquet on the same file, in one JVM:
 * {@link FileLoader}, which runs {@code FileIngest}, the loop the nightly's {@code ingestFile} step
 * runs chunk by chunk (every field validated, rejects recorded, one Parquet part per chunk, the
 * ledger entry) and DuckDB's {@code COPY (FROM read_csv(…)) TO '….parquet'}. Each side first
 * loads a small warm-up file, so neither pays for class loading or extension start-up.
 *
 * <p>Our time includes the file's SHA-256 (which names the load), as a real night's does.
 * Run in a child JVM by {@link Bench} (so its heap limit is the one under test); prints one
 * {@code ingest-race:} line that {@link IngestFigures#parse} reads back.
 */
public final class IngestRace {
    static final String LINE_PREFIX = "ingest-race:";

    private IngestRace() {
    }

    /** {@code IngestRace FILE WARMUP_FILE WORK_DIR THREADS}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: IngestRace FILE WARMUP_FILE WORK_DIR THREADS");
            System.exit(2);
        }
        IngestFigures figures = race(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
        System.out.println(figures.toLine());
        System.out.flush();
        System.exit(0);
    }

    static IngestFigures race(Path file, Path warmupFile, Path workDir, int threads) throws IOException, SQLException {
        Files.createDirectories(workDir);
        // warm both sides on the small file
        ours(warmupFile, workDir.resolve("warmup-lake"));
        duckdb(warmupFile, workDir.resolve("warmup.parquet"), threads);

        LiveHeap liveHeap = LiveHeap.watch();
        long t0 = System.nanoTime();
        Delivery delivery = Inbox.delivery(file); // the checksum that names the load: part of a real ingest
        LedgerEntry entry = new FileLoader(LakeLocation.local(workDir.resolve("lake")), IngestOptions.DEFAULTS)
                .load(delivery);
        long oursNanos = System.nanoTime() - t0;
        long peakHeap = liveHeap.stop();

        Path parquet = workDir.resolve("duckdb.parquet");
        long t1 = System.nanoTime();
        long duckRows = duckdb(file, parquet, threads);
        long duckNanos = System.nanoTime() - t1;

        return new IngestFigures(delivery.bytes(), entry.counts().read(), entry.counts().loaded(), entry.counts().rejected(),
                oursNanos, duckRows, duckNanos, peakHeap, Runtime.getRuntime().maxMemory(),
                bytesUnder(workDir.resolve("lake").resolve("raw")), Files.size(parquet), threads,
                entry.status().name());
    }

    private static LedgerEntry ours(Path file, Path lakeDir) {
        Delivery d = Inbox.delivery(file);
        return new FileLoader(LakeLocation.local(lakeDir), IngestOptions.DEFAULTS).load(d);
    }

    /** DuckDB's native path; its row count is what it wrote. */
    private static long duckdb(Path file, Path parquet, int threads) throws SQLException, IOException {
        Files.deleteIfExists(parquet);
        Properties p = new Properties();
        p.setProperty("autoinstall_known_extensions", "false");
        p.setProperty("autoload_known_extensions", "false");
        p.setProperty("threads", Integer.toString(threads));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", p); Statement s = c.createStatement()) {
            // ignore_errors: plain read_csv fails on the provider's TOTAL row once the file is larger
            // than its type-detection sample; with it, DuckDB drops the rows that do not fit its types
            String sql = "copy (from read_csv('" + sqlString(file) + "', ignore_errors = true)) to '"
                    + sqlString(parquet) + "' (format parquet)";
            s.execute(sql);
            try (var rs = s.executeQuery("select count(*) from read_parquet('" + sqlString(parquet) + "')")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String sqlString(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }


    private static long bytesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
