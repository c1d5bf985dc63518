package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.oriundos.ingest.TestLake.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.lake.TableSchema;

class RedeliveryTest {
    private static final TableSchema P = RawTables.PROJECTS;

    @TempDir
    Path tmp;
    TestLake lake;

    @BeforeEach
    void setUp() throws Exception {
        lake = new TestLake(tmp);
    }

    private List<LedgerEntry> loadInbox() {
        InboxScan scan = new Inbox(lake.inbox).scan(lake.ledger());
        FileLoader loader = new FileLoader(lake.lake, IngestOptions.DEFAULTS);
        List<LedgerEntry> out = new ArrayList<>();
        for (Delivery d : scan.toLoad()) {
            out.add(loader.load(d));
        }
        return out;
    }

    @Test
    void aCorrectedFileReplacesThePeriodAndTheRecordsSayWhichLoadItReplaced() {
        lake.deliver("3x1_proyectos_2007.csv");
        LedgerEntry first = loadInbox().get(0);
        lake.deliver("3x1_proyectos_2007_v2.csv");
        List<LedgerEntry> second = loadInbox();

        assertThat(second).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(LedgerEntry.Status.LOADED);
            assertThat(e.replacedLoadId()).isEqualTo(first.loadId());
        });
        assertThat(lake.rows(P, "2007")).extracting(r -> col(P, r, "folio"), r -> col(P, r, "federal_mxn"),
                        r -> col(P, r, "_source_file"))
                .containsExactly(tuple("3X1-ZAC-2007-0001", 31_000_000L, "3x1_proyectos_2007_v2.csv"),
                        tuple("3X1-DGO-2007-0002", 12_500_000L, "3x1_proyectos_2007_v2.csv"));
        assertThat(lake.ledger().current("projects", "2007")).get()
                .extracting(LedgerEntry::fileName).isEqualTo("3x1_proyectos_2007_v2.csv");
    }

    @Test
    void aCorrectedFileStaysCurrentWhenTheClockWentBackSinceTheDeliveryItReplaces() {
        lake.deliver("3x1_proyectos_2007.csv");
        LedgerEntry first = loadInbox().get(0);
        // the clock read an hour later when the first delivery was published than it does now (stepped back since)
        LedgerEntry ahead = new LedgerEntry(first.loadId(), first.fileName(), first.sourceTable(), first.period(),
                first.sha256(), first.bytes(), first.encoding(), first.layout(), first.counts(), first.status(),
                first.replacedLoadId(), first.message(), first.loadedAt().plus(1, java.time.temporal.ChronoUnit.HOURS),
                first.absentColumns());
        lake.ledger().append(ahead);
        lake.deliver("3x1_proyectos_2007_v2.csv");
        LedgerEntry second = loadInbox().get(0);

        assertThat(second.loadedAt()).isAfter(ahead.loadedAt());
        assertThat(lake.ledger().current("projects", "2007")).get()
                .extracting(LedgerEntry::fileName).isEqualTo("3x1_proyectos_2007_v2.csv");
        assertThat(lake.rows(P, "2007")).extracting(r -> col(P, r, "_source_file"))
                .containsOnly("3x1_proyectos_2007_v2.csv");
    }

    @Test
    void bothVersionsInOneInboxLoadInDeliveryOrderSoTheLatestWins() {
        lake.deliver("3x1_proyectos_2007_v2.csv");
        lake.deliver("3x1_proyectos_2007.csv");

        assertThat(loadInbox()).extracting(LedgerEntry::fileName)
                .containsExactly("3x1_proyectos_2007.csv", "3x1_proyectos_2007_v2.csv");
        assertThat(lake.rows(P, "2007")).hasSize(2);
    }

    @Test
    void theSameBytesDeliveredAgainAreANoOp() throws Exception {
        lake.deliver("3x1_proyectos_2007.csv");
        loadInbox();
        List<LedgerEntry> before = lake.ledger().entries();

        // the same bytes again, even under another name
        lake.deliver("3x1_proyectos_2007.csv", "3x1_proyectos_2007_v4.csv");
        InboxScan scan = new Inbox(lake.inbox).scan(lake.ledger());

        assertThat(scan.toLoad()).isEmpty();
        assertThat(scan.alreadyLoaded()).extracting(Delivery::fileName)
                .containsExactly("3x1_proyectos_2007.csv", "3x1_proyectos_2007_v4.csv");
        assertThat(loadInbox()).isEmpty();
        assertThat(lake.ledger().entries()).hasSameSizeAs(before);
    }

    @Test
    void theSameNameWithNewBytesReplacesThePeriod() throws Exception {
        lake.deliver("3x1_proyectos_2007.csv");
        loadInbox();
        lake.deliver("3x1_proyectos_2007_v2.csv", "3x1_proyectos_2007.csv");

        List<LedgerEntry> loaded = loadInbox();

        assertThat(loaded).singleElement().satisfies(e -> assertThat(e.replacedLoadId()).isNotNull());
        assertThat(lake.rows(P, "2007")).hasSize(2);
    }

    @Test
    void aFailedReplacementLeavesTheEarlierDeliveryInPlace() {
        lake.deliver("3x1_proyectos_2007.csv");
        LedgerEntry first = loadInbox().get(0);
        lake.deliver("3x1_proyectos_2007_v3.csv");

        LedgerEntry failed = loadInbox().get(0);

        assertThat(failed.status()).isEqualTo(LedgerEntry.Status.FAILED);
        // nothing of a refused file is loaded: the row that passed validation counts as rejected with it
        assertThat(failed.counts()).isEqualTo(new FileCounts(3, 0, 3, 0));
        assertThat(lake.rows(P, "2007")).hasSize(3)
                .allSatisfy(r -> assertThat(col(P, r, "_load_id")).isEqualTo(first.loadId()));
        assertThat(lake.ledger().current("projects", "2007")).get().isEqualTo(first);
        assertThat(lake.rejects("3x1_proyectos_2007_v3.csv")).extracting(RejectedRow::line, RejectedRow::column)
                .containsExactly(tuple(0L, null), tuple(2L, "APORTACION_FEDERAL"), tuple(3L, "AÑO"));
        // the same refused bytes are not tried again night after night: they are listed as still refused
        InboxScan next = new Inbox(lake.inbox).scan(lake.ledger());
        assertThat(next.toLoad()).isEmpty();
        assertThat(next.stillRefused()).singleElement().satisfies(r -> {
            assertThat(r.delivery().fileName()).isEqualTo("3x1_proyectos_2007_v3.csv");
            assertThat(r.refusal()).isEqualTo(failed);
        });
        // unless asked (a full rebuild: the operator may have raised the threshold)
        assertThat(new Inbox(lake.inbox).scan(lake.ledger(), true).toLoad()).extracting(Delivery::fileName)
                .containsExactly("3x1_proyectos_2007_v3.csv");
    }

    @Test
    void aLateCopyOfAnOlderVersionNeverReplacesANewerOne() {
        lake.deliver("3x1_proyectos_2007_v2.csv");
        LedgerEntry newer = loadInbox().get(0);
        assertThat(newer.status()).isEqualTo(LedgerEntry.Status.LOADED);
        lake.deliver("3x1_proyectos_2007.csv"); // the base delivery turns up after its correction

        InboxScan scan = new Inbox(lake.inbox).scan(lake.ledger());

        assertThat(scan.toLoad()).isEmpty();
        assertThat(scan.unrecognized()).singleElement().satisfies(u -> {
            assertThat(u.file().getFileName().toString()).isEqualTo("3x1_proyectos_2007.csv");
            assertThat(u.reason()).contains("3x1_proyectos_2007_v2.csv", "never replaces a newer one");
        });
        assertThat(lake.ledger().current("projects", "2007")).get().isEqualTo(newer);
    }

    @Test
    void replacingAPartitionAlsoReplacesItsRejects() {
        lake.load("3x1_proyectos_2014.csv", new IngestOptions(1.0, 50_000));
        assertThat(lake.rejectRows("projects", "2014")).isNotEmpty();

        lake.load("3x1_proyectos_2007_v2.csv"); // another period: untouched
        Delivery clean = lake.deliver("3x1_proyectos_2015.csv", "3x1_proyectos_2014_v2.csv");
        // 2015's rows are for another year: every one is rejected, so the file fails and 2014 stays
        LedgerEntry failed = new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(clean);
        assertThat(failed.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(lake.rejectRows("projects", "2014")).hasSize(8);
        assertThat(lake.rows(P, "2007")).hasSize(2);
    }

    @Test
    void anEmptyInboxFolderScansToNothing() throws Exception {
        Files.createDirectories(lake.inbox);
        InboxScan scan = new Inbox(lake.inbox).scan(lake.ledger());
        assertThat(scan.toLoad()).isEmpty();
        assertThat(scan.unrecognized()).isEmpty();
    }
}
