package org.oriundos.ingest;

import java.nio.file.Path;

/** A file in the inbox that is not loaded, and why (an unknown name, the same bytes as another file). */
public record UnrecognizedFile(Path file, String reason) {
}
