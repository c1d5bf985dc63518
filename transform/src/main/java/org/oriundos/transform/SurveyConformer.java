package org.oriundos.transform;

import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.identity.AssociationRecord;
import org.oriundos.transform.survey.SurveyRules;

/** Survey respondents: born in Mexico, state codes, years-in-US band, and the association they name. */
final class SurveyConformer implements RowConformer {
    private static final TableSchema RAW = RawTables.SURVEY;
    private static final TableSchema OUT = ConformedTables.SURVEY_RESPONSE;

    private final Places places;

    SurveyConformer(ReferenceData ref) {
        this.places = new Places(ref);
    }

    @Override
    public TableSchema target() {
        return OUT;
    }

    @Override
    public void conform(Object[] raw, PartitionOutput out) {
        Object[] row = RowConformer.rowWithSameNames(RAW, raw, OUT);
        String country = (String) raw[RAW.indexOf("country_of_birth")];
        String mxState = (String) raw[RAW.indexOf("mx_state_of_origin")];
        row[OUT.indexOf("born_in_mexico")] = SurveyRules.bornInMexico(country, mxState);
        String originState = places.state(raw, mxState, "MX_STATE_OF_ORIGIN", out);
        row[OUT.indexOf("origin_state_code")] = originState;
        String usState = places.usState(raw, (String) raw[RAW.indexOf("us_state")], "US_STATE", null, out);
        row[OUT.indexOf("us_state_code")] = usState;
        row[OUT.indexOf("years_in_us_band")] = SurveyRules.yearsInUsBand((Integer) raw[RAW.indexOf("years_in_us")]);
        String associationName = (String) raw[RAW.indexOf("association_name")];
        if (associationName != null && !associationName.isBlank()) {
            String respondent = (String) raw[RAW.indexOf("respondent_id")];
            row[OUT.indexOf("association_id")] = out.linkAssociation(raw, new AssociationRecord(RAW.name(),
                    out.partition().period(), respondent, associationName, originState, null, usState, null, null, null,
                    null, null, null));
        }
        out.write(row);
    }
}
