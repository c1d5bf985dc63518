package org.oriundos.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.InboxScan;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.RejectedRow;
import org.oriundos.ingest.Rejects;
import org.oriundos.ingest.Source;
import org.oriundos.ingest.lake.LakeLocation;

/**
 * The demo's inbox goes through the real ingest into a real lake: every file loads, the counts
 * reconcile with what was written, and the rejected rows are exactly the faults put in.
 */
class DemoInboxLoadTest {

    @Test
    void everyDemoFileLoadsAndItsRejectsAreExactlyTheInjectedFaults(@TempDir Path tmp) {
        SampleExtracts sample = new SampleExtracts(20_260_101L);
        List<Path> files = sample.writeDemoInbox(tmp.resolve("inbox"));
        LakeLocation lake = LakeLocation.local(tmp.resolve("lake"));
        InboxScan scan = new Inbox(tmp.resolve("inbox")).scan(new Ledger(lake));
        assertThat(scan.unrecognized()).isEmpty();
        assertThat(scan.toLoad()).hasSameSizeAs(files);

        Map<String, List<InjectedFault>> faultsByFile = sample.injectedFaults().stream()
                .collect(Collectors.groupingBy(InjectedFault::fileName));
        FileLoader loader = new FileLoader(lake, IngestOptions.DEFAULTS);
        Rejects rejects = new Rejects(lake);
        Map<String, List<RejectedRow>> rejectsByFile = new HashMap<>();
        List<Delivery> deliveries = scan.toLoad();
        for (int i = 0; i < deliveries.size(); i++) {
            Delivery d = deliveries.get(i);
            LedgerEntry entry = loader.load(d);
            String file = d.fileName();
            List<InjectedFault> injected = faultsByFile.getOrDefault(file, List.of());
            assertThat(entry.status()).as(file + ": " + entry.message()).isEqualTo(LedgerEntry.Status.LOADED);

            // an SIE export's records are its values: one per series and period
            long records = d.source() == Source.REMITTANCES ? ExtractFiles.sieValues(d.file())
                    : ExtractFiles.records(d.file()).size();
            long totals = injected.stream().filter(f -> f.kind() == FaultKind.TOTAL_ROW).count();
            long rejected = injected.stream().filter(f -> f.kind().outcome() == FaultKind.Outcome.REJECTED)
                    .map(InjectedFault::line).distinct().count();
            assertThat(entry.counts().read()).as(file + " records read").isEqualTo(records);
            assertThat(entry.counts().skipped()).as(file + " skipped").isEqualTo(totals);
            assertThat(entry.counts().rejected()).as(file + " rejected").isEqualTo(rejected);
            assertThat(entry.counts().loaded()).isEqualTo(records - totals - rejected);
            if (replacedLater(d, deliveries.subList(i + 1, deliveries.size()))) {
                // a re-delivery replaces this file's rejects with its own: look at them now
                rejectsByFile.put(file, rejects.list(file));
            }
        }
        rejects.list(null).forEach(r -> rejectsByFile.computeIfAbsent(r.sourceFile(), f -> new ArrayList<>()).add(r));
        for (Delivery d : deliveries) {
            String file = d.fileName();
            Map<Long, String> expected = new TreeMap<>();
            faultsByFile.getOrDefault(file, List.of()).stream()
                    .filter(f -> f.kind().outcome() == FaultKind.Outcome.REJECTED)
                    .forEach(f -> expected.put(f.line(), f.column()));
            List<RejectedRow> found = rejectsByFile.getOrDefault(file, List.of());
            assertThat(new TreeSet<>(found.stream().map(RejectedRow::line).toList())).as(file + " rejected lines")
                    .containsExactlyElementsOf(expected.keySet());
            Map<Long, String> columns = new HashMap<>();
            found.forEach(r -> columns.put(r.line(), r.column()));
            // an SIE export's column is its series id, told with its position and title
            expected.forEach((line, column) -> assertThat(columns.get(line)).as(file + ":" + line)
                    .satisfiesAnyOf(c -> assertThat(c).isEqualTo(column),
                            c -> assertThat(c).startsWith(column + " (column ")));
            for (RejectedRow r : found) {
                assertThat(String.valueOf(r.value())).doesNotContain("Ficticio", "@example.org", "(555)");
            }
        }
        Ledger ledger = new Ledger(lake);
        assertThat(ledger.current("projects", "2007")).get().extracting(LedgerEntry::fileName)
                .isEqualTo("3x1_proyectos_2007_v2.csv");
    }

    private static boolean replacedLater(Delivery d, List<Delivery> later) {
        return later.stream().anyMatch(o -> o.source() == d.source() && o.period().equals(d.period()));
    }
}
