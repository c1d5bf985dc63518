package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;
import org.oriundos.transform.geography.UsState;

/** One row of {@code ref_us_state} ({@link ConformedTables#REF_US_STATE}): a US state, DC or territory. Its components are the table's columns, in order. */
public record ConformedUsState(@Required String uspsCode, @Required String fipsCode, @Required String name) {
    static ConformedUsState of(UsState s) {
        return new ConformedUsState(s.uspsCode(), s.fipsCode(), s.name());
    }
}
