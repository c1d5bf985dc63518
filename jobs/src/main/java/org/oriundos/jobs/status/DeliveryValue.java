package org.oriundos.jobs.status;

import java.io.Serializable;

/**
 * An inbox file the scan took, as the job repository keeps it: where it is, which source and
 * period it delivers, its size and the SHA-256 of its bytes (nightly's {@code DeliveryCodec}
 * turns it into ingest's {@code Delivery} and back).
 */
public record DeliveryValue(String file, String fileName, String source, String period, long bytes, String sha256)
        implements Serializable {
}
