package org.oriundos.jobs.nightly;

import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.FileIngest;
import org.oriundos.jobs.ExecutionKeys;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A file's load as values in its worker step's execution context, written and read here only:
 * the loop's {@link FileIngest.Checkpoint} (where a restart goes on from) and, once the file is
 * read, its {@link FileIngest.Outcome}. Plain strings and numbers, so the job repository (H2 or
 * PostgreSQL) stores them whatever serializer it uses.
 */
final class FileResults {
    private static final String STAGED = "staged";
    private static final String REFUSED = "refused";
    private static final String CHANGED = "changed";

    private FileResults() {
    }

    static void putCheckpoint(ExecutionContext context, FileIngest.Checkpoint c) {
        context.putInt(ExecutionKeys.CHUNKS_COMMITTED, c.chunksStaged());
        context.putLong(ExecutionKeys.RECORDS_CONSUMED, c.recordsConsumed());
        putCounts(context, c.counts());
    }

    static FileIngest.Checkpoint checkpoint(ExecutionContext context) {
        return new FileIngest.Checkpoint(context.getInt(ExecutionKeys.CHUNKS_COMMITTED, 0),
                context.getLong(ExecutionKeys.RECORDS_CONSUMED, 0L), counts(context));
    }

    static void putOutcome(ExecutionContext context, FileIngest.Outcome outcome) {
        putCounts(context, outcome.counts());
        if (outcome instanceof FileIngest.Staged s) {
            context.putString(ExecutionKeys.OUTCOME, STAGED);
            context.putString(ExecutionKeys.ENCODING, s.encoding());
            context.putString(ExecutionKeys.LAYOUT, s.layout());
            if (s.headerNote() != null) {
                context.putString(ExecutionKeys.HEADER_NOTE, s.headerNote());
            }
            if (s.absentColumns() != null) {
                context.putString(ExecutionKeys.ABSENT_COLUMNS, s.absentColumns());
            }
        } else if (outcome instanceof FileIngest.Refused r) {
            context.putString(ExecutionKeys.OUTCOME, REFUSED);
            context.putString(ExecutionKeys.REFUSED, r.reason());
        } else if (outcome instanceof FileIngest.Changed c) {
            context.putString(ExecutionKeys.OUTCOME, CHANGED);
            context.putString(ExecutionKeys.CHANGED, c.reason());
        }
    }

    /** How the file's reading ended, or {@code null} while it is not read to its end. */
    static FileIngest.Outcome outcome(ExecutionContext context) {
        String kind = context.getString(ExecutionKeys.OUTCOME, "");
        return switch (kind) {
            case STAGED -> new FileIngest.Staged(counts(context), context.getString(ExecutionKeys.ENCODING),
                    context.getString(ExecutionKeys.LAYOUT), optional(context, ExecutionKeys.HEADER_NOTE),
                    optional(context, ExecutionKeys.ABSENT_COLUMNS));
            case REFUSED -> new FileIngest.Refused(counts(context), context.getString(ExecutionKeys.REFUSED));
            case CHANGED -> new FileIngest.Changed(counts(context), context.getString(ExecutionKeys.CHANGED));
            default -> null;
        };
    }

    /** A file's account as its worker step recorded it. */
    static FileCounts counts(ExecutionContext context) {
        return new FileCounts(context.getLong(ExecutionKeys.READ, 0L), context.getLong(ExecutionKeys.LOADED, 0L),
                context.getLong(ExecutionKeys.REJECTED, 0L), context.getLong(ExecutionKeys.SKIPPED, 0L));
    }

    private static void putCounts(ExecutionContext context, FileCounts counts) {
        context.putLong(ExecutionKeys.READ, counts.read());
        context.putLong(ExecutionKeys.LOADED, counts.loaded());
        context.putLong(ExecutionKeys.REJECTED, counts.rejected());
        context.putLong(ExecutionKeys.SKIPPED, counts.skipped());
    }

    private static String optional(ExecutionContext context, String key) {
        return context.containsKey(key) ? context.getString(key) : null;
    }
}
