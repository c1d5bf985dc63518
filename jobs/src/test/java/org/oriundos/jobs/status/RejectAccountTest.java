package org.oriundos.jobs.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.LedgerEntry;

/**
 * The run summary's rejected count and the lines of {@code oriundos rejects} agree, or say why: the
 * night of the demo loaded a 2007 delivery with 2 rejected rows and, later the same night, its
 * corrected version, which replaced it; and a file refused whole counts every row as rejected.
 */
class RejectAccountTest {
    private static final Instant NIGHT = Instant.parse("2019-12-20T02:30:00Z");

    private static LedgerEntry entry(String load, String file, String period, long read, long rejected,
                                     LedgerEntry.Status status, int minute) {
        FileCounts counts = new FileCounts(read, status == LedgerEntry.Status.FAILED ? 0 : read - rejected, rejected, 0);
        return new LedgerEntry(load, file, "projects", period, load + "0".repeat(64 - load.length()), 100, "UTF-8",
                "2002", counts, status, null, status == LedgerEntry.Status.FAILED ? file + ": too many rejects" : null,
                NIGHT.plusSeconds(60L * minute));
    }

    private final LedgerEntry y2006 = entry("a1", "3x1_proyectos_2006.csv", "2006", 264, 1, LedgerEntry.Status.LOADED, 1);
    private final LedgerEntry y2007 = entry("b1", "3x1_proyectos_2007.csv", "2007", 293, 2, LedgerEntry.Status.LOADED, 2);
    private final LedgerEntry y2007v2 = entry("b2", "3x1_proyectos_2007_v2.csv", "2007", 293, 2, LedgerEntry.Status.LOADED, 3);
    private final LedgerEntry refused = entry("c1", "3x1_proyectos_2017.csv", "2017", 263, 263, LedgerEntry.Status.FAILED, 4);
    private final List<LedgerEntry> ledger = List.of(y2006, y2007, y2007v2, refused);

    @Test
    void theRunSummarySaysWhichRejectedRowsTheRejectsListingCannotShow() {
        RejectAccount night = RejectAccount.of(ledger, e -> true);

        assertThat(night.replacedRows()).isEqualTo(2);
        assertThat(night.refusedRows()).isEqualTo(263);
        assertThat(night.explainRun(268)).containsExactly(
                "  2 of the 268 rejected rows are in 3x1_proyectos_2007.csv, which 3x1_proyectos_2007_v2.csv replaced:"
                        + " a replaced delivery's rejects go with it, and 'oriundos rejects' lists those of the current"
                        + " deliveries",
                "  263 of the 268 rejected rows are the rows of 3x1_proyectos_2017.csv, refused whole: 'oriundos rejects'"
                        + " lists its bad values and the reason for the refusal");
    }

    @Test
    void theRejectsListingSaysWhatItHoldsAndWhatItDoesNot() {
        assertThat(RejectAccount.of(ledger, e -> true).explainListing(47)).containsExactly(
                "(47 rejects: each bad value of the current deliveries and of refused files, one line per value, so a"
                        + " row with two bad values has two lines)",
                "(not listed: 2 rejected rows of 3x1_proyectos_2007.csv, which 3x1_proyectos_2007_v2.csv replaced; a"
                        + " replaced delivery's rejects go with it, though the run that loaded it counted them)",
                "(3x1_proyectos_2017.csv refused whole: the run counted all 263 of its rows as rejected)");
    }

    @Test
    void aNightWithOnlyCurrentDeliveriesHasNothingToExplain() {
        RejectAccount account = RejectAccount.of(ledger, e -> e == y2006 || e == y2007v2);

        assertThat(account.explainRun(3)).isEmpty();
        assertThat(account.explainListing(3)).hasSize(1);
    }
}
