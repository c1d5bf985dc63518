package org.oriundos.ingest;

import java.util.List;

/**
 * What the inbox holds, against the ledger.
 *
 * @param toLoad        deliveries with no LOADED ledger entry for their bytes (or whose name's current
 *                      delivery holds other bytes), in load order: by source, period, then delivery
 *                      order (the base name before {@code _v2}, {@code _v3}, …), so a later version
 *                      replaces an earlier one
 * @param alreadyLoaded deliveries whose very bytes are the current delivery, or were loaded before: nothing to do
 * @param stillRefused  deliveries whose very bytes an earlier load refused, not tried again
 * @param unrecognized  entries that are not loaded, with the reason (including those not yet whole)
 */
public record InboxScan(List<Delivery> toLoad, List<Delivery> alreadyLoaded, List<RefusedFile> stillRefused,
                        List<UnrecognizedFile> unrecognized) {
    public InboxScan {
        toLoad = List.copyOf(toLoad);
        alreadyLoaded = List.copyOf(alreadyLoaded);
        stillRefused = List.copyOf(stillRefused);
        unrecognized = List.copyOf(unrecognized);
    }
}
