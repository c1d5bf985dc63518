package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.jobs.Fixtures;

/**
 * The disk fills up during a night: the lake cannot take another byte, and the log cannot be
 * written either. The command ends with exit code 3 and one line on the console, the published
 * warehouse is the one of the night before, byte for byte, and logback's own complaints about the
 * log file stay off the console.
 */
class FullDiskProcessTest {

    @TempDir
    Path work;

    @Test
    void aFullDiskEndsTheRunWithExitCode3AndOneLineAndLeavesTheWarehouseAsItWas() throws Exception {
        Path home = work.resolve("home");
        String lake = FullDiskFileSystem.SCHEME + "://" + home.resolve("lake").toAbsolutePath();
        Fixtures.deliver(home, List.of("3x1_proyectos_2018.csv", "ime_directorio_2018-12-31.csv"));
        OriundosProcess first = OriundosProcess.runToEnd(home, Map.of(), "nightly", "--lake", lake);
        assertThat(first.exitCode()).as(first.console()).isIn(0, 6);
        Path warehouse = home.resolve("warehouse/oriundos.duckdb");
        String before = sha256(warehouse);

        Fixtures.deliver(home, List.of("3x1_proyectos_2007.csv", "survey_MMP_2018.csv"));
        // the log is on the full disk too: /dev/full takes the file open and fails every write
        Path log = home.resolve("logs/oriundos.log");
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full on this system");
        Files.delete(log);
        Files.createSymbolicLink(log, Path.of("/dev/full"));
        OriundosProcess full = OriundosProcess.runToEnd(home,
                Map.of(FullDiskFileSystem.FREE_BYTES, "2000"), "nightly", "--lake", lake);

        assertThat(full.exitCode()).as(full.console()).isEqualTo(3);
        assertThat(full.err().lines().toList()).as(full.console()).singleElement().asString()
                .startsWith("run 2 failed in step ").contains("the disk is full (no space left on device)")
                .contains("the published warehouse is unchanged");
        assertThat(full.out()).as(full.console()).isEmpty();
        assertThat(sha256(warehouse)).isEqualTo(before);

        // space is back: the next night resumes and publishes both nights' files
        Files.delete(log);
        OriundosProcess resumed = OriundosProcess.runToEnd(home, Map.of(), "nightly", "--lake", lake);
        assertThat(resumed.exitCode()).as(resumed.console()).isIn(0, 6);
        assertThat(resumed.out()).contains("run 2");
        assertThat(sha256(warehouse)).isNotEqualTo(before);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
