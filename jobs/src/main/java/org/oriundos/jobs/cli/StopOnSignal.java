package org.oriundos.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, SIGTERM (and Ctrl-C) ask the run to stop after its current chunk instead of killing
 * the JVM: the job is then marked STOPPED and the command exits with code 5. The JVM's shutdown
 * hooks are not involved, so the exit code is ours, not 143.
 */
final class StopOnSignal implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    StopOnSignal(Runnable stop) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, s -> stop.run()));
                signals.add(signal);
            } catch (IllegalArgumentException e) {
                // the platform does not have this signal (or the JVM reserves it): keep its default
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
