package org.oriundos.jobs.nightly;

import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.FileIngest;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.status.FileCheckpoint;
import org.oriundos.jobs.status.FileOutcome;
import org.oriundos.jobs.status.StepResults;
import org.oriundos.jobs.status.Rows;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A file's load as values in its worker step's execution context, written and read here only:
 * the loop's {@link FileIngest.Checkpoint} (where a restart goes on from) as a {@link FileCheckpoint}
 * and, once the file is read, its {@link FileIngest.Outcome} as a {@link FileOutcome}. A worker
 * step of a version before the typed results kept them as loose keys: {@link StepResults} reads
 * those, so a run such a version left unfinished resumes.
 */
final class FileResults {
    private FileResults() {
    }

    static void putCheckpoint(ExecutionContext context, FileIngest.Checkpoint c) {
        ExecutionKeys.CHECKPOINT.put(context,
                new FileCheckpoint(c.chunksStaged(), c.recordsConsumed(), Rows.of(c.counts())));
    }

    static FileIngest.Checkpoint checkpoint(ExecutionContext context) {
        FileCheckpoint c = StepResults.checkpoint(context);
        return new FileIngest.Checkpoint(c.chunksStaged(), c.recordsConsumed(), c.rows().toFileCounts());
    }

    static void putOutcome(ExecutionContext context, FileIngest.Outcome outcome) {
        ExecutionKeys.FILE_OUTCOME.put(context, toValue(outcome));
    }

    static FileOutcome toValue(FileIngest.Outcome outcome) {
        Rows rows = Rows.of(outcome.counts());
        if (outcome instanceof FileIngest.Staged s) {
            return new FileOutcome.Staged(rows, s.encoding(), s.layout(), s.headerNote(), s.absentColumns());
        }
        if (outcome instanceof FileIngest.Refused r) {
            return new FileOutcome.Refused(rows, r.reason());
        }
        return new FileOutcome.Changed(rows, ((FileIngest.Changed) outcome).reason());
    }

    /** How the file's reading ended, or {@code null} while it is not read to its end. */
    static FileIngest.Outcome outcome(ExecutionContext context) {
        FileOutcome value = StepResults.fileOutcome(context);
        if (value == null) {
            return null;
        }
        FileCounts counts = value.rows().toFileCounts();
        if (value instanceof FileOutcome.Staged s) {
            return new FileIngest.Staged(counts, s.encoding(), s.layout(), s.headerNote(), s.absentColumns());
        }
        if (value instanceof FileOutcome.Refused r) {
            return new FileIngest.Refused(counts, r.reason());
        }
        return new FileIngest.Changed(counts, ((FileOutcome.Changed) value).reason());
    }

    /** A file's account as its worker step recorded it: at its end, or at its last committed chunk. */
    static FileCounts counts(ExecutionContext context) {
        Rows rows = StepResults.fileRows(context);
        return rows == null ? FileCounts.NONE : rows.toFileCounts();
    }
}
