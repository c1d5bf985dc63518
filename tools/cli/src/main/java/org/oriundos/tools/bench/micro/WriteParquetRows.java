package org.oriundos.tools.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.oriundos.ingest.ExtractReader;
import org.oriundos.ingest.ExtractReaders;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.RowOutcome;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.tools.sample.SampleExtracts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Writing raw 3x1 rows to Parquet through the lake's writer (ZSTD, the raw zone's schema), a
 * chunk at a time as ingest does. One operation is one row.
 *
 * <p>{@code dictionary}: {@code staging} leaves dictionary encoding off for the columns ingest's
 * {@code LakeStaging} leaves it off for (line numbers, FOLIO, project names); {@code no-amounts}
 * also for the amounts and beneficiaries, which are nearly all distinct too: the dictionary only
 * fills up and falls back, at a cost per value (what the ingest profile shows).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WriteParquetRows {
    static final int ROWS = 10_000;

    /** As in {@code LakeStaging.UNIQUE_COLUMNS}. */
    static final Set<String> STAGING_PLAIN = Set.of("_source_line", "folio", "project_name", "organization_id",
            "respondent_id", "line");
    static final Set<String> AMOUNTS = Set.of("federal_mxn", "state_mxn", "municipal_mxn", "migrant_mxn", "other_mxn",
            "beneficiaries");

    @Param({"staging", "no-amounts"})
    public String dictionary;

    private Path dir;
    private Set<String> plainColumns;
    private List<Object[]> rows;
    private Configuration conf;
    private int part;

    @Setup(Level.Trial)
    public void parseRows() throws Exception {
        dir = Files.createTempDirectory("oriundos-jmh-parquet");
        Path file = new SampleExtracts(2019).writeProjectsFile(dir.resolve("in"), 2015, ROWS).get(0);
        rows = new ArrayList<>(ROWS);
        try (ExtractReader reader = ExtractReaders.open(Inbox.delivery(file), IngestOptions.DEFAULTS, 0)) {
            for (RowOutcome o = reader.next(); o != null; o = reader.next()) {
                if (o instanceof RowOutcome.Loaded) {
                    rows.add(((RowOutcome.Loaded) o).row());
                }
            }
        }
        while (rows.size() < ROWS) {
            rows.add(rows.get(rows.size() % Math.max(1, rows.size())));
        }
        conf = LakeLocation.defaultConfiguration();
        plainColumns = new HashSet<>(STAGING_PLAIN);
        if (dictionary.equals("no-amounts")) {
            plainColumns.addAll(AMOUNTS);
        }
    }

    @TearDown(Level.Trial)
    public void removeFiles() throws IOException {
        MicroFiles.deleteTree(dir);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long writeParquetRow() throws IOException {
        Path out = dir.resolve("part-" + (part++ % 4) + ".parquet");
        Files.deleteIfExists(out);
        try (ParquetTableWriter w = new ParquetTableWriter(RawTables.PROJECTS,
                new org.apache.hadoop.fs.Path(out.toUri()), conf, plainColumns)) {
            w.writeAll(rows);
            return w.rowsWritten();
        }
    }
}
