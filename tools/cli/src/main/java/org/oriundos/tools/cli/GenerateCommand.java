package org.oriundos.tools.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.oriundos.jobs.cli.CommandIo;
import org.oriundos.jobs.cli.ExitCode;
import org.oriundos.jobs.cli.OriundosCommand;
import org.oriundos.tools.sample.SampleExtracts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oriundos generate}: synthetic extracts of a given size; needs no data home. */
@Command(name = "generate", customSynopsis = "oriundos generate --rows N --out DIR [--seed S]",
        header = "write synthetic extracts of a given size (for load tests)",
        description = """
            Writes synthetic extracts with about N rows in all, in the providers' layouts and with
            their faults, into DIR (for example an inbox to load, or a benchmark).""")
public final class GenerateCommand extends OriundosCommand {
    static final long DEFAULT_SEED = 2019L;

    @Option(names = "--rows", paramLabel = "N", required = true, description = "how many rows in all")
    private long rows;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where to write the files")
    private String out;

    @Option(names = "--seed", paramLabel = "S", description = "the random seed (default 2019)")
    private long seed = DEFAULT_SEED;

    public GenerateCommand(CommandIo io) {
        super(io);
    }

    @Override
    public Integer call() {
        long n = within("--rows", rows, 1, Long.MAX_VALUE);
        Path dir = io.workingDir().resolve(out);
        List<Path> files = new SampleExtracts(within("--seed", seed, 0, Long.MAX_VALUE)).writeScaled(dir, n);
        io.out().printf(Locale.ROOT, "wrote %d files to %s: %,d 3x1 project rows, with the registry, the consulates'"
                + " activity and the surveys in proportion%n", files.size(), dir, n);
        return ExitCode.OK;
    }
}
