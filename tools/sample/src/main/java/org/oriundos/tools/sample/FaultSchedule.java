package org.oriundos.tools.sample;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides, row by row and without looking ahead, which rows of a file carry a fault: each kind's
 * rows are spread evenly over the file with a random jitter, so a count asked for is the count
 * delivered, and memory stays constant however long the file. One row carries at most one fault,
 * so each rejected row has exactly one reason; a fault due on a busy row moves to the next one.
 */
final class FaultSchedule {
    private final Rng rng;
    private final long rows;
    private final EnumMap<FaultKind, long[]> state = new EnumMap<>(FaultKind.class); // {count, done, next}

    FaultSchedule(Rng rng, long rows, Map<FaultKind, Long> counts) {
        this.rng = rng;
        this.rows = rows;
        // in the enum's order, not the map's: Map.of iterates differently in every JVM
        for (FaultKind kind : FaultKind.values()) {
            long count = counts.getOrDefault(kind, 0L);
            if (count > 0) {
                long[] s = {count, 0, 0};
                s[2] = position(s);
                state.put(kind, s);
            }
        }
    }

    /** The fault due at {@code row} (0-based data row) that can apply to it, or null. */
    FaultKind at(long row, Predicate<FaultKind> applies) {
        for (Map.Entry<FaultKind, long[]> e : state.entrySet()) {
            long[] s = e.getValue();
            if (s[1] < s[0] && s[2] <= row && applies.test(e.getKey())) {
                s[1]++;
                s[2] = Math.max(row + 1, position(s));
                return e.getKey();
            }
        }
        return null;
    }

    FaultKind at(long row) {
        return at(row, k -> true);
    }

    private long position(long[] s) {
        double slot = (double) rows / s[0];
        return (long) Math.floor((s[1] + rng.nextDouble()) * slot);
    }
}
