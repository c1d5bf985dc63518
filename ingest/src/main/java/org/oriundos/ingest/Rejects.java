package org.oriundos.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;

/**
 * The rejected rows in the lake, for the operator: those of the current deliveries
 * ({@code rejects/<table>/period=<p>/}) and those of files that failed
 * ({@code failed/<table>/period=<p>/load=<load_id>/}, including one line-0 record saying why).
 */
public final class Rejects {
    private final LakeLocation lake;

    public Rejects(LakeLocation lake) {
        this.lake = lake;
    }

    /** The rejects of one file (by its name), or of all files when {@code null}; by file, then line. */
    public List<RejectedRow> list(String fileNameOrNull) {
        FileSystem fs = lake.fileSystem();
        List<RejectedRow> out = new ArrayList<>();
        try {
            List<FileStatus> parts = new ArrayList<>();
            addAll(parts, fs.globStatus(lake.path("rejects", "*", "period=*", "part-*.parquet")));
            addAll(parts, fs.globStatus(lake.path("failed", "*", "period=*", "load=*", "part-*.parquet")));
            for (FileStatus st : parts) {
                for (Object[] r : ParquetTableReader.readAll(RawTables.REJECTS, st.getPath(), lake.conf())) {
                    if (fileNameOrNull == null || fileNameOrNull.equals(r[0])) {
                        out.add(new RejectedRow((String) r[0], (String) r[1], (String) r[2], (Long) r[3],
                                (String) r[4], (String) r[5], (String) r[6]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rejects in " + lake + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(RejectedRow::sourceFile).thenComparingLong(RejectedRow::line));
        return out;
    }

    private static void addAll(List<FileStatus> into, FileStatus[] found) {
        if (found != null) {
            into.addAll(List.of(found));
        }
    }
}
