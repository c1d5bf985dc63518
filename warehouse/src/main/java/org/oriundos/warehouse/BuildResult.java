package org.oriundos.warehouse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a build did: the published file, whether it was replaced ({@code changed} is false when
 * the lake held nothing new and the published file was left as it was), the lake partitions
 * applied ({@code table/period}), the rows of every warehouse table, the quality checks passed,
 * the warnings raised (also in the warehouse's {@code audit_quality_warning}), and what the
 * operator should be told of the data the build took in ({@code notes}: one sentence each, such as
 * what a Banco de México export it applied changed, or that it changed nothing).
 */
public record BuildResult(Path published, boolean changed, List<String> partitionsApplied,
                          Map<String, Long> rowCounts, List<String> checksPassed, List<Warning> warnings,
                          List<String> notes) {
    /** A {@code -- warn:} check that found rows: its name, how many, and the first of them as a table. */
    public record Warning(String check, int rows, String firstRows) {
    }

    public BuildResult {
        partitionsApplied = List.copyOf(partitionsApplied);
        rowCounts = Map.copyOf(rowCounts);
        checksPassed = List.copyOf(checksPassed);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** A build with nothing to tell beyond its counts. */
    public BuildResult(Path published, boolean changed, List<String> partitionsApplied, Map<String, Long> rowCounts,
                       List<String> checksPassed) {
        this(published, changed, partitionsApplied, rowCounts, checksPassed, List.of(), List.of());
    }
}
