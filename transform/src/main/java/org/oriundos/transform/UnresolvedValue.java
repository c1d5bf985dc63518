package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;

/**
 * A value no rule could resolve: where it was read (raw table, period, file, line, the provider's
 * column), the value as written, its context (such as the state a municipality was looked up in)
 * and why it was not resolved. The conformed row carries {@code null} for it. It is also one row
 * of the conformed {@code unresolved} table ({@link ConformedTables#UNRESOLVED}): its components
 * are the table's columns, in order.
 */
public record UnresolvedValue(@Required String sourceTable, @Required String period, @Required String sourceFile,
                              long sourceLine, @Required String column, @Required String value,
                              String context,          // e.g. the state a municipality was looked up in
                              @Required String reason, @Required String loadId) {
}
