package org.oriundos.jobs.status;

import java.io.Serializable;

/**
 * How a file's reading ended, kept in its worker step's context for {@code publishFiles} to decide
 * the file and for {@code status} to show. Reasons name columns and lines, never a cell.
 */
public sealed interface FileOutcome extends Serializable {
    Rows rows();

    /** Read to its end, every part staged; {@code absentColumns} (comma-separated) or null when it has them all. */
    record Staged(Rows rows, String encoding, String layout, String headerNote, String absentColumns)
            implements FileOutcome {
    }

    /** The whole file cannot be loaded, for {@code reason}. */
    record Refused(Rows rows, String reason) implements FileOutcome {
    }

    /** Its bytes are not those the scan hashed: nothing of it is published. */
    record Changed(Rows rows, String reason) implements FileOutcome {
    }
}
