package org.oriundos.transform;

import java.util.Set;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.ingest.registry.RegistryRecord;
import org.oriundos.transform.consulate.Consulate;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.text.Folding;

/** Registry snapshot rows: places as codes, consulate as id, and the association they are. */
final class RegistryConformer implements RowConformer {
    private static final Set<String> UNITED_STATES = Set.of("ESTADOS UNIDOS", "ESTADOS UNIDOS DE AMERICA", "EUA",
            "E U A", "EE UU", "EEUU", "USA", "US", "U S A", "U S", "UNITED STATES", "UNITED STATES OF AMERICA");

    private final ReferenceData ref;
    private final Places places;

    RegistryConformer(ReferenceData ref) {
        this.ref = ref;
        this.places = new Places(ref);
    }

    @Override
    public TableSchema target() {
        return ConformedTables.REGISTRY_SNAPSHOT;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        RegistryRecord r = RawTables.REGISTRY_ROWS.fromRow(raw);
        boolean us = r.country() == null || UNITED_STATES.contains(Folding.fold(r.country()));
        Integer foundedYear = r.foundedYear() == null && r.foundedDate() != null
                ? Integer.valueOf(r.foundedDate().getYear()) : r.foundedYear();
        Consulate consulate = ref.consulates.resolve(r.consulate());
        String consulateId = consulate == null ? null : consulate.id();
        String usStateCode = us ? places.usState(raw, r.usState(), "ESTADO_EUA", r.city(), out) : null;
        Places.Place origin = places.place(raw, r.organizationId(), null, r.originState(), "ENTIDAD_ORIGEN",
                null, r.originMunicipality(), "MUNICIPIO_ORIGEN", out);

        boolean historic = Boolean.TRUE.equals(r.historic());
        String associationId = out.linkAssociation(raw, new AssociationRecord(RawTables.REGISTRY.name(),
                out.partition().period(), r.organizationId(), r.name(), origin.stateCode(), origin.municipalityKey(),
                usStateCode, r.city(), consulateId, r.federation(),
                historic ? null : r.organizationId(), historic ? r.organizationId() : null, r.registryKey()));
        out.write(ConformedTables.REGISTRY_SNAPSHOT_ROWS.toRow(new ConformedRegistrySnapshot(r.snapshotDate(),
                r.snapshotDate().getYear(), r.organizationId(), associationId, r.historic(), r.registryKey(), r.name(),
                r.orgType(), r.federation(), consulateId, consulate == null ? null : consulate.name(), r.city(),
                usStateCode, us ? null : r.country(), origin.stateCode(), origin.municipalityKey(), foundedYear,
                r.registeredDate(), r.members()), raw));
    }
}
