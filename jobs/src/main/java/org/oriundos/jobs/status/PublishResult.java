package org.oriundos.jobs.status;

import java.io.Serializable;
import java.util.List;

/**
 * What {@code publishFiles} decided for the night's files.
 *
 * @param filesLoaded  files published into the lake
 * @param filesRefused files refused or held back (the ledger records them as FAILED)
 * @param rows         the rows of every decided file (a refused file loaded none)
 * @param refused      each refused or held-back file and why
 * @param takenWithout each file loaded without some descriptive columns of its layout
 * @param changed      each file whose bytes changed while it was loaded, not published
 * @param rejects      why the night's rejected count differs from what {@code oriundos rejects} lists
 */
public record PublishResult(int filesLoaded, int filesRefused, Rows rows, List<FileNote> refused,
                            List<FileNote> takenWithout, List<FileNote> changed, RejectAccount rejects)
        implements Serializable {

    public PublishResult {
        refused = List.copyOf(refused);
        takenWithout = List.copyOf(takenWithout);
        changed = List.copyOf(changed);
    }

    /** True when some file was refused, held back or changed: the command exits 6. */
    public boolean needsAttention() {
        return filesRefused > 0 || !changed.isEmpty();
    }

    /** A file and what is to be said of it: a reason, or the columns it lacked. */
    public record FileNote(String fileName, String note) implements Serializable {
    }
}
