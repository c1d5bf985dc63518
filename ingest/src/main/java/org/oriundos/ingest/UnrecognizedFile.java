package org.oriundos.ingest;

import java.nio.file.Path;

/**
 * An entry of the inbox that is not loaded tonight, and why: an unknown name, the same bytes as
 * another file, a symbolic link, a folder, an unreadable file, a file still being written.
 *
 * @param waiting true when it is expected to be taken on a later night once it is whole (still
 *                being written, a {@code .part} name, waiting for its {@code .done} marker)
 */
public record UnrecognizedFile(Path file, String reason, boolean waiting) {

    public UnrecognizedFile(Path file, String reason) {
        this(file, reason, false);
    }

    /** The entry's name, safe to print (control characters escaped). */
    public String name() {
        return DeliveryText.printable(file.getFileName().toString());
    }
}
