package org.oriundos.transform;

/** A raw partition's current delivery: the ledger's latest LOADED entry for (table, period). */
record RawPartition(String table, String period, String loadId, String fileName) {
    String label() {
        return table + "/" + period;
    }
}
