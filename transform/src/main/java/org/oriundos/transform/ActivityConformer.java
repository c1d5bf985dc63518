package org.oriundos.transform;

import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.consular.ActivityRecord;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.consulate.Consulate;

/** Consular activity: the consulate as id and display name, its US state as a USPS code. */
final class ActivityConformer implements RowConformer {
    private final ReferenceData ref;
    private final Places places;

    ActivityConformer(ReferenceData ref) {
        this.ref = ref;
        this.places = new Places(ref);
    }

    @Override
    public TableSchema target() {
        return ConformedTables.CONSULAR_ACTIVITY;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        ActivityRecord r = RawTables.CONSULAR_ACTIVITY_ROWS.fromRow(raw);
        Consulate consulate = ref.consulates.resolve(r.consulate());
        String usState = places.usState(raw, r.usState(), "ESTADO_EUA", r.consulate(), out);
        out.write(ConformedTables.CONSULAR_ACTIVITY_ROWS.toRow(new ConformedActivity(consulate.id(), consulate.name(),
                usState, r.year(), r.month(), r.matriculasIssued(), r.vdsServices(), r.vdsReferrals(), r.vdsTests(),
                r.plazasActive(), r.plazasStudents()), raw));
    }
}
