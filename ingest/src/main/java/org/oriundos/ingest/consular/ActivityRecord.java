package org.oriundos.ingest.consular;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the raw {@code consular_activity} table ({@link
 * org.oriundos.ingest.RawTables#CONSULAR_ACTIVITY}): one consulate's activity in one month. Its
 * components are the table's columns, in order.
 */
public record ActivityRecord(
        @Required String consulate,
        String usState,
        @Required Integer year,
        @Required Integer month,
        Long matriculasIssued,
        Long vdsServices,
        Long vdsReferrals,
        Long vdsTests,
        Long plazasActive,
        Long plazasStudents) {
}
