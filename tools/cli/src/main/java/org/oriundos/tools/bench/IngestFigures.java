package org.oriundos.tools.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One race of our ingest against DuckDB's CSV-to-Parquet on the same file.
 *
 * @param fileBytes        the CSV's size
 * @param rowsRead         data rows our ingest read
 * @param rowsLoaded       of which it loaded
 * @param rowsRejected     of which it rejected (with file, line, column, value, reason)
 * @param oursNanos        our wall time: read, validate, write Parquet parts, publish, ledger
 * @param duckdbRows       rows DuckDB wrote
 * @param duckdbNanos      DuckDB's wall time for the {@code COPY}
 * @param peakHeapBytes    the most heap our ingest held live (in use right after a collection)
 * @param maxHeapBytes     the heap limit of the JVM that ran it
 * @param oursParquetBytes what our raw and rejects Parquet took on disk
 * @param duckdbParquetBytes what DuckDB's Parquet took on disk
 * @param duckdbThreads    DuckDB's {@code threads}
 * @param status           our ledger entry's status (LOADED, or FAILED over the reject threshold)
 */
record IngestFigures(long fileBytes, long rowsRead, long rowsLoaded, long rowsRejected, long oursNanos,
                     long duckdbRows, long duckdbNanos, long peakHeapBytes, long maxHeapBytes, long oursParquetBytes,
                     long duckdbParquetBytes, int duckdbThreads, String status) {

    double oursRowsPerSecond() {
        return rowsRead / seconds(oursNanos);
    }

    double oursMegabytesPerSecond() {
        return fileBytes / 1e6 / seconds(oursNanos);
    }

    double duckdbRowsPerSecond() {
        return duckdbRows / seconds(duckdbNanos);
    }

    double duckdbMegabytesPerSecond() {
        return fileBytes / 1e6 / seconds(duckdbNanos);
    }

    /** Our throughput as a share of DuckDB's on the same bytes (the target is at least 0.5). */
    double ratio() {
        return (double) duckdbNanos / oursNanos;
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }

    String toLine() {
        return IngestRace.LINE_PREFIX + " fileBytes=" + fileBytes + " rowsRead=" + rowsRead + " rowsLoaded=" + rowsLoaded
                + " rowsRejected=" + rowsRejected + " oursNanos=" + oursNanos + " duckdbRows=" + duckdbRows
                + " duckdbNanos=" + duckdbNanos + " peakHeapBytes=" + peakHeapBytes + " maxHeapBytes=" + maxHeapBytes
                + " oursParquetBytes=" + oursParquetBytes + " duckdbParquetBytes=" + duckdbParquetBytes
                + " duckdbThreads=" + duckdbThreads + " status=" + status;
    }

    /** Reads the line {@link #toLine()} printed, from a child's whole output. */
    static IngestFigures parse(String output) {
        for (String line : output.split("\n")) {
            if (!line.startsWith(IngestRace.LINE_PREFIX)) {
                continue;
            }
            Map<String, String> v = new LinkedHashMap<>();
            for (String pair : line.substring(IngestRace.LINE_PREFIX.length()).trim().split(" ")) {
                int eq = pair.indexOf('=');
                v.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            return new IngestFigures(l(v, "fileBytes"), l(v, "rowsRead"), l(v, "rowsLoaded"), l(v, "rowsRejected"),
                    l(v, "oursNanos"), l(v, "duckdbRows"), l(v, "duckdbNanos"), l(v, "peakHeapBytes"),
                    l(v, "maxHeapBytes"), l(v, "oursParquetBytes"), l(v, "duckdbParquetBytes"),
                    (int) l(v, "duckdbThreads"), v.get("status"));
        }
        throw new IllegalStateException("the ingest race printed no figures; its output was:\n" + tail(output));
    }

    private static long l(Map<String, String> v, String key) {
        String s = v.get(key);
        if (s == null) {
            throw new IllegalStateException("the ingest race's figures lack " + key);
        }
        return Long.parseLong(s);
    }

    static String tail(String output) {
        return output.length() <= 4000 ? output : "…" + output.substring(output.length() - 4000);
    }
}
