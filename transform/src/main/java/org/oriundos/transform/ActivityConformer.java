package org.oriundos.transform;

import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.consulate.Consulate;

/** Consular activity: the consulate as id and display name, its US state as a USPS code. */
final class ActivityConformer implements RowConformer {
    private static final TableSchema RAW = RawTables.CONSULAR_ACTIVITY;
    private static final TableSchema OUT = ConformedTables.CONSULAR_ACTIVITY;

    private final ReferenceData ref;
    private final Places places;

    ActivityConformer(ReferenceData ref) {
        this.ref = ref;
        this.places = new Places(ref);
    }

    @Override
    public TableSchema target() {
        return OUT;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        Object[] row = RowConformer.rowWithSameNames(RAW, raw, OUT);
        String written = (String) raw[RAW.indexOf("consulate")];
        Consulate consulate = ref.consulates.resolve(written);
        row[OUT.indexOf("consulate_id")] = consulate.id();
        row[OUT.indexOf("consulate_name")] = consulate.name();
        row[OUT.indexOf("us_state_code")] = places.usState(raw, (String) raw[RAW.indexOf("us_state")], "ESTADO_EUA",
                written, out);
        out.write(row);
    }
}
