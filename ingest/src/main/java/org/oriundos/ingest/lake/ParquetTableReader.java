package org.oriundos.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.GroupType;

/**
 * Reads the rows of a Parquet file back as {@code Object[]} in the order of a {@link TableSchema}.
 * Columns are matched by name, so a file written by an older schema with fewer columns reads
 * with {@code null} in the missing ones.
 */
public final class ParquetTableReader implements AutoCloseable {
    private final TableSchema schema;
    private final Path path;
    private final ParquetReader<Group> reader;
    private int[] fileIndex;

    public ParquetTableReader(TableSchema schema, Path path, Configuration conf) {
        this.schema = schema;
        this.path = path;
        try {
            this.reader = new Builder(HadoopInputFile.fromPath(path, conf)).withConf(conf).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open Parquet file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The next row, or {@code null} at the end of the file. */
    public Object[] next() {
        Group g;
        try {
            g = reader.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Parquet file " + path + ": " + e.getMessage(), e);
        }
        if (g == null) {
            return null;
        }
        if (fileIndex == null) {
            fileIndex = mapColumns(g.getType());
        }
        Object[] row = schema.newRow();
        for (int i = 0; i < row.length; i++) {
            int f = fileIndex[i];
            if (f < 0 || g.getFieldRepetitionCount(f) == 0) {
                continue;
            }
            row[i] = switch (schema.columns().get(i).type()) {
                case STRING -> g.getString(f, 0);
                case INT32 -> g.getInteger(f, 0);
                case INT64, DECIMAL_2 -> g.getLong(f, 0);
                case DOUBLE -> g.getDouble(f, 0);
                case BOOLEAN -> g.getBoolean(f, 0);
                case DATE -> LocalDate.ofEpochDay(g.getInteger(f, 0));
                case TIMESTAMP -> Instant.EPOCH.plus(g.getLong(f, 0), ChronoUnit.MICROS);
            };
        }
        return row;
    }

    /** Every row of a file. For small tables (ledger, reference data); stream large ones with {@link #next()}. */
    public static List<Object[]> readAll(TableSchema schema, Path path, Configuration conf) {
        List<Object[]> rows = new ArrayList<>();
        try (ParquetTableReader r = new ParquetTableReader(schema, path, conf)) {
            for (Object[] row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private int[] mapColumns(GroupType fileType) {
        int[] idx = new int[schema.size()];
        for (int i = 0; i < idx.length; i++) {
            String name = schema.columns().get(i).name();
            idx[i] = fileType.containsField(name) ? fileType.getFieldIndex(name) : -1;
        }
        return idx;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close Parquet file " + path + ": " + e.getMessage(), e);
        }
    }

    private static final class Builder extends ParquetReader.Builder<Group> {
        Builder(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
