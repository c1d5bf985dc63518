package org.oriundos.ingest;

/**
 * Why one value (or a whole row, when {@code column} is null) of a delivered file could not be
 * loaded, said so a person can find it: file, physical line, column as delivered, raw value, reason.
 * Never carries personal data (the leader's name, phone or e-mail).
 */
public record RejectedRow(String sourceFile, String sourceTable, String period, long line,
                          String column, String value, String reason) {

    @Override
    public String toString() {
        return sourceFile + ":" + line + (column == null ? "" : " column " + column)
                + (value == null ? "" : " value '" + value + "'") + ": " + reason;
    }
}
