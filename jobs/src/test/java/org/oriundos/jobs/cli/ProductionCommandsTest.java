package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of the jar the nightly runs: every command but the tools' ({@code generate},
 * {@code demo}, {@code bench}, which the tools jar adds; bin/oriundos runs that jar for them), and
 * nothing of the tools on its class path. The whole list, help and messages of every command are
 * checked on the tools jar's command line (tools/cli, CommandLineTest).
 */
class ProductionCommandsTest {
    @TempDir
    Path dir;

    @Test
    void theProductionJarHasEveryCommandButTheTools() {
        var commands = Cli.commandLine(new CommandIo(InputStream.nullInputStream(), System.out, System.err, dir, Map.of()))
                .getSubcommands().keySet();
        assertThat(commands).containsExactly("nightly", "status", "sql", "rejects", "unresolved", "report", "backfill",
                "schedule", "links", "completion", "help");
    }

    @Test
    void aToolsCommandIsNotOneOfTheProductionJar() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir).run("bench", "--micro");
        assertThat(code).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("oriundos: unknown command 'bench'");
    }

    /** JMH is a dependency of tools/cli only; the enforcer rule of jobs' pom keeps it out of the nightly's jar too. */
    @Test
    void neitherJmhNorTheToolsAreOnTheProductionClassPath() {
        assertThatThrownBy(() -> Class.forName("org.openjdk.jmh.runner.Runner")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.oriundos.tools.OriundosTools")).isInstanceOf(ClassNotFoundException.class);
    }
}
