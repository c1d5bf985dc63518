package org.oriundos.transform;

import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.ingest.survey.SurveyRecord;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.survey.SurveyRules;

/** Survey respondents: born in Mexico, state codes, years-in-US band, and the association they name. */
final class SurveyConformer implements RowConformer {
    private final Places places;

    SurveyConformer(ReferenceData ref) {
        this.places = new Places(ref);
    }

    @Override
    public TableSchema target() {
        return ConformedTables.SURVEY_RESPONSE;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        SurveyRecord r = RawTables.SURVEY_ROWS.fromRow(raw);
        String originState = places.state(raw, r.mxStateOfOrigin(), "MX_STATE_OF_ORIGIN", out);
        String usState = places.usState(raw, r.usState(), "US_STATE", null, out);
        String associationId = null;
        if (r.associationName() != null && !r.associationName().isBlank()) {
            associationId = out.linkAssociation(raw, new AssociationRecord(RawTables.SURVEY.name(),
                    out.partition().period(), r.respondentId(), r.associationName(), originState, null, usState, null,
                    null, null, null, null, null));
        }
        out.write(ConformedTables.SURVEY_RESPONSE_ROWS.toRow(new ConformedSurveyResponse(r.survey(), r.year(),
                r.respondentId(), r.countryOfBirth(), SurveyRules.bornInMexico(r.countryOfBirth(), r.mxStateOfOrigin()),
                originState, usState, r.yearsInUs(), SurveyRules.yearsInUsBand(r.yearsInUs()), r.yearsInUsMissing(),
                r.age(), r.ageMissing(), r.sex(), r.education(), r.incomeBand(), r.sendsRemittances(),
                r.callsHomeWeekly(), r.tripsHome(), r.tripsHomeMissing(), r.memberAssociation(), r.associationName(),
                associationId, r.weight()), raw));
    }
}
