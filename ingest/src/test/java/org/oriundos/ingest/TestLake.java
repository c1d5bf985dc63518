package org.oriundos.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.TableSchema;

/** A lake and an inbox in a temporary folder, with the fixture extracts at hand. */
final class TestLake {
    final Path inbox;
    final LakeLocation lake;

    TestLake(Path tmp) throws IOException {
        this.inbox = Files.createDirectories(tmp.resolve("inbox"));
        this.lake = LakeLocation.local(tmp.resolve("lake"));
    }

    TestLake(Path inbox, LakeLocation lake) {
        this.inbox = inbox;
        this.lake = lake;
    }

    static Path fixture(String name) {
        Path p = Path.of("src/test/resources/extracts", name);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no fixture " + p.toAbsolutePath());
        }
        return p;
    }

    /** Puts a fixture into the inbox (under its own name or another) and returns its delivery. */
    Delivery deliver(String fixture, String asName) {
        try {
            Path target = inbox.resolve(asName);
            Files.copy(fixture(fixture), target, StandardCopyOption.REPLACE_EXISTING);
            return Inbox.delivery(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Delivery deliver(String fixture) {
        return deliver(fixture, fixture);
    }

    LedgerEntry load(String fixture) {
        return load(fixture, IngestOptions.DEFAULTS);
    }

    LedgerEntry load(String fixture, IngestOptions options) {
        return new FileLoader(lake, options).load(deliver(fixture));
    }

    /** Every row of a partition of a raw table, by source line. */
    List<Object[]> rows(TableSchema table, String period) {
        return read(table, partition(LakeLayout.Zone.RAW, table.name(), period));
    }

    List<Object[]> rejectRows(String table, String period) {
        return read(RawTables.REJECTS, partition(LakeLayout.Zone.REJECTS, table, period));
    }

    /** The part files of a partition's current generation. */
    List<org.apache.hadoop.fs.Path> partition(LakeLayout.Zone zone, String table, String period) {
        return new Generations(lake).files(new LakeLayout(lake).partition(zone, table, period));
    }

    List<RejectedRow> rejects(String fileName) {
        return new Rejects(lake).list(fileName);
    }

    Ledger ledger() {
        return new Ledger(lake);
    }

    boolean exists(String... segments) {
        try {
            return lake.fileSystem().exists(lake.path(segments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Object[]> read(TableSchema schema, List<org.apache.hadoop.fs.Path> parts) {
        List<Object[]> rows = new ArrayList<>();
        for (org.apache.hadoop.fs.Path part : parts) {
            rows.addAll(ParquetTableReader.readAll(schema, part, lake.conf()));
        }
        int line = schema.has("_source_line") ? schema.indexOf("_source_line") : schema.indexOf("line");
        rows.sort((a, b) -> Long.compare((Long) a[line], (Long) b[line]));
        return rows;
    }

    /** The value of a named column of a row. */
    static Object col(TableSchema schema, Object[] row, String column) {
        return row[schema.indexOf(column)];
    }
}
