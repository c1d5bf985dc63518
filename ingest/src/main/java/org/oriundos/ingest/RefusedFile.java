package org.oriundos.ingest;

/**
 * A file in the inbox whose very bytes were refused by an earlier load ({@code refusal}, a FAILED
 * ledger entry saying why). Loading the same bytes again would refuse them again, so a night does
 * not try; a corrected delivery, or a full rebuild (after the reject threshold was raised), does.
 */
public record RefusedFile(Delivery delivery, LedgerEntry refusal) {
}
