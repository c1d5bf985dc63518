package org.oriundos.ingest.csv;

import java.nio.charset.Charset;

/**
 * How a file is encoded, found from its bytes (the providers never say).
 *
 * @param charset      the charset to decode it with
 * @param bomLength    bytes of byte-order mark to skip (3 for a UTF-8 BOM, else 0)
 * @param name         as the ledger records it: {@code UTF-8}, {@code UTF-8 (BOM)} or {@code windows-1252}
 * @param checkedBytes for UTF-8 told without a BOM, how many leading bytes were checked when the
 *                     file is longer than that (the rest is checked record by record as it is
 *                     read); 0 when the whole file was checked or nothing needs checking
 */
public record DetectedEncoding(Charset charset, int bomLength, String name, long checkedBytes) {
    public DetectedEncoding(Charset charset, int bomLength, String name) {
        this(charset, bomLength, name, 0);
    }

    /** Whether UTF-8 was told from a prefix only, so a later record may yet hold invalid bytes. */
    public boolean toldFromPrefix() {
        return checkedBytes > 0;
    }
}
