package org.oriundos.jobs.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.ExecutionKeys.Legacy;
import org.oriundos.jobs.nightly.NightlyParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The one place where a run's step results ({@link ScanResult}, {@link PublishResult},
 * {@link ConformResult}, {@link WarehouseResult}, {@link ReportOutcome}, each file's
 * {@link FileOutcome}) become the sentences {@code nightly}, {@code backfill} and {@code status}
 * print. A run recorded by a version before the typed results is shown from the text it kept
 * ({@link StepResults}); what it did not keep is left out, never guessed.
 */
public final class RunPrinter {

    private RunPrinter() {
    }

    // ---- what nightly and backfill print when the run completed ----

    /** The lines of a completed run, in the order {@code nightly} prints them (without {@link #attention}). */
    public static List<String> afterRun(JobExecution e) {
        Account a = Account.of(e.getExecutionContext());
        long runId = NightlyParameters.runIdOf(e.getJobParameters());
        List<String> out = new ArrayList<>();
        if (a.nothingNew() != null) {
            out.add(a.nothingNew());
            inboxNotes(a, out);
            return out;
        }
        Backfill backfill = NightlyParameters.backfillOf(e.getJobParameters());
        if (backfill != null) {
            out.add("run " + runId + ": backfill of " + backfill.table() + " " + backfill.period()
                    + (a.filesLoaded() + a.filesRefused() == 0
                    ? ": no re-delivery in the inbox, re-conformed from the lake" : ""));
        }
        if (a.referenceChanged() != null) {
            out.add(a.referenceChanged());
        }
        Rows rows = a.rows() == null ? Rows.NONE : a.rows();
        out.add(String.format(Locale.ROOT, "run %d: loaded %d file%s: %,d rows read, %,d loaded, %,d rejected, %,d skipped",
                runId, a.filesLoaded(), a.filesLoaded() == 1 ? "" : "s", rows.read(), rows.loaded(), rows.rejected(),
                rows.skipped()));
        out.addAll(a.rejectsNote()); // why 'oriundos rejects' lists another number
        a.refused().forEach(line -> out.add("refused " + line));
        out.addAll(a.takenWithout());
        a.changed().forEach(line -> out.add("not published " + line));
        inboxNotes(a, out);
        if (a.conform() != null) {
            out.add("conform: " + a.conform());
        }
        if (a.warehouse() != null) {
            out.add("warehouse: " + a.warehouse());
        }
        a.remittances().forEach(line -> out.add("remittances: " + line));
        if (a.report() != null) {
            out.add("report: " + a.report());
        }
        return out;
    }

    /**
     * Why a completed run exits 6 (files refused, held back or changed while loading), or null
     * when it does not.
     */
    public static String attention(JobExecution e) {
        Account a = Account.of(e.getExecutionContext());
        int refused = a.filesRefused();
        int changed = a.changed().size();
        if (a.nothingNew() != null || refused == 0 && changed == 0) {
            return null;
        }
        long runId = NightlyParameters.runIdOf(e.getJobParameters());
        return (refused == 0 ? "" : refused + " file" + (refused == 1 ? " was" : "s were")
                + " refused or held back: see 'oriundos status --run " + runId + "' and 'oriundos rejects'")
                + (refused > 0 && changed > 0 ? "; " : "")
                + (changed == 0 ? "" : changed + " file" + (changed == 1 ? "" : "s")
                + " changed while being loaded and " + (changed == 1 ? "was" : "were")
                + " not published: the next night takes " + (changed == 1 ? "it" : "them"));
    }

    /**
     * What a night with nothing new prints, from its scan: what {@link #afterRun} prints for it, and
     * what the quiet check ({@code quiet.QuietCheck}) prints without a job execution.
     */
    public static List<String> nothingNewLines(ScanResult scan) {
        List<String> out = new ArrayList<>();
        out.add(nothingNew(scan));
        inboxNotes(notTakenLines(scan), stillRefusedLines(scan), out);
        return out;
    }

    private static List<String> notTakenLines(ScanResult scan) {
        return scan.notTaken().stream().map(n -> (n.waiting() ? "yet " : "") + n.name() + ": " + n.reason()).toList();
    }

    private static List<String> stillRefusedLines(ScanResult scan) {
        return scan.stillRefused().stream().map(RunPrinter::stillRefused).toList();
    }

    /** The inbox files the night left alone, each with why: not warnings to lose in a log. */
    private static void inboxNotes(Account a, List<String> out) {
        inboxNotes(a.notTaken(), a.stillRefused(), out);
    }

