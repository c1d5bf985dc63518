package org.oriundos.ingest.csv;

/**
 * A cell whose value cannot be typed; the message is the reason a person reads in the rejects.
 * Rejects are rare, so this costs nothing on the hot path; no stack trace is kept.
 */
public final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    public BadValue(String reason) {
        super(reason, null, false, false);
    }
}
