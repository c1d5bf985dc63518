package org.oriundos.transform.identity;

/**
 * One line of the analyst's override file: link a source record to an association
 * ({@code LINK}), or keep it apart from whatever the rules would link it to ({@code APART}).
 * {@code period} null applies to every period of the source table.
 */
public record AssociationOverride(Action action, String sourceTable, String period, String sourceRecordId,
                                  String associationId, String reason, String where) {
    public enum Action {
        LINK,
        APART
    }
}
