package org.oriundos.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.tools.sample.SampleExtracts;
import org.oriundos.jobs.Fixtures;

/**
 * A provider's transfer appends to a file while the nightly loads it (the real command, in its
 * own process). The bytes the load read are not the ones the scan hashed: nothing of the file is
 * published and the ledger records nothing; the night says so and exits 6, and the next night
 * loads the whole file under the checksum of what it read.
 */
class ChangedUnderTheLoadProcessTest {

    @TempDir
    Path work;

    @Test
    void aFileAppendedDuringTheLoadIsNotPublishedAndTheNextNightTakesItWhole() throws Exception {
        Path home = work.resolve("home");
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        List<Path> written = new SampleExtracts(2019L).writeProjectsFile(inbox, 2014, 3_000); // 15 chunks
        Path file = written.get(0);
        Fixtures.settled(inbox);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long rowsAtTheScan = lines.size() - 1;

        OriundosProcess night = OriundosProcess.start(home, Map.of(), "nightly");
        night.awaitCommittedChunk(home);
        // the transfer goes on: more rows at the end of the file being read
        Files.writeString(file, String.join("\n", lines.subList(1, 201)).replace("-2014-", "-2014-9") + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        night.awaitExit();

        assertThat(night.exitCode()).as(night.console()).isEqualTo(6);
        assertThat(night.out()).as(night.console()).contains("not published " + file.getFileName()
                + ": the file changed while it was being loaded");
        Ledger ledger = new Ledger(LakeLocation.local(home.resolve("lake")));
        assertThat(ledger.entries()).extracting(LedgerEntry::fileName).doesNotContain(file.getFileName().toString());
        assertThat(OriundosProcess.countFiles(home.resolve("lake").resolve("staging"), ".parquet")).isZero();

        Fixtures.settled(file); // the transfer is over
        OriundosProcess next = OriundosProcess.runToEnd(home, Map.of(), "nightly");
        assertThat(next.exitCode()).as(next.console()).isIn(0, 6);
        LedgerEntry entry = ledger.current("projects", "2014").orElseThrow();
        assertThat(entry.bytes()).isEqualTo(Files.size(file));
        assertThat(entry.counts().read()).isGreaterThan(rowsAtTheScan);
    }
}
