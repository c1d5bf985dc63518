package org.oriundos.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a build did: the published file, whether it was replaced ({@code changed} is false when
 * the lake held nothing new and the published file was left as it was), the lake partitions
 * applied ({@code table/period}), the rows of every warehouse table, and the quality checks passed.
 */
public record BuildResult(Path published, boolean changed, List<String> partitionsApplied,
                          Map<String, Long> rowCounts, List<String> checksPassed) {
    public BuildResult {
        partitionsApplied = List.copyOf(partitionsApplied);
        rowCounts = Map.copyOf(rowCounts);
        checksPassed = List.copyOf(checksPassed);
    }
}