    private static void inboxNotes(List<String> notTaken, List<String> stillRefused, List<String> out) {
        notTaken.forEach(line -> out.add("not taken " + line)); // "not taken yet …" for a file still being delivered
        stillRefused.forEach(line -> out.add("still refused, not tried again: " + line));
        if (!stillRefused.isEmpty()) {
            out.add("  (put a corrected file in the inbox, under the same name or as a later version such as"
                    + " _v2; after raising max-reject-share, 'oriundos nightly --full-rebuild' tries these again)");
        }
    }

    // ---- what status prints ----

    /** The account of one execution under its header in {@code status --run}, each line indented. */
    public static List<String> account(JobExecution e) {
        Account a = Account.of(e.getExecutionContext());
        List<String> out = new ArrayList<>();
        if (a.nothingNew() != null) {
            out.add("  " + a.nothingNew());
        }
        if (a.rows() != null) {
            out.add("  files: " + files(e) + "; rows read " + number(a.rows().read()) + ", loaded "
                    + number(a.rows().loaded()) + ", rejected " + number(a.rows().rejected()) + ", skipped "
                    + number(a.rows().skipped()));
        }
        out.addAll(a.rejectsNote()); // indented already
        a.refused().forEach(line -> out.add("  refused " + line));
        a.takenWithout().forEach(line -> out.add("  " + line));
        a.changed().forEach(line -> out.add("  not published " + line));
        if (a.conform() != null) {
            out.add("  conform: " + a.conform());
        }
        if (a.warehouse() != null) {
            out.add("  warehouse: " + a.warehouse());
        }
        if (a.report() != null) {
            out.add("  report: " + a.report());
        }
        a.remittances().forEach(line -> out.add("  remittances: " + line));
        return out;
    }

    /** How a run ended, in words. */
    public static String outcome(JobExecution e) {
        BatchStatus status = e.getStatus();
        if (status == BatchStatus.COMPLETED) {
            Account a = Account.of(e.getExecutionContext());
            if (a.nothingNew() != null) {
                return "nothing new";
            }
            int refused = a.filesRefused();
            Backfill backfill = NightlyParameters.backfillOf(e.getJobParameters());
            String kind = backfill != null ? " (backfill " + backfill.table() + " " + backfill.period() + ")"
                    : NightlyParameters.isFullRebuild(e.getJobParameters()) ? " (full rebuild)" : "";
            return (refused == 0 ? "completed" : "completed, " + refused + " file" + (refused == 1 ? "" : "s") + " refused")
                    + kind;
        }
        if (status == BatchStatus.FAILED) {
            return "failed: " + firstLine(e.getExitStatus().getExitDescription());
        }
        if (status == BatchStatus.STOPPED) {
            return "stopped (the next nightly resumes it)";
        }
        if (status == BatchStatus.ABANDONED) {
            return "abandoned";
        }
        return status.toString().toLowerCase(Locale.ROOT);
    }

    /** What a run asked for: {@code full rebuild false} and, for a backfill, {@code , backfill projects:2007}. */
    public static String parameters(JobExecution e) {
        Backfill backfill = NightlyParameters.backfillOf(e.getJobParameters());
        return "full rebuild " + NightlyParameters.isFullRebuild(e.getJobParameters())
                + (backfill == null ? "" : ", backfill " + backfill.table() + ":" + backfill.period());
    }

    /** What kind of run it was: {@code nightly}, {@code full rebuild} or {@code backfill projects 2007}. */
    public static String kind(JobExecution e) {
        return kind(NightlyParameters.isFullRebuild(e.getJobParameters()), NightlyParameters.backfillOf(e.getJobParameters()));
    }

    public static String kind(boolean fullRebuild, Backfill backfill) {
        return backfill != null ? "backfill " + backfill.table() + " " + backfill.period()
                : fullRebuild ? "full rebuild" : "nightly";
    }

    /** The files a run loaded, {@code 5} or {@code 4 (+1 refused)}; {@code 0} for nothing new, empty before its publish. */
    public static String files(JobExecution e) {
        Account a = Account.of(e.getExecutionContext());
        if (a.rows() == null) {
            return a.nothingNew() != null ? "0" : "";
        }
        return a.filesLoaded() + (a.filesRefused() == 0 ? "" : " (+" + a.filesRefused() + " refused)");
    }

    /** The rows a run read, loaded and rejected; empty strings before its publish. */
    public static List<String> rows(JobExecution e) {
        Rows rows = Account.of(e.getExecutionContext()).rows();
        return rows == null ? List.of("", "", "")
                : List.of(number(rows.read()), number(rows.loaded()), number(rows.rejected()));
    }

    /** Files refused or held back by a completed run (its exit code is 6 when there are, or changed files). */
    public static boolean needsAttention(JobExecution e) {
        Account a = Account.of(e.getExecutionContext());
        return a.nothingNew() == null && (a.filesRefused() > 0 || !a.changed().isEmpty());
    }

