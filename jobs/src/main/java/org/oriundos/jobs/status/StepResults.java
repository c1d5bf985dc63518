package org.oriundos.jobs.status;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oriundos.jobs.ExecutionKeys;
import org.oriundos.jobs.ExecutionKeys.Legacy;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Each step's result as a run recorded it: the typed value ({@link ExecutionKeys.Typed}) or, for a
 * run recorded by a version before the typed results, what that version wrote instead. The one
 * reader of those older keys: what can be rebuilt as a value (a file's delivery, checkpoint and
 * outcome, so such a run still resumes) is rebuilt; the rest ({@link #oldLines}) is only shown.
 */
public final class StepResults {
    private static final String STAGED = "staged";
    private static final String REFUSED = "refused";
    private static final String CHANGED = "changed";

    private StepResults() {
    }

    /** The delivery a file's worker step loads. */
    public static DeliveryValue delivery(ExecutionContext step) {
        return ExecutionKeys.DELIVERY.in(step).orElseGet(() -> new DeliveryValue(step.getString(Legacy.FILE),
                step.getString(Legacy.FILE_NAME), step.getString(Legacy.SOURCE), step.getString(Legacy.PERIOD),
                step.getLong(Legacy.BYTES), step.getString(Legacy.SHA256)));
    }

    /** The name of the file a step loads, or null when it is not a file's worker step. */
    public static String fileName(ExecutionContext step) {
        return ExecutionKeys.DELIVERY.in(step).map(DeliveryValue::fileName)
                .orElseGet(() -> step.containsKey(Legacy.FILE_NAME) ? step.getString(Legacy.FILE_NAME) : null);
    }

    /** Where a file's load goes on from; the start when it has not committed a chunk yet. */
    public static FileCheckpoint checkpoint(ExecutionContext step) {
        return ExecutionKeys.CHECKPOINT.in(step).orElseGet(() -> new FileCheckpoint(
                step.getInt(Legacy.CHUNKS_COMMITTED, 0), step.getLong(Legacy.RECORDS_CONSUMED, 0L), oldRows(step)));
    }

    /** How the file's reading ended, or {@code null} while it is not read to its end. */
    public static FileOutcome fileOutcome(ExecutionContext step) {
        Optional<FileOutcome> typed = ExecutionKeys.FILE_OUTCOME.in(step);
        if (typed.isPresent()) {
            return typed.get();
        }
        Rows rows = oldRows(step);
        return switch (step.getString(Legacy.OUTCOME, "")) {
            case STAGED -> new FileOutcome.Staged(rows, step.getString(Legacy.ENCODING), step.getString(Legacy.LAYOUT),
                    optional(step, Legacy.HEADER_NOTE), optional(step, Legacy.ABSENT_COLUMNS));
            case REFUSED -> new FileOutcome.Refused(rows, step.getString(Legacy.REFUSED));
            case CHANGED -> new FileOutcome.Changed(rows, step.getString(Legacy.CHANGED));
            default -> null;
        };
    }

    /** A file's rows: at the end of its reading, or at its last committed chunk; null when it has none yet. */
    public static Rows fileRows(ExecutionContext step) {
        FileOutcome outcome = fileOutcome(step);
        if (outcome != null) {
            return outcome.rows();
        }
        if (ExecutionKeys.CHECKPOINT.isIn(step)) {
            return ExecutionKeys.CHECKPOINT.in(step).orElseThrow().rows();
        }
        return step.containsKey(Legacy.READ) ? oldRows(step) : null;
    }

    /** The files the night's scan took; none before the scan ran. */
    public static List<DeliveryValue> toLoad(ExecutionContext job) {
        Optional<ScanResult> scan = ExecutionKeys.SCAN.in(job);
        if (scan.isPresent()) {
            return scan.get().toLoad();
        }
        List<DeliveryValue> deliveries = new ArrayList<>();
        for (String line : oldLines(job, Legacy.DELIVERIES)) { // a line per file, tab-separated fields
            String[] f = line.split("\t", -1);
            if (f.length == 5) {
                deliveries.add(new DeliveryValue(f[0], Path.of(f[0]).getFileName().toString(), f[1], f[2],
                        Long.parseLong(f[3]), f[4]));
            }
        }
        return deliveries;
    }

    /** An older version's sentence under {@code key}, or null. */
    static String oldText(ExecutionContext job, String key) {
        Object value = job.get(key);
        return value == null ? null : value.toString();
    }

    /** An older version's number under {@code key}, or null. */
    static Long oldNumber(ExecutionContext job, String key) {
        return job.get(key) instanceof Number n ? n.longValue() : null;
    }

    /** An older version's {@code \n}-joined lines under {@code key}, blank ones left out. */
    static List<String> oldLines(ExecutionContext job, String key) {
        String text = oldText(job, key);
        return text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static Rows oldRows(ExecutionContext step) {
        return new Rows(step.getLong(Legacy.READ, 0L), step.getLong(Legacy.LOADED, 0L),
                step.getLong(Legacy.REJECTED, 0L), step.getLong(Legacy.SKIPPED, 0L));
    }

    private static String optional(ExecutionContext context, String key) {
        return context.containsKey(key) ? context.getString(key) : null;
    }
}
