package org.oriundos.jobs.status;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.oriundos.ingest.LedgerEntry;

/**
 * Why a run's "N rejected" and the lines of {@code oriundos rejects} need not be the same number,
 * said where each is shown: the rejects a later delivery replaced are gone with the rows they were
 * rejected from (the lake keeps the rejects of each partition's current delivery, and of refused
 * files); a refused file counts every row as rejected, while {@code rejects} lists its bad values
 * and the refusal; and {@code rejects} has a line per bad value, so a row with two has two lines.
 *
 * A value (file names and counts): a night keeps it in its {@link PublishResult}.
 *
 * @param replaced the LOADED deliveries with rejected rows that a later delivery of their
 *                 partition replaced
 * @param refused  the refused (FAILED) files, whose rows all count as rejected
 */
public record RejectAccount(List<Replaced> replaced, List<Refused> refused) implements Serializable {

    /** A delivery ({@code fileName}) replaced by a later one of its partition, and its rejected rows no longer listed. */
    public record Replaced(String fileName, long rejectedRows, String replacedBy) implements Serializable {
    }

    /** A refused file and its rows, every one counted as rejected. */
    public record Refused(String fileName, long rows) implements Serializable {
    }

    public RejectAccount {
        replaced = List.copyOf(replaced);
        refused = List.copyOf(refused);
    }

    /**
     * The account of the ledger's entries that {@code inScope} accepts (all of them for
     * {@code rejects}, one night's for the run summary), judged against the whole ledger.
     */
    public static RejectAccount of(List<LedgerEntry> ledger, Predicate<LedgerEntry> inScope) {
        Map<String, LedgerEntry> current = new HashMap<>();
        for (LedgerEntry e : ledger) { // oldest first: the last LOADED entry of a partition is its current delivery
            if (e.status() == LedgerEntry.Status.LOADED) {
                current.put(e.sourceTable() + "\u0000" + e.period(), e);
            }
        }
        List<Replaced> replaced = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (LedgerEntry e : ledger) {
            if (!inScope.test(e) || e.counts().rejected() == 0) {
                continue;
            }
            if (e.status() == LedgerEntry.Status.FAILED) {
                refused.add(new Refused(e.fileName(), e.counts().rejected()));
                continue;
            }
            LedgerEntry now = current.get(e.sourceTable() + "\u0000" + e.period());
            if (now != null && !now.loadId().equals(e.loadId())) {
                replaced.add(new Replaced(e.fileName(), e.counts().rejected(), now.fileName()));
            }
        }
        return new RejectAccount(replaced, refused);
    }

    /** Rejected rows of the replaced deliveries: counted by their night, no longer listed by {@code rejects}. */
    public long replacedRows() {
        return replaced.stream().mapToLong(Replaced::rejectedRows).sum();
    }

    /** Rows of refused files: every one counts as rejected (the file loaded nothing). */
    public long refusedRows() {
        return refused.stream().mapToLong(Refused::rows).sum();
    }

    /**
     * The sentences under a run's summary that reconcile its "{@code rejected} rejected" with what
     * {@code rejects} lists; empty when there is nothing to reconcile.
     */
    public List<String> explainRun(long rejected) {
        List<String> out = new ArrayList<>();
        if (!replaced.isEmpty()) {
            out.add(String.format(Locale.ROOT, "  %,d of the %,d rejected rows %s in %s: a replaced delivery's rejects"
                            + " go with it, and 'oriundos rejects' lists those of the current deliveries",
                    replacedRows(), rejected, replacedRows() == 1 ? "is" : "are", describeReplaced()));
        }
        if (!refused.isEmpty()) {
            out.add(String.format(Locale.ROOT, "  %,d of the %,d rejected rows %s the rows of %s, refused whole: "
                            + "'oriundos rejects' lists %s bad values and the reason for the refusal",
                    refusedRows(), rejected, refusedRows() == 1 ? "is" : "are", names(refused), refused.size() == 1
                            ? "its" : "their"));
        }
        return out;
    }

    /**
     * The lines under {@code rejects}' listing that say what it holds and what it does not:
     * {@code lines} rejected values listed.
     */
    public List<String> explainListing(int lines) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "(%,d reject%s: each bad value of the current deliveries and of refused files,"
                + " one line per value, so a row with two bad values has two lines)", lines, lines == 1 ? "" : "s"));
        if (!replaced.isEmpty()) {
            out.add(String.format(Locale.ROOT, "(not listed: %,d rejected row%s of %s; a replaced delivery's rejects"
                    + " go with it, though the run that loaded it counted them)", replacedRows(),
                    replacedRows() == 1 ? "" : "s", describeReplaced()));
        }
        if (!refused.isEmpty()) {
            out.add(String.format(Locale.ROOT, "(%s refused whole: the run counted all %,d of %s rows as rejected)",
                    names(refused), refusedRows(), refused.size() == 1 ? "its" : "their"));
        }
        return out;
    }

    private String describeReplaced() {
        List<String> parts = new ArrayList<>();
        for (Replaced r : replaced) {
            parts.add(r.fileName() + ", which " + r.replacedBy() + " replaced");
        }
        return String.join("; ", parts);
    }

    private static String names(List<Refused> files) {
        List<String> names = new ArrayList<>();
        for (Refused f : files) {
            names.add(f.fileName());
        }
        return String.join(", ", names);
    }
}