    /** Inbox files a run left alone: not taken, and still refused. */
    public static int filesNotTaken(JobExecution e) {
        return Account.of(e.getExecutionContext()).notTaken().size();
    }

    public static int filesStillRefused(JobExecution e) {
        return Account.of(e.getExecutionContext()).stillRefused().size();
    }

    // ---- a file's worker step in status --run ----

    /** The file a step loads, or empty for a stage. */
    public static String fileName(StepExecution s) {
        String name = StepResults.fileName(s.getExecutionContext());
        return name == null ? "" : name;
    }

    /** A file step's read, loaded, rejected and skipped rows; empty strings for a stage. */
    public static List<String> fileRows(StepExecution s) {
        Rows rows = StepResults.fileName(s.getExecutionContext()) == null ? null
                : StepResults.fileRows(s.getExecutionContext());
        return rows == null ? List.of("", "", "", "")
                : List.of(number(rows.read()), number(rows.loaded()), number(rows.rejected()), number(rows.skipped()));
    }

    /** What to note of a step: why its file was refused or not published, the columns it lacked, why it failed. */
    public static String note(StepExecution s) {
        FileOutcome outcome = StepResults.fileOutcome(s.getExecutionContext());
        if (outcome instanceof FileOutcome.Refused r) {
            return "refused: " + r.reason();
        }
        if (outcome instanceof FileOutcome.Changed c) {
            return "not published: " + c.reason();
        }
        if (outcome instanceof FileOutcome.Staged st && st.absentColumns() != null) {
            return "taken without " + st.absentColumns();
        }
        if (s.getStatus() == BatchStatus.FAILED) {
            return firstLine(s.getExitStatus().getExitDescription());
        }
        return "";
    }

    // ---- single values, as every command says them ----

    /** The report a run wrote, or why there is none. */
    public static String report(ReportOutcome report) {
        return report.html() == null ? "no report: the warehouse has no year with data yet" : report.html();
    }

    /** {@code 3x1_proyectos_2017.csv: <reason> (refused 2019-12-20)}. */
    public static String stillRefused(ScanResult.StillRefused r) {
        return r.fileName() + ": " + r.reason() + " (refused " + r.refusedOn() + ")";
    }

    /** Why a night with nothing new goes on. */
    public static String referenceChanged(ScanResult scan) {
        return "nothing new in " + scan.inbox() + ", but the reference data changed since the lake was"
                + " conformed (" + scan.conf() + "): conforming again";
    }

    static String nothingNew(ScanResult scan) {
        int refused = scan.stillRefused().size();
        return "nothing new in " + scan.inbox() + ": " + scan.alreadyLoaded() + " file"
                + (scan.alreadyLoaded() == 1 ? "" : "s") + " already loaded"
                + (refused == 0 ? "" : ", " + refused + " still refused");
    }

    static String conform(ConformResult c) {
        return c.partitionsConformed() + " partition" + (c.partitionsConformed() == 1 ? "" : "s") + " conformed, "
                + c.unresolvedValues() + " unresolved value" + (c.unresolvedValues() == 1 ? "" : "s")
                + " (oriundos unresolved)";
    }

    static String warehouse(WarehouseResult w) {
        StringBuilder summary = new StringBuilder();
        summary.append(w.changed() ? "published " : "unchanged ").append(w.published())
                .append("; partitions applied: ").append(w.partitionsApplied())
                .append("; checks passed: ").append(w.checksPassed());
        if (!w.warnings().isEmpty()) {
            summary.append("; quality warnings: ").append(String.join(", ", w.warnings().stream()
                    .map(q -> q.check() + " (" + q.rows() + " row" + (q.rows() == 1 ? "" : "s") + ")").toList()))
                    .append(" (see audit_quality_warning)");
        }
        if (w.factProjectFundingRows() != null) {
            summary.append("; fact_project_funding rows: ").append(w.factProjectFundingRows());
        }
        return summary.toString();
    }

