package org.oriundos.transform;

import java.time.LocalDate;
import java.util.Set;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.consulate.Consulate;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.text.Folding;

/** Registry snapshot rows: places as codes, consulate as id, and the association they are. */
final class RegistryConformer implements RowConformer {
    private static final TableSchema RAW = RawTables.REGISTRY;
    private static final TableSchema OUT = ConformedTables.REGISTRY_SNAPSHOT;
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
        return OUT;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        Object[] row = RowConformer.rowWithSameNames(RAW, raw, OUT);
        String country = (String) raw[RAW.indexOf("country")];
        boolean us = country == null || UNITED_STATES.contains(Folding.fold(country));
        row[OUT.indexOf("country")] = us ? null : country;
        row[OUT.indexOf("snapshot_year")] = ((LocalDate) raw[RAW.indexOf("snapshot_date")]).getYear();
        if (row[OUT.indexOf("founded_year")] == null && raw[RAW.indexOf("founded_date")] != null) {
            row[OUT.indexOf("founded_year")] = ((LocalDate) raw[RAW.indexOf("founded_date")]).getYear();
        }
        Consulate consulate = ref.consulates.resolve((String) raw[RAW.indexOf("consulate")]);
        if (consulate != null) {
            row[OUT.indexOf("consulate_id")] = consulate.id();
            row[OUT.indexOf("consulate_name")] = consulate.name();
        }
        String usState = (String) raw[RAW.indexOf("us_state")];
        row[OUT.indexOf("us_state_code")] = us
                ? places.usState(raw, usState, "ESTADO_EUA", (String) raw[RAW.indexOf("city")], out) : null;
        Places.Place origin = places.place(raw, (String) raw[RAW.indexOf("organization_id")], null,
                (String) raw[RAW.indexOf("origin_state")], "ENTIDAD_ORIGEN",
                null, (String) raw[RAW.indexOf("origin_municipality")], "MUNICIPIO_ORIGEN", out);
        row[OUT.indexOf("origin_state_code")] = origin.stateCode();
        row[OUT.indexOf("origin_municipality_key")] = origin.municipalityKey();

        String organizationId = (String) raw[RAW.indexOf("organization_id")];
        boolean historic = Boolean.TRUE.equals(raw[RAW.indexOf("historic")]);
        String name = (String) raw[RAW.indexOf("name")];
        row[OUT.indexOf("association_id")] = out.linkAssociation(raw, new AssociationRecord(RAW.name(),
                out.partition().period(), organizationId, name, origin.stateCode(), origin.municipalityKey(),
                (String) row[OUT.indexOf("us_state_code")], (String) raw[RAW.indexOf("city")],
                (String) row[OUT.indexOf("consulate_id")], (String) raw[RAW.indexOf("federation")],
                historic ? null : organizationId, historic ? organizationId : null,
                (String) raw[RAW.indexOf("registry_key")]));
        out.write(row);
    }
}
