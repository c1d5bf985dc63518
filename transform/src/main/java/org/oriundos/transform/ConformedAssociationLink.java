package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the conformed {@code association_link} table ({@link ConformedTables#ASSOCIATION_LINK}):
 * which association one association-bearing source record was linked to, by which rule and with
 * what evidence. Its components are the table's columns, in order.
 */
public record ConformedAssociationLink(
        @Required String sourceTable,
        @Required String period,
        @Required String sourceRecordId,   // registry: organization_id; projects: folio; survey: respondent_id
        @Required String sourceFile,
        long sourceLine,
        @Required String sourceName,
        @Required String normalizedName,
        String originStateCode,
        @Required String associationId,
        @Required String rule,             // OVERRIDE_LINK, OVERRIDE_APART, IME_ID, HISTORIC_ID, REGISTRY_KEY, KEY_CONFLICT, MATCH, REVIEW, AMBIGUOUS, NEW
        double score,
        Double matchWeight,
        Double matchProbability,
        int candidates,
        String runnerUpId,
        Double runnerUpWeight,
        @Required String loadId) {
}
