package org.oriundos.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes rows of one {@link TableSchema} to one Parquet file through the Hadoop FileSystem API,
 * with a direct {@link WriteSupport} (no intermediate object model). ZSTD, and row groups small
 * enough that DuckDB reads a file with several threads.
 */
public final class ParquetTableWriter implements AutoCloseable {
    /** Row groups of about 16 MB: several per large file, so DuckDB scans them in parallel. */
    public static final long ROW_GROUP_BYTES = 16L * 1024 * 1024;
    public static final int PAGE_BYTES = 1024 * 1024;
    public static final CompressionCodecName CODEC = CompressionCodecName.ZSTD;
    /**
     * ZSTD's fastest level: the default (3) spent about a quarter of the ingest's writer thread
     * compressing, for files a few per cent smaller (docs/performance.md, item 12).
     */
    public static final int ZSTD_LEVEL = 1;

    private final TableSchema schema;
    private final Path path;
    private final ParquetWriter<Object[]> writer;
    private long rows;

    public ParquetTableWriter(TableSchema schema, Path path, Configuration conf) {
        this(schema, path, conf, Set.of());
    }

    /**
     * A writer whose {@code uniqueColumns} (ids, line numbers: a different value on every row)
     * skip dictionary encoding, which would only fill a dictionary and fall back, at a cost per
     * value.
     */
    public ParquetTableWriter(TableSchema schema, Path path, Configuration conf, Set<String> uniqueColumns) {
        this.schema = schema;
        this.path = path;
        try {
            Configuration codecConf = new Configuration(conf);
            codecConf.setInt("parquet.compression.codec.zstd.level", ZSTD_LEVEL);
            Builder b = new Builder(HadoopOutputFile.fromPath(path, conf), schema)
                    .withConf(codecConf)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CODEC)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withPageSize(PAGE_BYTES)
                    .withDictionaryEncoding(true)
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0);
            for (String c : uniqueColumns) {
                b = b.withDictionaryEncoding(c, false);
            }
            this.writer = b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Parquet file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes one row; its values must match the schema's column types. */
    public void write(Object[] row) {
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + path + ": " + e.getMessage(), e);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("a row for " + schema.name() + " has a value of the wrong type: "
                    + e.getMessage(), e);
        }
    }

    public void writeAll(List<Object[]> rows) {
        for (Object[] row : rows) {
            write(row);
        }
    }

    public long rowsWritten() {
        return rows;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish Parquet file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The Parquet message type of a table schema. */
    public static MessageType messageType(TableSchema schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : schema.columns()) {
            Type.Repetition rep = c.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            Type t = switch (c.type()) {
                case STRING -> Types.primitive(PrimitiveTypeName.BINARY, rep)
                        .as(LogicalTypeAnnotation.stringType()).named(c.name());
                case INT32 -> Types.primitive(PrimitiveTypeName.INT32, rep).named(c.name());
                case INT64 -> Types.primitive(PrimitiveTypeName.INT64, rep).named(c.name());
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(c.name());
                case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(c.name());
                case DATE -> Types.primitive(PrimitiveTypeName.INT32, rep)
                        .as(LogicalTypeAnnotation.dateType()).named(c.name());
                case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, rep)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(c.name());
                case DECIMAL_2 -> Types.primitive(PrimitiveTypeName.INT64, rep)
                        .as(LogicalTypeAnnotation.decimalType(2, 18)).named(c.name());
            };
            b.addField(t);
        }
        return b.named(schema.name());
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final TableSchema schema;

        Builder(OutputFile file, TableSchema schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<Object[]> {
        private final TableSchema schema;
        private final MessageType messageType;
        private final ColumnType[] types;
        private final String[] names;
        /** Per column, the last string written and its bytes: the lineage and canonical values repeat as one instance. */
        private final String[] lastString;
        private final Binary[] lastBinary;
        private RecordConsumer out;

        RowWriteSupport(TableSchema schema) {
            this.schema = schema;
            this.messageType = messageType(schema);
            this.types = schema.columns().stream().map(Column::type).toArray(ColumnType[]::new);
            this.names = schema.columns().stream().map(Column::name).toArray(String[]::new);
            this.lastString = new String[types.length];
            this.lastBinary = new Binary[types.length];
        }

        /**
         * The UTF-8 bytes of a string as an array-backed {@link Binary}: a dictionary compares
         * values it already holds byte by byte, and parquet-java compares array-backed values far
         * faster than the buffer-backed ones of {@link Binary#fromString}. The same string instance
         * as the column's last value gives the very same {@code Binary}, which the dictionary finds
         * without comparing bytes.
         */
        private Binary binary(int column, String s) {
            if (s == lastString[column]) {
                return lastBinary[column];
            }
            Binary b = Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
            lastString[column] = s;
            lastBinary[column] = b;
            return b;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            Map<String, String> meta = new HashMap<>();
            meta.put("oriundos.table", schema.name());
            return new WriteContext(messageType, meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            if (row.length != types.length) {
                throw new IllegalArgumentException("a row for " + schema.name() + " has " + row.length
                        + " values, the table has " + types.length + " columns");
            }
            out.startMessage();
            for (int i = 0; i < types.length; i++) {
                Object v = row[i];
                if (v == null) {
                    if (schema.columns().get(i).required()) {
                        throw new IllegalArgumentException("column " + names[i] + " of " + schema.name()
                                + " is required but the row has no value");
                    }
                    continue;
                }
                out.startField(names[i], i);
                switch (types[i]) {
                    case STRING -> out.addBinary(binary(i, (String) v));
                    case INT32 -> out.addInteger((Integer) v);
                    case INT64, DECIMAL_2 -> out.addLong((Long) v);
                    case DOUBLE -> out.addDouble((Double) v);
                    case BOOLEAN -> out.addBoolean((Boolean) v);
                    case DATE -> out.addInteger((int) ((LocalDate) v).toEpochDay());
                    case TIMESTAMP -> out.addLong(ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) v));
                }
                out.endField(names[i], i);
            }
            out.endMessage();
        }
    }
}
