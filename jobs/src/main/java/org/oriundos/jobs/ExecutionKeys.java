package org.oriundos.jobs;

/**
 * The names under which the nightly job keeps its account in the job repository's execution
 * contexts; {@code status} reads them back.
 */
public final class ExecutionKeys {
    /** Job parameter: increases by one for each new night, so a restart resumes the same instance. */
    public static final String RUN_ID = "run.id";
    /** Job parameter: rebuild the conformed zone and the warehouse from nothing. */
    public static final String FULL_REBUILD = "full.rebuild";
    /** Job parameter: {@code <table>:<period>} to reload, or empty. */
    public static final String BACKFILL = "backfill";

    // job execution context
    public static final String DELIVERIES = "deliveries";
    public static final String NOTHING_NEW_MESSAGE = "nothing.new";
    /** Set when a night with nothing new goes on because the reference data (conf/ files) changed. */
    public static final String REFERENCE_CHANGED = "reference.changed";
    public static final String FILES_ALREADY_LOADED = "files.already.loaded";
    public static final String FILES_UNRECOGNIZED = "files.unrecognized";
    /** Lines {@code <file>: <reason>}: inbox files the scan did not take (an unknown name, a twin, an old version). */
    public static final String NOT_TAKEN = "files.not.taken";
    /** Lines {@code <file>: <reason> (refused <date>)}: inbox files whose very bytes were refused before, not tried again. */
    public static final String STILL_REFUSED = "files.still.refused";
    public static final String FILES_LOADED = "files.loaded";
    public static final String FILES_REFUSED = "files.refused";
    public static final String REFUSALS = "refusals";
    /** Lines {@code <file>: <columns>}: files taken without some descriptive columns of their layout. */
    public static final String TAKEN_WITHOUT = "files.taken.without";
    /** Lines {@code <file>: <reason>}: files whose bytes changed while they were loaded; not published. */
    public static final String CHANGED_FILES = "files.changed";
    public static final String ROWS_READ = "rows.read";
    public static final String ROWS_LOADED = "rows.loaded";
    public static final String ROWS_REJECTED = "rows.rejected";
    public static final String ROWS_SKIPPED = "rows.skipped";
    public static final String CONFORM_SUMMARY = "conform.summary";
    public static final String WAREHOUSE_SUMMARY = "warehouse.summary";
    public static final String REPORT_SUMMARY = "report.summary";

    // a file's worker step execution context
    public static final String FILE = "file";
    public static final String FILE_NAME = "file.name";
    public static final String RECORDS_CONSUMED = "records.consumed";
    public static final String CHUNKS_COMMITTED = "chunks.committed";
    public static final String READ = "read";
    public static final String LOADED = "loaded";
    public static final String REJECTED = "rejected";
    public static final String SKIPPED = "skipped";
    public static final String ENCODING = "encoding";
    public static final String LAYOUT = "layout";
    public static final String HEADER_NOTE = "header.note";
    /** The layout's columns the file does not have, comma-separated (absent when it has them all). */
    public static final String ABSENT_COLUMNS = "absent.columns";
    public static final String REFUSED = "refused";
    /** Why the file's bytes were not those the scan hashed: nothing of it is published. */
    public static final String CHANGED = "changed";
    public static final String OUTCOME = "outcome";

    private ExecutionKeys() {
    }
}
