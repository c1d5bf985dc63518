package org.oriundos.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file in the inbox that the pipeline recognised: which source it is, for which period, and
 * its checksum (which also names the load: {@link #loadId()}).
 *
 * @param file   the file
 * @param source the kind of extract, from the file name
 * @param period the partition it replaces: snapshot date {@code yyyy-MM-dd}, year {@code yyyy},
 *               or {@code <SURVEY>_<YEAR>}
 * @param bytes  its size
 * @param sha256 hex SHA-256 of its bytes
 */
public record Delivery(Path file, Source source, String period, long bytes, String sha256) {
    public Delivery {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(sha256, "sha256");
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /** The load's id: the first 16 hex digits of the SHA-256, so the same bytes are the same load. */
    public String loadId() {
        return sha256.substring(0, 16);
    }
}
