package org.oriundos.transform;

/**
 * A value no rule could resolve: where it was read (raw table, period, file, line, the provider's
 * column), the value as written, its context (such as the state a municipality was looked up in)
 * and why it was not resolved. The conformed row carries {@code null} for it.
 */
public record UnresolvedValue(String sourceTable, String period, String sourceFile, long sourceLine, String column,
                              String value, String context, String reason, String loadId) {
}
