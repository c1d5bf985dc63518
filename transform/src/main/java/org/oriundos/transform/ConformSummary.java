package org.oriundos.transform;

import java.util.List;
import java.util.Map;

/**
 * What a conform run did: the raw partitions it conformed ({@code "projects/2007"}), how many
 * values of the conformed zone are unresolved after it (all of them, listed by
 * {@link Unresolved}, not only those of this run's partitions), and how many records this run
 * linked by each linking rule (rule name to count).
 */
public record ConformSummary(List<String> partitionsConformed, long unresolvedValues, Map<String, Long> linksByRule) {
    public ConformSummary {
        partitionsConformed = List.copyOf(partitionsConformed);
        linksByRule = Map.copyOf(linksByRule);
    }
}
