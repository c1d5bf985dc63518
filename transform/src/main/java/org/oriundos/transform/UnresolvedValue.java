package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;

/**
 * A value no rule could resolve: where it was read (raw table, period, file, line, the provider's
 * column), the value as written, its context (such as the state a municipality was looked up in)
 * and why it was not resolved (in English, and as an {@link UnresolvedReason} code with its
 * parameters). The conformed row carries {@code null} for it. It is also one row of the conformed
 * {@code unresolved} table ({@link ConformedTables#UNRESOLVED}): its components are the table's
 * columns, in order; the code and parameters come last, so a file written before them reads with
 * both null.
 */
public record UnresolvedValue(@Required String sourceTable, @Required String period, @Required String sourceFile,
                              long sourceLine, @Required String column, @Required String value,
                              String context,          // e.g. the state a municipality was looked up in
                              @Required String reason, @Required String loadId,
                              String reasonCode,       // an UnresolvedReason; null in a file written before the codes
                              String reasonArgs) {     // its parameters (Reason.SEPARATOR between); null when none

    /** A value an older version listed without a code. */
    public UnresolvedValue(String sourceTable, String period, String sourceFile, long sourceLine, String column,
                           String value, String context, String reason, String loadId) {
        this(sourceTable, period, sourceFile, sourceLine, column, value, context, reason, loadId, null, null);
    }
}
