package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oriundos.ingest.Deliveries.modifiedAt;
import static org.oriundos.ingest.Deliveries.projects;
import static org.oriundos.ingest.Deliveries.write;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A careless or hostile inbox: copies cut short or still running, files that change under the
 * load, links, folders, devices and unreadable files. The inbox takes only whole files, never
 * trusts the ledger over the file in front of it, and one odd entry never stops the others.
 */
class HostileInboxTest {
    private static final Instant NOW = Instant.parse("2026-11-30T08:30:00Z");
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Instant LONG_AGO = NOW.minus(Duration.ofHours(3));

    @TempDir
    Path tmp;
    TestLake lake;

    @BeforeEach
    void lake() throws Exception {
        lake = new TestLake(tmp);
    }

    private Inbox inbox() {
        return new Inbox(lake.inbox, tmp.resolve("cache/inbox-checksums.tsv"), SETTLE, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Loads what a scan takes, as the nightly does; returns the scan. */
    private InboxScan night(Inbox inbox) {
        InboxScan scan = inbox.scan(lake.ledger());
        for (Delivery d : scan.toLoad()) {
            new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(d);
        }
        return scan;
    }

    private long currentRows(String period) {
        return lake.ledger().current("projects", period).orElseThrow().counts().loaded();
    }

    private static String cutMidRow(String text, double share) {
        return text.substring(0, (int) (text.length() * share)); // ends inside a row, as a cut copy does
    }

    // ---- 1. a copy cut short, and the ledger trusted over the file ----

    @Test
    void aCopyInProgressOverALoadedFileIsNotTakenAndTheWholeFileStaysCurrent() {
        String whole = projects(2014, 107);
        Path file = modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2014.csv"), whole), LONG_AGO);
        night(inbox());
        assertThat(currentRows("2014")).isEqualTo(107);

        // cp starts over the loaded file: the night comes while half of it is written
        modifiedAt(write(file, cutMidRow(whole, 0.6)), NOW.minusSeconds(2));
        InboxScan midCopy = night(inbox());

        assertThat(midCopy.toLoad()).isEmpty();
        assertThat(midCopy.unrecognized()).singleElement().satisfies(u -> {
            assertThat(u.waiting()).isTrue();
            assertThat(u.reason()).startsWith("still being written: modified 2 s ago; taken once it has not changed for 60 s");
        });
        assertThat(currentRows("2014")).isEqualTo(107);

        // the copy completes: the same bytes as the loaded delivery, nothing to do, nothing lost
        modifiedAt(write(file, whole), NOW.minusSeconds(600));
        InboxScan after = night(inbox());
        assertThat(after.toLoad()).isEmpty();
        assertThat(after.alreadyLoaded()).hasSize(1);
        assertThat(currentRows("2014")).isEqualTo(107);
    }

    @Test
    void aCutCopyThatWasLoadedIsReplacedByTheWholeFileEvenThoughItsBytesWereLoadedBefore() {
        // variant: a copy stalled long enough to look settled was loaded cut; when the copy is redone,
        // the whole file's bytes are in the ledger (loaded once, then replaced): it must load again
        String whole = projects(2014, 107);
        Path file = lake.inbox.resolve("3x1_proyectos_2014.csv");
        write(file, whole);
        night(new Inbox(lake.inbox));
        write(file, cutMidRow(whole, 0.98));
        night(new Inbox(lake.inbox));
        long cut = currentRows("2014");
        assertThat(cut).isLessThan(107);

        write(file, whole);
        InboxScan redone = night(new Inbox(lake.inbox));

        assertThat(redone.toLoad()).extracting(Delivery::fileName).containsExactly("3x1_proyectos_2014.csv");
        assertThat(currentRows("2014")).isEqualTo(107);
        assertThat(lake.rows(RawTables.PROJECTS, "2014")).hasSize(107);
    }

    @Test
    void aDeliveryWithFarFewerRowsThanTheOneItReplacesIsHeldBackLoudly() {
        // variant: the cut copy settles and is never completed; it must not silently replace a whole year
        String whole = projects(2014, 107);
        Path file = lake.inbox.resolve("3x1_proyectos_2014.csv");
        write(file, whole);
        night(new Inbox(lake.inbox));
        write(file, cutMidRow(whole, 0.3));

        InboxScan scan = new Inbox(lake.inbox).scan(lake.ledger());
        LedgerEntry held = new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(scan.toLoad().get(0));

        assertThat(held.status()).isEqualTo(LedgerEntry.Status.FAILED);
        assertThat(held.counts().loaded()).isZero();
        assertThat(held.message()).startsWith("held back: ").contains("against 107 of the delivery it would replace")
                .contains("over the limit of 50.0%").contains("a backfill of 2014 takes this file");
        assertThat(currentRows("2014")).isEqualTo(107);
        assertThat(lake.rows(RawTables.PROJECTS, "2014")).hasSize(107);

        // the operator says the fall is right: the file is taken (as a backfill of its period does)
        LakeStaging staging = new LakeStaging(lake.lake, IngestOptions.DEFAULTS);
        Delivery d = scan.toLoad().get(0);
        FileCounts counts = FileCounts.NONE;
        try (ExtractReader r = ExtractReaders.open(d, IngestOptions.DEFAULTS, 0)) {
            java.util.List<Object[]> rows = new java.util.ArrayList<>();
            java.util.List<RejectedRow> rejects = new java.util.ArrayList<>();
            for (RowOutcome o = r.next(); o != null; o = r.next()) {
                counts = counts.plus(o);
                if (o instanceof RowOutcome.Loaded l) {
                    rows.add(l.row());
                } else if (o instanceof RowOutcome.Rejected j) {
                    rejects.addAll(j.problems());
                }
            }
            staging.writeChunk(d, 0, rows, rejects);
            assertThat(staging.publish(d, counts, r.encoding(), r.layout(), null, true).status())
                    .isEqualTo(LedgerEntry.Status.LOADED);
        }
        assertThat(currentRows("2014")).isLessThan(40);
    }

    // ---- 2. a file still being written ----

    @Test
    void aFileAppendedWhileItIsLoadedIsNotPublishedAndTheNextNightTakesItWhole() throws Exception {
        Path file = write(lake.inbox.resolve("3x1_proyectos_2015.csv"), projects(2015, 20));
        Delivery scanned = new Inbox(lake.inbox).scan(lake.ledger()).toLoad().get(0);

        try (ExtractReader reader = ExtractReaders.open(scanned, IngestOptions.DEFAULTS, 0)) {
            assertThat(reader.next()).isInstanceOf(RowOutcome.Loaded.class);
            StringBuilder more = new StringBuilder();
            for (int i = 21; i <= 30; i++) {
                more.append(Deliveries.projectRow(2015, i, "Club " + i)).append('\n');
            }
            Files.writeString(file, more, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            assertThatThrownBy(() -> {
                while (reader.next() != null) {
                    // read on, as the load does
                }
            }).isInstanceOf(DeliveryChangedException.class)
                    .hasMessageContaining("the file changed while it was being loaded: the load read")
                    .hasMessageContaining("the inbox scan saw " + scanned.bytes() + " bytes");
        }
    }

    @Test
    void aFileThatChangesBetweenTheScanAndTheLoadPublishesNothingAndRecordsNothing() {
        Path file = write(lake.inbox.resolve("3x1_proyectos_2015.csv"), projects(2015, 20));
        Delivery scanned = new Inbox(lake.inbox).scan(lake.ledger()).toLoad().get(0);
        write(file, projects(2015, 30)); // appended before the load reads it

        assertThatThrownBy(() -> new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(scanned))
                .isInstanceOf(DeliveryChangedException.class);

        assertThat(lake.ledger().entries()).isEmpty();
        assertThat(lake.exists("raw", "projects", "period=2015")).isFalse();
        assertThat(lake.exists("staging", scanned.loadId())).isFalse();
        // the next night takes the file as it is now, with the checksum of what it loads
        InboxScan next = night(new Inbox(lake.inbox));
        LedgerEntry entry = lake.ledger().current("projects", "2015").orElseThrow();
        assertThat(entry.counts().loaded()).isEqualTo(30);
        assertThat(entry.sha256()).isEqualTo(next.toLoad().get(0).sha256()).isNotEqualTo(scanned.sha256());
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameSizeWhileLoadedIsNotPublished() throws Exception {
        // variant: no size change at all; only the hash of the bytes read tells
        String text = projects(2016, 20);
        Path file = write(lake.inbox.resolve("3x1_proyectos_2016.csv"), text);
        Delivery scanned = new Inbox(lake.inbox).scan(lake.ledger()).toLoad().get(0);
        write(file, text.replace("Club Oriundo 7,", "Club Oriundo 9,"));

        assertThatThrownBy(() -> new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(scanned))
                .isInstanceOf(DeliveryChangedException.class).hasMessageContaining("changed while it was being loaded");
        assertThat(lake.ledger().entries()).isEmpty();
    }

    @Test
    void aFileThatTurnsMalformedUnderTheLoadIsNotRefusedInTheNameOfTheScannedBytes() {
        // variant: a refusal is a verdict on the scanned bytes; bytes that changed get none
        String text = projects(2016, 20);
        Path file = write(lake.inbox.resolve("3x1_proyectos_2016.csv"), text);
        Delivery scanned = new Inbox(lake.inbox).scan(lake.ledger()).toLoad().get(0);
        write(file, text.replace("Club Oriundo 7,", "\"Cl\"Oriundo 7,")); // same size, a quote now malformed

        assertThatThrownBy(() -> new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(scanned))
                .isInstanceOf(DeliveryChangedException.class);
        assertThat(lake.ledger().entries()).isEmpty();
    }

    @Test
    void aFileRewrittenKeepingItsSizeAndTimeIsTakenTheNightAfterItsLoadFoundOtherBytes() throws Exception {
        // variant: the checksum cache answers by name, size and time; the load is what notices
        String text = projects(2016, 20);
        Path file = modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2016.csv"), text), LONG_AGO);
        Inbox inbox = inbox();
        Delivery scanned = inbox.scan(lake.ledger()).toLoad().get(0);
        modifiedAt(write(file, text.replace("Club Oriundo 7,", "Club Oriundo 9,")), LONG_AGO);
        assertThat(inbox.scan(lake.ledger()).toLoad().get(0).sha256()).as("the cache's answer").isEqualTo(scanned.sha256());

        assertThatThrownBy(() -> new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(scanned))
                .isInstanceOf(DeliveryChangedException.class);
        inbox.forgetChecksum("3x1_proyectos_2016.csv"); // as the nightly does when a load found other bytes

        night(inbox);
        assertThat(lake.ledger().current("projects", "2016").orElseThrow().sha256())
                .isEqualTo(Inbox.sha256(file)).isNotEqualTo(scanned.sha256());
    }

    @Test
    void aFileModifiedWithinTheSettleIntervalWaitsAndIsTakenOnceSettled() {
        Path file = modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2015.csv"), projects(2015, 5)),
                NOW.minusSeconds(59));
        InboxScan early = inbox().scan(lake.ledger());
        assertThat(early.toLoad()).isEmpty();
        assertThat(early.unrecognized()).singleElement().satisfies(u -> assertThat(u.waiting()).isTrue());

        modifiedAt(file, NOW.minusSeconds(60));
        assertThat(inbox().scan(lake.ledger()).toLoad()).extracting(Delivery::fileName)
                .containsExactly("3x1_proyectos_2015.csv");
    }

    @Test
    void aFileFoundWholeByAnEarlierScanAndUnchangedSinceIsNotWaitedForAgain() {
        // the demo loads the files it has just written without a settle wait; the next night must not
        // list them all as still being written
        Path cache = tmp.resolve("cache/inbox-checksums.tsv");
        modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2015.csv"), projects(2015, 5)), NOW.minusSeconds(5));
        InboxScan first = new Inbox(lake.inbox, cache).scan(lake.ledger());
        new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(first.toLoad().get(0));

        InboxScan next = inbox().scan(lake.ledger());

        assertThat(next.unrecognized()).isEmpty();
        assertThat(next.alreadyLoaded()).extracting(Delivery::fileName).containsExactly("3x1_proyectos_2015.csv");
    }

    @Test
    void partNamesWaitAndDoneMarkersSayWhenAFileIsWhole() {
        modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2013.csv.part"), projects(2013, 3)), LONG_AGO);
        InboxScan parts = inbox().scan(lake.ledger());
        assertThat(parts.toLoad()).isEmpty();
        assertThat(parts.unrecognized()).singleElement()
                .satisfies(u -> assertThat(u.reason()).startsWith("a copy in progress (.part)"));

        // with a marker in the inbox, a settled file without its own marker waits for it
        modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2014.csv"), projects(2014, 3)), LONG_AGO);
        modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2015.csv"), projects(2015, 3)), NOW.minusSeconds(1));
        modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2015.csv.done"), ""), NOW);
        InboxScan marked = inbox().scan(lake.ledger());
        assertThat(marked.toLoad()).extracting(Delivery::fileName)
                .as("a marked file needs no settle interval").containsExactly("3x1_proyectos_2015.csv");
        assertThat(marked.unrecognized()).extracting(UnrecognizedFile::name, UnrecognizedFile::reason).contains(
                org.assertj.core.groups.Tuple.tuple("3x1_proyectos_2014.csv", "waiting for its marker"
                        + " 3x1_proyectos_2014.csv.done (this inbox uses .done markers, so a new file is taken only with its own)"));

        // a file rewritten after its marker waits for a new one; NAME.done is a marker too
        modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2015.csv"), projects(2015, 4)), NOW.plusSeconds(1));
        modifiedAt(write(lake.inbox.resolve("3x1_proyectos_2014.done"), ""), NOW);
        InboxScan rewritten = inbox().scan(lake.ledger());
        assertThat(rewritten.toLoad()).extracting(Delivery::fileName).containsExactly("3x1_proyectos_2014.csv");
        assertThat(rewritten.unrecognized()).extracting(UnrecognizedFile::reason)
                .anyMatch(r -> r.startsWith("modified in the future") || r.startsWith("changed after its .done marker"));
    }

    // ---- 5. links, folders, devices, names ----

    @Test
    void aSymbolicLinkToAFileOutsideTheInboxIsNeverFollowed() throws Exception {
        Path outside = write(tmp.resolve("elsewhere/passwd"), "root:x:0:0:Qzmark Vexlastname:/root:/bin/bash\n");
        Files.createSymbolicLink(lake.inbox.resolve("ime_directorio_2024-01-01.csv"), outside);
        write(lake.inbox.resolve("3x1_proyectos_2014.csv"), projects(2014, 3));

        InboxScan scan = night(new Inbox(lake.inbox));

        assertThat(scan.toLoad()).extracting(Delivery::fileName).containsExactly("3x1_proyectos_2014.csv");
        assertThat(scan.unrecognized()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("ime_directorio_2024-01-01.csv");
            assertThat(u.reason()).startsWith("a symbolic link: links are never followed");
        });
        assertThat(lake.ledger().entries()).extracting(LedgerEntry::fileName).containsExactly("3x1_proyectos_2014.csv");
    }

    @Test
    void aLinkToAnotherInboxFileOrAFolderIsNamedAndNotLoaded() throws Exception {
        // variant: the link points inside the inbox (a year passed off as another) or at a folder
        Path real = write(lake.inbox.resolve("3x1_proyectos_2014.csv"), projects(2014, 3));
        Files.createSymbolicLink(lake.inbox.resolve("3x1_proyectos_2015.csv"), real.getFileName());
        Files.createSymbolicLink(lake.inbox.resolve("3x1_proyectos_2016.csv"), tmp);
        Files.createSymbolicLink(lake.inbox.resolve("3x1_proyectos_2017.csv"), tmp.resolve("nowhere"));

        InboxScan scan = night(new Inbox(lake.inbox));

        assertThat(scan.toLoad()).extracting(Delivery::fileName).containsExactly("3x1_proyectos_2014.csv");
        assertThat(scan.unrecognized()).extracting(UnrecognizedFile::name).containsExactly("3x1_proyectos_2015.csv",
                "3x1_proyectos_2016.csv", "3x1_proyectos_2017.csv");
        assertThat(scan.unrecognized()).allSatisfy(u -> assertThat(u.reason()).startsWith("a symbolic link"));
    }

    @Test
    void foldersDevicesAndControlCharactersInNamesAreNamedSafelyAndTheOtherFilesLoad() throws Exception {
        Files.createDirectories(lake.inbox.resolve("3x1_proyectos_2013.csv"));
        write(lake.inbox.resolve("3x1_proyectos_2014.csv"), projects(2014, 3));
        write(lake.inbox.resolve("notas\nnot taken 3x1_proyectos_2099.csv: forged.csv"), "x");
        Path fifo = lake.inbox.resolve("3x1_proyectos_2015.csv");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;

        InboxScan scan = night(new Inbox(lake.inbox));

        assertThat(scan.toLoad()).extracting(Delivery::fileName).containsExactly("3x1_proyectos_2014.csv");
        assertThat(scan.unrecognized()).anySatisfy(u -> {
            assertThat(u.name()).isEqualTo("3x1_proyectos_2013.csv");
            assertThat(u.reason()).startsWith("a folder, not a file");
        });
        assertThat(scan.unrecognized()).anySatisfy(u -> assertThat(u.name())
                .isEqualTo("notas\\nnot taken 3x1_proyectos_2099.csv: forged.csv").doesNotContain("\n"));
        if (haveFifo) {
            assertThat(scan.unrecognized()).anySatisfy(u -> {
                assertThat(u.name()).isEqualTo("3x1_proyectos_2015.csv");
                assertThat(u.reason()).startsWith("not a regular file (a device, pipe or socket)");
            });
        }
        assertThat(DeliveryText.printable("a\u202Eb\tc\\")).isEqualTo("a\\u202Eb\\tc\\\\");
    }

    // ---- 7. an unreadable file ----

    @Test
    void anUnreadableFileIsNamedAndTheOtherFilesLoad() throws Exception {
        Path locked = write(lake.inbox.resolve("3x1_proyectos_2013.csv"), projects(2013, 3));
        write(lake.inbox.resolve("3x1_proyectos_2014.csv"), projects(2014, 3));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            InboxScan scan = night(new Inbox(lake.inbox));

            assertThat(lake.ledger().current("projects", "2014")).isPresent();
            // root reads a chmod 000 file; the service user does not, and then the file is named
            Assumptions.assumeFalse(Files.isReadable(locked), "running as root: a chmod 000 file is readable here");
            assertThat(scan.toLoad()).extracting(Delivery::fileName).containsExactly("3x1_proyectos_2014.csv");
            assertThat(scan.unrecognized()).singleElement().satisfies(u -> {
                assertThat(u.name()).isEqualTo("3x1_proyectos_2013.csv");
                assertThat(u.reason()).startsWith("cannot be read by this user (its permissions)");
            });
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void aFileThatCannotBeReadAtLoadTimeIsNotRefusedForGoodAndIsTakenWhenItIsBack() throws Exception {
        // variant: gone (or made unreadable) between the scan and the load; that says nothing about its
        // bytes, so no FAILED entry may keep it out on later nights
        Path file = write(lake.inbox.resolve("3x1_proyectos_2014.csv"), projects(2014, 3));
        byte[] bytes = Files.readAllBytes(file);
        Delivery scanned = new Inbox(lake.inbox).scan(lake.ledger()).toLoad().get(0);
        Files.delete(file);

        assertThatThrownBy(() -> new FileLoader(lake.lake, IngestOptions.DEFAULTS).load(scanned))
                .isInstanceOf(DeliveryChangedException.class).hasMessageContaining("no longer in the inbox");
        assertThat(lake.ledger().entries()).isEmpty();

        Files.write(file, bytes);
        InboxScan back = night(new Inbox(lake.inbox));
        assertThat(back.stillRefused()).isEmpty();
        assertThat(currentRows("2014")).isEqualTo(3);
    }
}
