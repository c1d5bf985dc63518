package org.oriundos.ingest.lake;

/**
 * A hook called before each step of each save to the lake (see {@link Generations}), naming the
 * step. The product runs with {@link #NONE}; a fault-injection test gives one that throws at a
 * chosen step, which leaves the lake exactly as a process killed there would.
 */
@FunctionalInterface
public interface CrashPoint {
    CrashPoint NONE = step -> { };

    void reached(String step);
}
