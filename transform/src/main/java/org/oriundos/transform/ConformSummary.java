package org.oriundos.transform;

import java.util.List;
import java.util.Map;

/**
 * What a conform run did: the raw partitions it conformed ({@code "projects/2007"}), how many
 * values it could not resolve (listed by {@link Unresolved}), and how many records each linking
 * rule linked (rule name to count).
 */
public record ConformSummary(List<String> partitionsConformed, long unresolvedValues, Map<String, Long> linksByRule) {
    public ConformSummary {
        partitionsConformed = List.copyOf(partitionsConformed);
        linksByRule = Map.copyOf(linksByRule);
    }
}
