package org.oriundos.ingest.csv;

import java.nio.charset.Charset;

/**
 * How a file is encoded, found from its bytes (the providers never say).
 *
 * @param charset   the charset to decode it with
 * @param bomLength bytes of byte-order mark to skip (3 for a UTF-8 BOM, else 0)
 * @param name      as the ledger records it: {@code UTF-8}, {@code UTF-8 (BOM)} or {@code windows-1252}
 */
public record DetectedEncoding(Charset charset, int bomLength, String name) {
}
