package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first nightly of a data home, and one whose inbox cannot be read. */
class NightlyOnANewHomeTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                dir).run(args);
    }

    @Test
    void aNewHomeGetsAnEmptyInboxAndNothingIsLoaded() throws Exception {
        assertThat(run("nightly", "--home", "fresh")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("nothing new in " + dir.resolve("fresh/inbox") + ": 0 files already loaded\n");
        assertThat(dir.resolve("fresh/inbox")).isEmptyDirectory();
        assertThat(dir.resolve("fresh/warehouse")).doesNotExist();
    }

    @Test
    void anInboxThatIsNotAFolderFailsTheLoadBeforeAnythingIsLoaded() throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/inbox"), "not a folder");

        assertThat(run("nightly", "--home", "broken")).isEqualTo(ExitCode.LOAD_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("run 1 failed in step scanInbox: ")
                .contains(dir.resolve("broken/inbox").toString()).doesNotContain("\tat ");
        assertThat(dir.resolve("broken/warehouse")).doesNotExist();
    }
}
