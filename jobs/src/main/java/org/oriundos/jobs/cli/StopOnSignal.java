package org.oriundos.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, SIGTERM (and Ctrl-C) ask the run to stop after its current chunk instead of killing
 * the JVM: the job is then marked STOPPED and the command exits with code 5. The JVM's shutdown
 * hooks are not involved, so the exit code is ours, not 143. A second signal stops at once (exit
 * 5 too): the chunks committed stay committed, and the next nightly resumes after them.
 */
final class StopOnSignal implements AutoCloseable {
    private final AtomicInteger signals = new AtomicInteger();
    private final List<Signal> handled = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    StopOnSignal(Runnable stop) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, s -> {
                    if (signals.incrementAndGet() > 1) {
                        // asked twice: stop now; what was committed stays, the next nightly resumes from it
                        System.err.println("oriundos: stopping now, without waiting for the current chunk");
                        Runtime.getRuntime().halt(ExitCode.STOPPED);
                    }
                    System.err.println("oriundos: stopping after the current chunk (again to stop at once)");
                    stop.run();
                }));
                handled.add(signal);
            } catch (IllegalArgumentException e) {
                // the platform does not have this signal (or the JVM reserves it): keep its default
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < handled.size(); i++) {
            Signal.handle(handled.get(i), previous.get(i));
        }
    }
}
