package org.oriundos.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first nightly of a data home, and one whose inbox cannot be read. */
class NightlyOnANewHomeTest {

    @TempDir
    Path dir;

    private CliSession cli;

    @BeforeEach
    void openCliInTheTestFolder() {
        cli = new CliSession(dir);
    }

    @Test
    void aNewHomeGetsAnEmptyInboxAndNothingIsLoaded() throws Exception {
        assertThat(cli.run("nightly", "--home", "fresh")).as(cli.err()).isZero();
        assertThat(cli.out())
                .isEqualTo("nothing new in " + dir.resolve("fresh/inbox") + ": 0 files already loaded\n");
        assertThat(dir.resolve("fresh/inbox")).isEmptyDirectory();
        assertThat(dir.resolve("fresh/warehouse")).doesNotExist();
    }

    @Test
    void aNewHomeGetsTheAnalystsCorrectionFilesExplainedAndAnEditedOneIsKept() throws Exception {
        assertThat(cli.run("nightly", "--home", "fresh")).as(cli.err()).isZero();
        Path aliases = dir.resolve("fresh/conf/geography_aliases.csv");
        assertThat(Files.readAllLines(aliases)).first().isEqualTo("kind,state,name,code");
        assertThat(Files.readString(aliases)).contains("oriundos unresolved", "After editing: oriundos nightly");
        assertThat(Files.readAllLines(dir.resolve("fresh/conf/association_overrides.csv"))).first()
                .isEqualTo("action,source_table,period,source_record_id,association_id,reason");

        Files.writeString(aliases, "kind,state,name,code\nSTATE,,Zacatecaz,32\n");
        assertThat(cli.run("nightly", "--home", "fresh")).as(cli.err()).isZero();
        assertThat(Files.readString(aliases)).isEqualTo("kind,state,name,code\nSTATE,,Zacatecaz,32\n");
    }

    @Test
    void anInboxThatIsNotAFolderFailsTheLoadBeforeAnythingIsLoaded() throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken/inbox"), "not a folder");

        assertThat(cli.run("nightly", "--home", "broken")).isEqualTo(ExitCode.LOAD_FAILED);
        assertThat(cli.err()).startsWith("run 1 failed in step scanInbox: ")
                .contains(dir.resolve("broken/inbox").toString()).doesNotContain("\tat ");
        assertThat(dir.resolve("broken/warehouse")).doesNotExist();
    }
}
