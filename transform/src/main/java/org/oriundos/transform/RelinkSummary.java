package org.oriundos.transform;

import java.util.Map;

/**
 * What a relink did: the conform run it was, how many records of the current deliveries were
 * linked again, and how many of them changed association (by the rule that now links them).
 */
public record RelinkSummary(ConformSummary conform, long records, long changed, Map<String, Long> changedByRule) {
    public RelinkSummary {
        changedByRule = Map.copyOf(changedByRule);
    }
}
