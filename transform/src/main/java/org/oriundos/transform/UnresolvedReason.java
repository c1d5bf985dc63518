package org.oriundos.transform;

import org.oriundos.ingest.Reason;

/**
 * Every reason transform leaves a value unresolved for, by a stable code: the one place the codes
 * are declared. Each site names its code beside the English text it always wrote ({@link #because});
 * the {@code unresolved} table keeps both ({@code reason_code}, {@code reason_args}), and the report
 * renders the code in its language ({@code reason.<CODE>} in the report's messages). A code is
 * never renamed; a new reason gets a new code and its messages in both languages (a test checks).
 * None takes a parameter: the value, and the state it was looked up in, are columns of their own.
 */
public enum UnresolvedReason {
    // Mexican states (geography.StateResolver, Places)
    NO_STATE_GIVEN,
    NO_SUCH_STATE_CODE,
    NO_STATE_OF_THAT_NAME,
    /** a code that names no state, and a name that names none either */
    STATE_CODE_AND_NAME_UNRESOLVED,
    MUNICIPALITY_WITHOUT_STATE,
    STATE_NOT_RESOLVED,
    STATE_NOT_SINGLE,
    // municipalities (geography.MunicipalityResolver, Places)
    NO_MUNICIPALITY_GIVEN,
    NO_MUNICIPALITY_OF_THAT_NAME,
    NOT_A_MUNICIPALITY_CODE,
    NO_SUCH_MUNICIPALITY_CODE,
    /** a code that names no municipality, and a name that names none either */
    MUNICIPALITY_CODE_AND_NAME_UNRESOLVED,
    DISTRICT_DISAGREES,
    SEVERAL_MUNICIPALITIES,
    SEVERAL_MUNICIPALITIES_IN_DISTRICT,
    MUNICIPALITY_NOT_YET_CREATED,
    // US states (geography.UsStateResolver)
    NO_US_STATE_GIVEN,
    NO_US_STATE_OF_THAT_NAME,
    // 3x1 categories (ProjectConformer)
    NOT_A_CATEGORY,
    WORK_TYPE_NOT_MATCHED,
    // Banco de México's series (RemittanceConformer)
    UNIT_NOT_DOLLARS,
    SERIES_TITLE_NOT_RECOGNIZED,
    // the analysts' association overrides (PartitionOutput)
    OVERRIDE_UNKNOWN_ASSOCIATION;

    /** How many parameters the code's messages take: none. */
    public int parameters() {
        return 0;
    }

    /** This reason with its English text. */
    public Reason because(String text) {
        return Reason.of(this, 0, text);
    }
}
