package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the conformed {@code consular_activity} table ({@link
 * ConformedTables#CONSULAR_ACTIVITY}): one consulate's activity in one month, conformed. Its
 * components are the table's columns, in order; the lineage columns that end the row are not in
 * it.
 */
public record ConformedActivity(
        @Required String consulateId,
        @Required String consulateName,
        String usStateCode,
        @Required Integer year,
        @Required Integer month,
        Long matriculasIssued,
        Long vdsServices,
        Long vdsReferrals,
        Long vdsTests,
        Long plazasActive,
        Long plazasStudents) {
}
