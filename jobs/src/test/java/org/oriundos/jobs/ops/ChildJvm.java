package org.oriundos.jobs.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts a real second JVM on this test's class path, so locks and signals are those of a real process. */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder builder(Class<?> mainClass, List<String> args) {
        List<String> command = command("512m", mainClass.getName());
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    /**
     * {@code java} of this JVM, with the heap given, this test's class path and the main class.
     * The child compiles with C1 only ({@code -XX:TieredStopAtLevel=1}): the children of the
     * tests run a small night or less, where C2's compilations cost more CPU than they save
     * (a 10,000-row nightly: 109 s of CPU with both compilers, 64 s with C1 alone); the tests
     * check what the child does, not how fast.
     */
    static List<String> command(String heap, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }

    /** Reads the child's standard output until a line starts with {@code prefix}; returns that line. */
    static String awaitLine(Process process, String prefix, Duration timeout)
            throws InterruptedException, TimeoutException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.startsWith(prefix)) {
                        return l;
                    }
                    seen.append(l).append('\n');
                }
                throw new IllegalStateException("child ended before printing '" + prefix + "'; it printed:\n" + seen);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
