package org.oriundos.tools.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults put into each file. Counts are exact; the faults themselves are kept up to a cap per
 * file, so a file of ten million rows does not make the log grow with it.
 */
final class FaultLog {
    static final int KEPT_PER_FILE = 1_000;

    private final List<InjectedFault> kept = new ArrayList<>();
    private final Map<String, EnumMap<FaultKind, Long>> counts = new LinkedHashMap<>();

    synchronized void add(InjectedFault fault) {
        EnumMap<FaultKind, Long> byKind = counts.computeIfAbsent(fault.fileName(), f -> new EnumMap<>(FaultKind.class));
        long before = byKind.values().stream().mapToLong(Long::longValue).sum();
        byKind.merge(fault.kind(), 1L, Long::sum);
        if (before < KEPT_PER_FILE) {
            kept.add(fault);
        }
    }

    synchronized List<InjectedFault> kept() {
        return List.copyOf(kept);
    }

    /** Exact counts of faults per file and kind. */
    synchronized Map<String, Map<FaultKind, Long>> counts() {
        Map<String, Map<FaultKind, Long>> copy = new LinkedHashMap<>();
        counts.forEach((file, byKind) -> copy.put(file, Map.copyOf(byKind)));
        return copy;
    }
}
