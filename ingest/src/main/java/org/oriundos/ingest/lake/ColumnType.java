package org.oriundos.ingest.lake;

/**
 * The value types a lake column can hold, with the Java type a row carries for each.
 * Money is {@link #DECIMAL_2}: an exact amount with two decimals, carried as a {@code long}
 * of hundredths (cents, centavos) so no rounding ever happens in between.
 */
public enum ColumnType {
    /** {@link String}. */
    STRING,
    /** {@link Integer}. */
    INT32,
    /** {@link Long}. */
    INT64,
    /** {@link Double}. */
    DOUBLE,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.Instant}, stored as UTC microseconds. */
    TIMESTAMP,
    /** {@link Long} hundredths; Parquet DECIMAL(18,2). */
    DECIMAL_2
}
