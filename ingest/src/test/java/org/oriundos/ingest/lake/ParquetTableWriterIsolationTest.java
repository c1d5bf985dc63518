package org.oriundos.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Parquet files written at the same time in one JVM (the nightly stages two deliveries at once,
 * each with a writer thread) are each encoded by their own writer's settings. parquet-java before
 * 1.18.0 kept the settings a writer's columns are made from in one static object that every new
 * writer overwrote (apache/parquet-java#3224, #3497): a file opened while another writer was being
 * opened took that writer's settings, so the same rows were written with other encodings, other
 * bytes, depending on what ran beside them. This test fails on 1.16.0 and 1.17.1.
 */
class ParquetTableWriterIsolationTest {
    /** Two columns: an id, a new value on every row, and an amount that is the same on every row. */
    private static final TableSchema TABLE = TableSchema.of("amounts",
            List.of(Column.required("id", ColumnType.INT64), Column.required("amount", ColumnType.INT64)));

    @TempDir
    Path tmp;

    private final ExecutorService writerThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        writerThread.shutdownNow();
        PausingFileSystem.pause = null;
    }

    @Test
    void aFileKeepsItsOwnWritersEncodingsWhileAnotherWriterOpensBesideIt() throws Exception {
        org.apache.hadoop.fs.Path withoutDictionary = new org.apache.hadoop.fs.Path(tmp.resolve("own.parquet").toUri());
        org.apache.hadoop.fs.Path withDictionary = new org.apache.hadoop.fs.Path(tmp.resolve("beside.parquet").toUri());
        Configuration pausing = LakeLocation.defaultConfiguration();
        pausing.set("fs.file.impl", PausingFileSystem.class.getName());
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        PausingFileSystem.pause = new Pause(withoutDictionary.getName(), opening, goOn);

        // the first writer says: no dictionary for the amount; it stops while it creates its file,
        // after its settings are made and before its columns are
        Future<?> first = writerThread.submit(() -> {
            try (ParquetTableWriter w = new ParquetTableWriter(TABLE, withoutDictionary, pausing, Set.of("id", "amount"))) {
                w.writeAll(rows());
            }
        });
        assertThat(opening.await(30, TimeUnit.SECONDS)).as("the first writer reached its file's creation").isTrue();
        // meanwhile, another writer with a dictionary for every column opens and writes
        try (ParquetTableWriter w = new ParquetTableWriter(TABLE, withDictionary, LakeLocation.defaultConfiguration())) {
            w.writeAll(rows());
        }
        goOn.countDown();
        first.get(30, TimeUnit.SECONDS);

        assertThat(encodings(withDictionary, "amount")).as("the writer with dictionaries")
                .contains(Encoding.PLAIN_DICTIONARY);
        assertThat(encodings(withoutDictionary, "amount"))
                .as("the amount of the file whose writer said no dictionary, written while another writer opened")
                .doesNotContain(Encoding.PLAIN_DICTIONARY, Encoding.RLE_DICTIONARY)
                .contains(Encoding.PLAIN);
    }

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 1_000; i++) {
            rows.add(new Object[] {i, 0L});
        }
        return rows;
    }

    private static Set<Encoding> encodings(org.apache.hadoop.fs.Path file, String column) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file,
                LakeLocation.defaultConfiguration()))) {
            Set<Encoding> out = new java.util.HashSet<>();
            for (BlockMetaData block : r.getFooter().getBlocks()) {
                for (ColumnChunkMetaData c : block.getColumns()) {
                    if (c.getPath().toDotString().equals(column)) {
                        out.addAll(c.getEncodings());
                    }
                }
            }
            return out;
        }
    }

    /** Where the pausing file system stops: at the creation of the file named {@code fileName}. */
    private record Pause(String fileName, CountDownLatch reached, CountDownLatch goOn) {
    }

    /**
     * The local file system, which stops the thread that creates the paused file until the test
     * says go on: a writer is held between its settings and its columns (parquet-java creates the
     * file in between).
     */
    public static final class PausingFileSystem extends RawLocalFileSystem {
        static volatile Pause pause;

        @Override
        public FSDataOutputStream create(org.apache.hadoop.fs.Path f, FsPermission permission, boolean overwrite,
                                         int bufferSize, short replication, long blockSize, Progressable progress)
                throws IOException {
            holdIfPaused(f);
            return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
        }

        @Override
        public FSDataOutputStream create(org.apache.hadoop.fs.Path f, boolean overwrite, int bufferSize,
                                         short replication, long blockSize, Progressable progress) throws IOException {
            holdIfPaused(f);
            return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
        }

        private static void holdIfPaused(org.apache.hadoop.fs.Path f) throws IOException {
            Pause p = pause;
            if (p == null || !f.getName().equals(p.fileName())) {
                return;
            }
            p.reached().countDown();
            try {
                if (!p.goOn().await(30, TimeUnit.SECONDS)) {
                    throw new IOException("the test never let the paused writer go on");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while paused", e);
            }
        }
    }
}
