package org.oriundos.ingest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Small files of the data home (caches, metrics) that readers must never see half written. */
public final class LocalFiles {
    private LocalFiles() {
    }

    /**
     * Puts {@code written}, a complete file beside {@code target}, in its place by one rename, so a
     * reader sees the old file or the new one; a file system that cannot rename atomically gets a
     * plain replacing move.
     */
    public static void moveIntoPlace(Path written, Path target) throws IOException {
        try {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
