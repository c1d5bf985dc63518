package org.oriundos.ingest;

/**
 * Why one value (or a whole row, when {@code column} is null) of a delivered file could not be
 * loaded, said so a person can find it: file, physical line, column as delivered, raw value, reason;
 * and the reason's stable code and parameters ({@link Reason}, {@link RejectReason}), for the
 * report's languages. Never carries personal data (the leader's name, phone or e-mail).
 * {@code reasonCode} is null only for a reject an older version recorded without one.
 */
public record RejectedRow(String sourceFile, String sourceTable, String period, long line,
                          String column, String value, String reason, String reasonCode, String reasonArgs) {

    /** A reject with its reason's code and parameters: how every reject is made. */
    public RejectedRow(String sourceFile, String sourceTable, String period, long line, String column, String value,
                       Reason why) {
        this(sourceFile, sourceTable, period, line, column, value, why.text(), why.code(), why.argsText());
    }

    @Override
    public String toString() {
        return sourceFile + ":" + line + (column == null ? "" : " column " + column)
                + (value == null ? "" : " value '" + value + "'") + ": " + reason;
    }
}
