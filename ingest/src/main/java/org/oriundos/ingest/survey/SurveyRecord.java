package org.oriundos.ingest.survey;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the raw {@code survey} table ({@link org.oriundos.ingest.RawTables#SURVEY}): one
 * respondent of a survey. Its components are the table's columns, in order.
 */
public record SurveyRecord(
        @Required String respondentId,
        @Required String survey,
        @Required Integer year,
        String countryOfBirth,
        String mxStateOfOrigin,
        String usState,
        Integer yearsInUs,
        String yearsInUsMissing,
        Integer age,
        String ageMissing,
        String sex,
        String education,
        String incomeBand,
        String sendsRemittances,
        String callsHomeWeekly,
        Integer tripsHome,
        String tripsHomeMissing,
        String memberAssociation,
        String associationName,
        @Required Double weight) {
}
