package org.oriundos.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The command line as a user runs it from a working directory, one command after another; keeps
 * what the last command printed, so each assertion reads only that command's output.
 */
final class CliSession {
    private final Path workingDirectory;
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteArrayOutputStream err = new ByteArrayOutputStream();

    CliSession(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Runs one command and returns its exit code. */
    int run(String... args) {
        return runWithInput("", args);
    }

    /** Runs one command with {@code stdin} as its standard input and returns its exit code. */
    int runWithInput(String stdin, String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new Cli(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                workingDirectory).run(args);
    }

    /** What the last command printed to standard output. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last command printed to standard error. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
