package org.oriundos.tools;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.oriundos.jobs.cli.Cli;
import org.oriundos.jobs.cli.CommandIo;
import org.oriundos.tools.bench.BenchCommand;
import org.oriundos.tools.cli.DemoCommand;
import org.oriundos.tools.cli.GenerateCommand;

/**
 * The tools jar's {@code oriundos}: every command of the jar that runs at night, plus
 * {@code generate}, {@code demo} and {@code bench}, which need the sample generator and JMH, so
 * that the production jar does not (docs/architecture.md, "Tools"). {@code bin/oriundos} runs this
 * jar for those commands and for the list of commands.
 */
public final class OriundosTools {
    /** The commands only this jar has. */
    public static final List<Function<CommandIo, Object>> COMMANDS =
            List.of(DemoCommand::new, GenerateCommand::new, BenchCommand::new);

    private OriundosTools() {
    }

    /** The command line of this jar, reading the process's standard input. */
    public static Cli cli(InputStream in, PrintStream out, PrintStream err, Path workingDir) {
        return new Cli(in, out, err, workingDir, COMMANDS);
    }

    public static void main(String[] args) {
        int code = cli(System.in, System.out, System.err, Path.of("").toAbsolutePath()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
