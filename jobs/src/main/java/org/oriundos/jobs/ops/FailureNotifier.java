package org.oriundos.jobs.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells someone that a scheduled load failed, by running the operator's command
 * ({@code --on-failure "CMD"}) through {@code /bin/sh -c} with the failure in its environment:
 *
 * <pre>
 * ORIUNDOS_RUN_ID     the job execution id (or the schedule's id for the tick)
 * ORIUNDOS_REASON     what failed, one line
 * ORIUNDOS_HOME       the data home
 * ORIUNDOS_EXIT_CODE  the run's exit code
 * </pre>
 *
 * e.g. {@code --on-failure 'echo "$ORIUNDOS_REASON" | mail -s "oriundos run $ORIUNDOS_RUN_ID failed" ops@example.org'}.
 * The command gets no input, its output goes to the log, and it is killed (with its children) when
 * it runs past its time limit. A notice that cannot be sent is logged, never thrown: it must not
 * hide the failure it was about.
 */
public final class FailureNotifier {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(FailureNotifier.class);
    private static final int MAX_OUTPUT_BYTES = 16 * 1024;

    private final String command;
    private final Duration timeout;

    /**
     * @param command the shell command to run on failure; null or blank for none
     * @param timeout how long the command may run before it is killed
     */
    public FailureNotifier(String command, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the failure command's time limit must be positive, not " + timeout);
        }
        this.command = command == null || command.isBlank() ? null : command;
        this.timeout = timeout;
    }

    /** Notifies nobody. */
    public static FailureNotifier none() {
        return new FailureNotifier(null, DEFAULT_TIMEOUT);
    }

    public boolean isConfigured() {
        return command != null;
    }

    /** Runs the command for {@code failure} and waits for it, at most the time limit. */
    public Notice notify(RunFailure failure) {
        if (command == null) {
            return new Notice(Notice.Outcome.NOT_CONFIGURED, -1, "");
        }
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ORIUNDOS_RUN_ID", failure.runId());
        env.put("ORIUNDOS_REASON", failure.reason());
        env.put("ORIUNDOS_HOME", failure.home().toAbsolutePath().toString());
        env.put("ORIUNDOS_EXIT_CODE", Integer.toString(failure.exitCode()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            log.error("Could not run the failure command [{}] for run {}: {}", command, failure.runId(), e.getMessage());
            return new Notice(Notice.Outcome.COULD_NOT_START, -1, e.getMessage());
        }
        try {
            process.getOutputStream().close(); // no input: the command must not wait for a person
        } catch (IOException e) {
            log.debug("Closing the failure command's input failed", e);
        }
        OutputCollector output = new OutputCollector(process.getInputStream());
        output.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                String text = output.text();
                log.error("The failure command [{}] for run {} ran past its limit of {} s and was killed; it printed: {}",
                        command, failure.runId(), timeout.toSeconds(), text);
                return new Notice(Notice.Outcome.TIMED_OUT, -1, text);
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Notice(Notice.Outcome.TIMED_OUT, -1, output.text());
        }
        String text = output.text();
        int exit = process.exitValue();
        if (exit != 0) {
            log.error("The failure command [{}] for run {} exited with {}; it printed: {}",
                    command, failure.runId(), exit, text);
            return new Notice(Notice.Outcome.COMMAND_FAILED, exit, text);
        }
        log.info("Sent the failure notice for run {} ([{}]){}", failure.runId(), command,
                text.isEmpty() ? "" : "; it printed: " + text);
        return new Notice(Notice.Outcome.SENT, 0, text);
    }

    /**
     * What became of a notice.
     *
     * @param exitCode the command's exit code, -1 when it did not exit by itself
     * @param output   what it printed (standard output and error), cut at 16 KB
     */
    public record Notice(Outcome outcome, int exitCode, String output) {
        public enum Outcome { SENT, COMMAND_FAILED, TIMED_OUT, COULD_NOT_START, NOT_CONFIGURED }
    }

    /** Drains the command's output so a chatty command never blocks on a full pipe. */
    private static final class OutputCollector extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        OutputCollector(InputStream in) {
            super("failure-command-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.max(0, Math.min(n, MAX_OUTPUT_BYTES - kept.size())));
                    }
                }
            } catch (IOException e) {
                // the process was killed: what it printed so far is all there is
            }
        }

        String text() {
            try {
                join(2_000); // the rest of the output after the process ended
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8).strip();
            }
        }
    }
}
