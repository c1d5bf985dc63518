package org.oriundos.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.cli.Cli;
import org.oriundos.jobs.cli.CommandIo;
import org.oriundos.jobs.cli.ExitCode;
import org.oriundos.tools.OriundosTools;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the command line says, and the exit code it ends with, when it is used wrongly: every
 * command a user has, as {@code bin/oriundos} offers them (the tools jar's command line, which
 * has those of the production jar too).
 */
class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return OriundosTools.cli(System.in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir).run(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandPrintsTheUsageAndExitsWithBadArguments() {
        assertThat(run()).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("usage: oriundos COMMAND").contains("nightly").contains("demo").contains("status");
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("nightly", "demo", "status", "sql", "rejects", "unresolved", "report", "generate",
                "backfill", "schedule");
    }

    @Test
    void eachCommandExplainsItselfWithHelpNamingEveryOption() {
        Map<String, CommandLine> commands = commands();
        assertThat(commands.keySet()).containsAll(EVERY_COMMAND);
        for (Map.Entry<String, CommandLine> command : commands.entrySet()) {
            String name = command.getKey();
            out.reset();
            assertThat(run(name, "--help")).as(name).isZero();
            assertThat(out()).as(name).startsWith("usage: oriundos " + name);
            String help = out().replaceAll("\\s+", " "); // as picocli wraps it
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertThat(help).as(name).contains(option.longestName()).contains(option.description()[0]);
                }
            }
            if (!List.of("help", "completion", "generate").contains(name)) {
                assertThat(out()).as(name).contains("--home", "--verbose", "--help", "Settings may also be given");
            }
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void helpOfOneCommandIsItsHelp() {
        assertThat(run("help", "sql")).isZero();
        assertThat(out()).startsWith("usage: oriundos sql").contains("--csv", "--file FILE", "Exit codes: 0 done");
    }

    @Test
    void anUnknownOptionOfAnyCommandIsBadArgumentsNamingIt() {
        for (String name : EVERY_COMMAND.subList(0, EVERY_COMMAND.indexOf("help"))) {
            err.reset();
            assertThat(run(name, "--no-such-option=1")).as(name).isEqualTo(ExitCode.BAD_ARGUMENTS);
            assertThat(err()).as(name).isEqualTo("oriundos " + name + ": '" + name + "' has no option --no-such-option"
                    + " (see: oriundos " + name + " --help)\n");
        }
    }

    @Test
    void anArgumentToACommandThatTakesNoneIsBadArgumentsNamingIt() {
        assertThat(run("status", "--home", dir.toString(), "recent")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).isEqualTo("oriundos status: 'status' takes no argument 'recent' (see: oriundos status --help)\n");
    }

    @Test
    void anOptionGivenTwiceIsBadArguments() {
        assertThat(run("nightly", "--home", "a", "--home", "b")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("--home is given twice");
    }

    @Test
    void aSettingWithoutItsValueIsBadArguments() {
        assertThat(run("nightly", "--oriundos.base-year")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("--oriundos.base-year needs a value: --oriundos.base-year=VALUE");
    }

    @Test
    void theCompletionScriptCompletesEveryCommandAndItsOptions() {
        assertThat(run("completion")).isZero();
        String script = out();
        assertThat(script).contains("complete -F _complete_oriundos");
        for (String name : EVERY_COMMAND) {
            assertThat(script).as(name).containsPattern("\\b" + name + "\\b");
        }
        assertThat(script).contains("--full-rebuild", "--on-failure", "--csv", "--cron", "--from-bench", "--view-rows");
    }

    /** The commands README and docs/operations.md list: a command dropped from the tree fails here. */
    private static final List<String> EVERY_COMMAND = List.of("nightly", "demo", "status", "sql", "rejects", "unresolved",
            "report", "generate", "backfill", "schedule", "bench", "links", "completion", "help");

    private Map<String, CommandLine> commands() {
        return Cli.commandLine(new CommandIo(InputStream.nullInputStream(), System.out, System.err, dir, Map.of()),
                OriundosTools.COMMANDS).getSubcommands();
    }

    @Test
    void unknownCommandIsBadArgumentsNamingIt() {
        assertThat(run("nightlly")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("unknown command 'nightlly'");
    }

    @Test
    void unknownOptionIsBadArgumentsNamingItAndTheCommand() {
        assertThat(run("nightly", "--ful-rebuild")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).isEqualTo("oriundos nightly: 'nightly' has no option --ful-rebuild (see: oriundos nightly --help)\n");
    }

    @Test
    void optionWithoutItsValueIsBadArguments() {
        assertThat(run("status", "--home")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("--home needs a value");
    }

    @Test
    void reportWithoutYearIsBadArguments() {
        assertThat(run("report", "--home", dir.toString())).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("'report' needs --year Y");
    }

    @Test
    void generateWithRowsThatAreNotANumberIsBadArguments() {
        assertThat(run("generate", "--rows", "many", "--out", "x")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("--rows must be a whole number, got 'many'");
    }

    @Test
    void backfillOfAnUnknownSourceIsBadArguments() {
        assertThat(run("backfill", "--source", "4x1", "--year", "2007", "--home", dir.toString()))
                .isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("--source must be 3x1, registry, consular, survey or remittances, got '4x1'");
    }

    @Test
    void aRejectShareOutsideZeroToOneIsBadArguments() {
        assertThat(run("nightly", "--home", dir.toString(), "--oriundos.max-reject-share=5")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("oriundos.max-reject-share must be between 0 and 1, got '5'");
    }

    @Test
    void sqlWithoutAWarehouseSaysToLoadFirstInOneSentence() {
        assertThat(run("sql", "--home", dir.toString(), "select 1")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("there is no warehouse at").contains("run the nightly load first")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void sqlWithTwoQueriesAsksToQuoteTheQuery() {
        assertThat(run("sql", "--home", dir.toString(), "select", "1")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("quote the query");
    }

    @Test
    void aQueryIsGivenOnceAndFromSomewhereThatHasOne() throws Exception {
        assertThat(run("sql", "--home", dir.toString())).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("give the query as one argument", "--file", "standard input");
        java.nio.file.Files.writeString(dir.resolve("q.sql"), "select 1");
        assertThat(run("sql", "--home", dir.toString(), "--file", "q.sql", "select 2")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("give the query once");
        assertThat(run("sql", "--home", dir.toString(), "--file", "missing.sql")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("there is no query file " + dir.resolve("missing.sql"));
        java.nio.file.Files.writeString(dir.resolve("empty.sql"), "  \n");
        assertThat(run("sql", "--home", dir.toString(), "--file", "empty.sql")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("is empty");
    }

    @Test
    void aReportLanguageIsEsOrEnOnTheCommandLineAndInTheSettings() {
        assertThat(run("report", "--home", dir.toString(), "--year", "2019", "--lang", "fr")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("--lang: the report's language must be en (English) or es (Spanish), not 'fr'");
        assertThat(run("nightly", "--home", dir.toString(), "--oriundos.report.lang=pt")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("oriundos.report.lang: the report's language must be en (English) or es (Spanish), not 'pt'");
    }

    @Test
    void scheduleWithABadCronExpressionIsBadArguments() {
        assertThat(run("schedule", "--home", dir.toString(), "--cron", "every night")).isEqualTo(ExitCode.BAD_ARGUMENTS);
        assertThat(err()).contains("every night");
    }
}