    private static String number(long n) {
        return String.format("%,d", n);
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().split("\n", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /**
     * A run's results as texts, each from its typed value or, for a run of an older version, from
     * the text it kept. {@code rows} is null before the run's publish; lists are never null.
     */
    private record Account(String nothingNew, String referenceChanged, List<String> notTaken,
                           List<String> stillRefused, int filesLoaded, int filesRefused, Rows rows,
                           List<String> rejectsNote, List<String> refused, List<String> takenWithout,
                           List<String> changed, String conform, String warehouse, List<String> remittances,
                           String report) {

        static Account of(ExecutionContext c) {
            ScanResult scan = ExecutionKeys.SCAN.in(c).orElse(null);
            PublishResult publish = ExecutionKeys.PUBLISH.in(c).orElse(null);
            WarehouseResult warehouse = ExecutionKeys.WAREHOUSE.in(c).orElse(null);
            String nothingNew;
            String referenceChanged;
            List<String> notTaken;
            List<String> stillRefused;
            if (scan != null) {
                nothingNew = scan.night() == ScanResult.Night.NOTHING_NEW ? RunPrinter.nothingNew(scan) : null;
                referenceChanged = scan.night() == ScanResult.Night.REFERENCE_CHANGED
                        ? RunPrinter.referenceChanged(scan) : null;
                notTaken = RunPrinter.notTakenLines(scan);
                stillRefused = RunPrinter.stillRefusedLines(scan);
            } else {
                nothingNew = StepResults.oldText(c, Legacy.NOTHING_NEW_MESSAGE);
                referenceChanged = StepResults.oldText(c, Legacy.REFERENCE_CHANGED);
                notTaken = StepResults.oldLines(c, Legacy.NOT_TAKEN);
                stillRefused = StepResults.oldLines(c, Legacy.STILL_REFUSED);
            }
            int filesLoaded;
            int filesRefused;
            Rows rows;
            List<String> rejectsNote;
            List<String> refused;
            List<String> takenWithout;
            List<String> changed;
            if (publish != null) {
                filesLoaded = publish.filesLoaded();
                filesRefused = publish.filesRefused();
                rows = publish.rows();
                rejectsNote = publish.rejects().explainRun(publish.rows().rejected());
                refused = notes(publish.refused());
                takenWithout = publish.takenWithout().stream()
                        .map(f -> "taken without " + f.note() + ": " + f.fileName()).toList();
                changed = notes(publish.changed());
            } else {
                Long loaded = StepResults.oldNumber(c, Legacy.FILES_LOADED);
                filesLoaded = loaded == null ? 0 : loaded.intValue();
                Long refusedFiles = StepResults.oldNumber(c, Legacy.FILES_REFUSED);
                filesRefused = refusedFiles == null ? 0 : refusedFiles.intValue();
                rows = loaded == null ? null : new Rows(oldCount(c, Legacy.ROWS_READ), oldCount(c, Legacy.ROWS_LOADED),
                        oldCount(c, Legacy.ROWS_REJECTED), oldCount(c, Legacy.ROWS_SKIPPED));
                rejectsNote = StepResults.oldLines(c, Legacy.REJECTS_NOTE);
                refused = StepResults.oldLines(c, Legacy.REFUSALS);
                takenWithout = StepResults.oldLines(c, Legacy.TAKEN_WITHOUT).stream().map(Account::oldTakenWithout)
                        .toList();
                changed = StepResults.oldLines(c, Legacy.CHANGED_FILES);
            }
            String conform = ExecutionKeys.CONFORM.in(c).map(RunPrinter::conform)
                    .orElseGet(() -> StepResults.oldText(c, Legacy.CONFORM_SUMMARY));
            String warehouseText = warehouse != null ? RunPrinter.warehouse(warehouse)
                    : StepResults.oldText(c, Legacy.WAREHOUSE_SUMMARY);
            List<String> remittances = warehouse != null
                    ? warehouse.remittanceNotes().stream().filter(n -> !n.isBlank()).toList()
                    : StepResults.oldLines(c, Legacy.REMITTANCE_NOTES);
            String report = ExecutionKeys.REPORT.in(c).map(RunPrinter::report)
                    .orElseGet(() -> StepResults.oldText(c, Legacy.REPORT_SUMMARY));
            return new Account(nothingNew, referenceChanged, notTaken, stillRefused, filesLoaded, filesRefused, rows,
                    rejectsNote, refused, takenWithout, changed, conform, warehouseText, remittances, report);
        }

        private static List<String> notes(List<PublishResult.FileNote> notes) {
            return notes.stream().map(f -> f.fileName() + ": " + f.note()).toList();
        }

        private static long oldCount(ExecutionContext c, String key) {
            Long n = StepResults.oldNumber(c, key);
            return n == null ? 0L : n;
        }

        /** {@code taken without NOMBRE_PROYECTO: 3x1_proyectos_2005.csv}, from an older version's {@code <file>: <columns>}. */
        private static String oldTakenWithout(String fileAndColumns) {
            int colon = fileAndColumns.indexOf(": ");
            return colon < 0 ? "taken without " + fileAndColumns
                    : "taken without " + fileAndColumns.substring(colon + 2) + ": " + fileAndColumns.substring(0, colon);
        }
    }
}
