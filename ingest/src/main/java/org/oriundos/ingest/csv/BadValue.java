package org.oriundos.ingest.csv;

import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;

/**
 * A cell whose value cannot be typed; the message is the reason a person reads in the rejects, and
 * {@link #reason()} carries it with its code. Rejects are rare, so this costs nothing on the hot
 * path; no stack trace is kept.
 */
public final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Reason reason;

    public BadValue(Reason reason) {
        super(reason.text(), null, false, false);
        this.reason = reason;
    }

    /** The reason, coded. */
    public Reason reason() {
        return reason;
    }

    static BadValue of(RejectReason code, String text, Object... args) {
        return new BadValue(code.because(text, args));
    }
}
