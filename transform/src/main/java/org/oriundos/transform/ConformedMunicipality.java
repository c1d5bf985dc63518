package org.oriundos.transform;

import org.oriundos.ingest.lake.ColumnName;
import org.oriundos.ingest.lake.Required;
import org.oriundos.transform.geography.Municipality;

/**
 * One row of {@code ref_municipality} ({@link ConformedTables#REF_MUNICIPALITY}): one INEGI
 * municipality. Its components are the table's columns, in order.
 */
public record ConformedMunicipality(
        @Required String municipalityKey,
        @Required String stateCode,
        @Required String municipalityCode,
        @Required String municipalityName,
        @ColumnName("population_2020") Long population2020) {

    static ConformedMunicipality of(Municipality m) {
        return new ConformedMunicipality(m.key(), m.stateCode(), m.code(), m.name(), m.population2020());
    }
}
