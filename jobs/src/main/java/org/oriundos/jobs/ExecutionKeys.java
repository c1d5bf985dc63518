package org.oriundos.jobs;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.oriundos.jobs.status.ConformResult;
import org.oriundos.jobs.status.DeliveryValue;
import org.oriundos.jobs.status.FileCheckpoint;
import org.oriundos.jobs.status.FileOutcome;
import org.oriundos.jobs.status.PublishResult;
import org.oriundos.jobs.status.ReportOutcome;
import org.oriundos.jobs.status.ScanResult;
import org.oriundos.jobs.status.WarehouseResult;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The names under which the nightly job keeps its account in the job repository: its parameters,
 * and each step's result as one typed value ({@link Typed}) that {@code status} reads back and
 * {@code status.RunPrinter} prints. The values are records of {@code org.oriundos.jobs.status},
 * the one package the job repository's serializer trusts besides the JDK's and Spring Batch's
 * ({@link #TRUSTED_CLASSES}).
 */
public final class ExecutionKeys {
    /** Job parameter: increases by one for each new night, so a restart resumes the same instance. */
    public static final String RUN_ID = "run.id";
    /** Job parameter: rebuild the conformed zone and the warehouse from nothing. */
    public static final String FULL_REBUILD = "full.rebuild";
    /** Job parameter of a backfill: the lake table to reload ({@code projects}); absent for a night. */
    public static final String BACKFILL_TABLE = "backfill.table";
    /** Job parameter of a backfill: the period (year) to reload; absent for a night. */
    public static final String BACKFILL_PERIOD = "backfill.period";

    /** The classes of the values below, as a {@link java.io.ObjectInputFilter} pattern. */
    public static final String TRUSTED_CLASSES = "org.oriundos.jobs.status.*";

    // job execution context: one value per step
    public static final Typed<ScanResult> SCAN = new Typed<>("result.scan", ScanResult.class);
    public static final Typed<PublishResult> PUBLISH = new Typed<>("result.publish", PublishResult.class);
    public static final Typed<ConformResult> CONFORM = new Typed<>("result.conform", ConformResult.class);
    public static final Typed<WarehouseResult> WAREHOUSE = new Typed<>("result.warehouse", WarehouseResult.class);
    public static final Typed<ReportOutcome> REPORT = new Typed<>("result.report", ReportOutcome.class);

    // a file's worker step execution context
    public static final Typed<DeliveryValue> DELIVERY = new Typed<>("file.delivery", DeliveryValue.class);
    /** Where a restart goes on from: saved with each committed chunk. */
    public static final Typed<FileCheckpoint> CHECKPOINT = new Typed<>("file.checkpoint", FileCheckpoint.class);
    /** How the file's reading ended; absent while it is not read to its end. */
    public static final Typed<FileOutcome> FILE_OUTCOME = new Typed<>("file.outcome", FileOutcome.class);

    /**
     * What versions before the typed results wrote: sentences, {@code \n}-joined lines and loose
     * numbers. Never written now; read only by {@code status.LegacyResults}, so that the runs an
     * older version recorded still show (and an unfinished one still resumes).
     */
    public static final class Legacy {
        /** Job parameter: {@code <table>:<period>} to reload, or empty. */
        public static final String BACKFILL = "backfill";
        public static final String DELIVERIES = "deliveries";
        /** Set once the night's first execution has scanned the inbox. */
        public static final String SCANNED = "inbox.scanned";
        public static final String NOTHING_NEW_MESSAGE = "nothing.new";
        public static final String REFERENCE_CHANGED = "reference.changed";
        public static final String NOT_TAKEN = "files.not.taken";
        public static final String STILL_REFUSED = "files.still.refused";
        public static final String FILES_LOADED = "files.loaded";
        public static final String FILES_REFUSED = "files.refused";
        public static final String REFUSALS = "refusals";
        public static final String TAKEN_WITHOUT = "files.taken.without";
        public static final String CHANGED_FILES = "files.changed";
        public static final String ROWS_READ = "rows.read";
        public static final String ROWS_LOADED = "rows.loaded";
        public static final String ROWS_REJECTED = "rows.rejected";
        public static final String ROWS_SKIPPED = "rows.skipped";
        public static final String REJECTS_NOTE = "rejects.note";
        public static final String CONFORM_SUMMARY = "conform.summary";
        public static final String WAREHOUSE_SUMMARY = "warehouse.summary";
        public static final String REPORT_SUMMARY = "report.summary";
        public static final String REMITTANCE_NOTES = "remittances.notes";
        // a file's worker step
        public static final String FILE = "file";
        public static final String FILE_NAME = "file.name";
        public static final String SOURCE = "source";
        public static final String PERIOD = "period";
        public static final String BYTES = "bytes";
        public static final String SHA256 = "sha256";
        public static final String RECORDS_CONSUMED = "records.consumed";
        public static final String CHUNKS_COMMITTED = "chunks.committed";
        public static final String READ = "read";
        public static final String LOADED = "loaded";
        public static final String REJECTED = "rejected";
        public static final String SKIPPED = "skipped";
        public static final String ENCODING = "encoding";
        public static final String LAYOUT = "layout";
        public static final String HEADER_NOTE = "header.note";
        public static final String ABSENT_COLUMNS = "absent.columns";
        public static final String REFUSED = "refused";
        public static final String CHANGED = "changed";
        public static final String OUTCOME = "outcome";

        private Legacy() {
        }
    }

    /**
     * A value of type {@code T} kept under {@code name} in an execution context: the one way the
     * job's steps put their results there and everything else reads them back.
     */
    public record Typed<T extends Serializable>(String name, Class<T> type) {

        public void put(ExecutionContext context, T value) {
            context.put(name, Objects.requireNonNull(value, name));
        }

        /** The value, or empty when the context has none of this type (a run of an older version). */
        public Optional<T> in(ExecutionContext context) {
            Object value = context.get(name);
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        }

        public boolean isIn(ExecutionContext context) {
            return type.isInstance(context.get(name));
        }
    }

    private ExecutionKeys() {
    }
}
