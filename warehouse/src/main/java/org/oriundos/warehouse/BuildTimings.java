package org.oriundos.warehouse;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where one build's time went, stage by stage: the wall time of each stage and the CPU time the
 * whole process used meanwhile (DuckDB's threads included), so that a build on a loaded machine
 * still says what it cost. Logged once at the end of the build.
 */
final class BuildTimings {
    private final Map<String, long[]> stages = new LinkedHashMap<>();
    private final com.sun.management.OperatingSystemMXBean cpu =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os : null;
    private long wallMark = System.nanoTime();
    private long cpuMark = processCpuNanos();

    /**
     * Ends the step running since the previous lap (or since this was made) and adds it to the
     * stage of that name; returns the step's own {@code wall ms/CPU ms}, for a finer log line.
     */
    String lap(String stage) {
        long wall = System.nanoTime();
        long cpuNow = processCpuNanos();
        long wallStep = wall - wallMark;
        long cpuStep = cpuNow < 0 || cpuMark < 0 ? 0 : cpuNow - cpuMark;
        long[] sums = stages.computeIfAbsent(stage, s -> new long[2]);
        sums[0] += wallStep;
        sums[1] += cpuStep;
        wallMark = wall;
        cpuMark = cpuNow;
        return wallStep / 1_000_000 + "/" + cpuStep / 1_000_000 + " ms";
    }

    /** {@code stage wall ms/process CPU ms, …} in the order the stages first ran, and their totals. */
    String summary() {
        StringJoiner out = new StringJoiner(", ");
        long wall = 0;
        long cpuTotal = 0;
        for (var e : stages.entrySet()) {
            out.add(e.getKey() + " " + e.getValue()[0] / 1_000_000 + "/" + e.getValue()[1] / 1_000_000);
            wall += e.getValue()[0];
            cpuTotal += e.getValue()[1];
        }
        return out + "; total " + wall / 1_000_000 + "/" + cpuTotal / 1_000_000
                + " (ms of wall time/ms of the process's CPU time)";
    }

    private long processCpuNanos() {
        return cpu == null ? -1 : cpu.getProcessCpuTime();
    }
}
