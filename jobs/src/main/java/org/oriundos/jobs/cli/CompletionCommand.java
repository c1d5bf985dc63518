package org.oriundos.jobs.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code oriundos completion}: the bash (and zsh) completion script of every command and option. */
@Command(name = "completion", customSynopsis = "oriundos completion",
        header = "print the bash completion script: source <(bin/oriundos completion)",
        description = """
            Prints a completion script for bash (zsh loads it too, with bashcompinit) that completes
            the commands and the options of each. Load it in the current shell with
              source <(bin/oriundos completion)
            or install it once, e.g. bin/oriundos completion > ~/.local/share/bash-completion/completions/oriundos
            (bin/oriundos must be on the PATH as 'oriundos' for the completion to apply to it).""")
final class CompletionCommand extends OriundosCommand {

    CompletionCommand(CommandIo io) {
        super(io);
    }

    @Override
    public Integer call() {
        io.out().print(AutoComplete.bash("oriundos", spec.root().commandLine()));
        return ExitCode.OK;
    }
}
