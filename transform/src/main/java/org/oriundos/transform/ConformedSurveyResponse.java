package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the conformed {@code survey_response} table ({@link
 * ConformedTables#SURVEY_RESPONSE}): one survey respondent, conformed. Its components are the
 * table's columns, in order; the lineage columns that end the row are not in it.
 */
public record ConformedSurveyResponse(
        @Required String survey,
        @Required Integer year,
        @Required String respondentId,
        String countryOfBirth,
        @Required Boolean bornInMexico,
        String originStateCode,
        String usStateCode,
        Integer yearsInUs,
        String yearsInUsBand, // 0-4, 5-9, 10-19, 20+ or null
        String yearsInUsMissing,
        Integer age,
        String ageMissing,
        String sex,
        String education,
        String incomeBand,
        String sendsRemittances, // Y, N, DK, REF or null
        String callsHomeWeekly,
        Integer tripsHome,
        String tripsHomeMissing,
        String memberAssociation,
        String associationName,
        String associationId,
        @Required Double weight) {
}
