package org.oriundos.warehouse;

import java.util.List;

/**
 * A quality check found offending rows in a freshly built warehouse. The build was discarded:
 * the published warehouse is the one of the previous successful run.
 */
public final class QualityCheckFailedException extends RuntimeException {
    private final String checkName;
    private final List<String> failedChecks;

    public QualityCheckFailedException(String checkName, List<String> failedChecks, String message) {
        super(message);
        this.checkName = checkName;
        this.failedChecks = List.copyOf(failedChecks);
    }

    /** The first check that failed. */
    public String checkName() {
        return checkName;
    }

    /** Every check that failed, in the order they ran. */
    public List<String> failedChecks() {
        return failedChecks;
    }
}
