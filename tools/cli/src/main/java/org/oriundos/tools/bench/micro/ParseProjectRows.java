package org.oriundos.tools.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.ExtractReader;
import org.oriundos.ingest.ExtractReaders;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.RowOutcome;
import org.oriundos.tools.sample.SampleExtracts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing and validating 3x1 rows of the 2013 layout: the CSV record, every field's rule, the
 * typed row. One operation is one row of a generated file (faults included), read whole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseProjectRows {
    static final int ROWS = 5_000;

    private Path dir;
    private Delivery delivery;

    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        dir = Files.createTempDirectory("oriundos-jmh-parse");
        Path file = new SampleExtracts(2019).writeProjectsFile(dir, 2015, ROWS).get(0);
        delivery = Inbox.delivery(file);
    }

    @TearDown(Level.Trial)
    public void removeFile() throws IOException {
        MicroFiles.deleteTree(dir);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void parse3x1Row(Blackhole bh) throws Exception {
        try (ExtractReader reader = ExtractReaders.open(delivery, IngestOptions.DEFAULTS, 0)) {
            for (RowOutcome o = reader.next(); o != null; o = reader.next()) {
                bh.consume(o);
            }
        }
    }
}
