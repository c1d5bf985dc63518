package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;
import org.oriundos.transform.geography.MexicanState;

/** One row of {@code ref_state} ({@link ConformedTables#REF_STATE}): one INEGI state. Its components are the table's columns, in order. */
public record ConformedState(@Required String stateCode, @Required String stateName, @Required String stateAbbr) {
    static ConformedState of(MexicanState s) {
        return new ConformedState(s.code(), s.name(), s.abbreviation());
    }
}
