package org.oriundos.ingest.survey;

import static org.oriundos.ingest.csv.Layout.opt;
import static org.oriundos.ingest.csv.Layout.req;

import java.util.List;
import java.util.Map;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.Reason;
import org.oriundos.ingest.RejectReason;
import org.oriundos.ingest.csv.BadValue;
import org.oriundos.ingest.csv.Fields;
import org.oriundos.ingest.csv.Layout;
import org.oriundos.ingest.csv.RecordParser;
import org.oriundos.ingest.csv.Text;
import org.oriundos.ingest.csv.Values;
import org.oriundos.ingest.registry.RegistryParser;

/**
 * Survey microdata, {@code survey_<SURVEY>_<YEAR>.csv}: one row per respondent, keyed by
 * RESPONDENT_ID. Yes/no answers keep their code (Y, N, DK, REF). Numeric answers coded 98 (don't
 * know) or 99 (refused) are missing values, not numbers: stored as null with the reason.
 */
public final class SurveyParser implements RecordParser {
    public static final Layout LAYOUT = new Layout("survey", List.of(
            req("RESPONDENT_ID"), req("SURVEY"), req("YEAR"), opt("COUNTRY_OF_BIRTH"), opt("MX_STATE_OF_ORIGIN"),
            opt("US_STATE"), opt("YEARS_IN_US"), opt("AGE"), opt("SEX"), opt("EDUCATION"), opt("INCOME_BAND"),
            opt("SENDS_REMITTANCES"), opt("CALLS_HOME_WEEKLY"), opt("TRIPS_HOME"), opt("MEMBER_ASSOCIATION"),
            opt("ASSOCIATION_NAME"), req("WEIGHT")));
    private static final int ID = 0;
    private static final int SURVEY = 1;
    private static final int YEAR = 2;
    private static final int COUNTRY = 3;
    private static final int MX_STATE = 4;
    private static final int US_STATE = 5;
    private static final int YEARS_IN_US = 6;
    private static final int AGE = 7;
    private static final int SEX = 8;
    private static final int EDUCATION = 9;
    private static final int INCOME = 10;
    private static final int REMITS = 11;
    private static final int CALLS = 12;
    private static final int TRIPS = 13;
    private static final int MEMBER = 14;
    private static final int ASSOCIATION = 15;
    private static final int WEIGHT = 16;

    private static final Map<String, String> YES_NO = RegistryParser.canonical("Y", "N", "DK", "REF");

    private final String survey;
    private final int fileYear;

    public SurveyParser(String survey, int fileYear) {
        this.survey = survey;
        this.fileYear = fileYear;
    }

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public void parse(Fields f, Object[] row) {
        RawTables.SURVEY_ROWS.fill(respondent(f), row);
    }

    /** The record's respondent; a value with a problem is {@code null}, and the problem is in {@code f}. */
    SurveyRecord respondent(Fields f) {
        String id = f.requiredText(ID);
        String s = f.requiredText(SURVEY);
        if (s != null && !Text.key(s).equals(Text.key(survey))) {
            f.problem(SURVEY, RejectReason.SURVEY_NOT_THE_FILE_NAMES.because(
                    "SURVEY " + s + " differs from the survey of the file name (" + survey + ")", survey));
        }
        String surveyName = s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
        Integer year = f.yearOfFile(YEAR, "YEAR", fileYear);
        String country = f.text(COUNTRY);
        String mxState = f.text(MX_STATE);
        String usState = f.text(US_STATE);
        Coded yearsInUs = coded(f, YEARS_IN_US, 0, 97);
        Coded age = coded(f, AGE, 0, 97);
        String sex = f.text(SEX);
        String education = f.text(EDUCATION);
        String income = f.text(INCOME);
        String remits = f.oneOf(REMITS, false, YES_NO);
        String calls = f.oneOf(CALLS, false, YES_NO);
        Coded trips = coded(f, TRIPS, 0, 97);
        String member = f.oneOf(MEMBER, false, YES_NO);
        String association = f.text(ASSOCIATION);
        Double weight = null;
        String w = f.text(WEIGHT);
        if (w == null) {
            f.missing(WEIGHT);
        } else {
            try {
                double parsed = Double.parseDouble(w);
                if (!(parsed > 0) || Double.isInfinite(parsed)) {
                    f.problem(WEIGHT, RejectReason.WEIGHT_NOT_POSITIVE.because("a weight must be a positive number"));
                } else {
                    weight = parsed;
                }
            } catch (NumberFormatException e) {
                f.problem(WEIGHT, RejectReason.NOT_A_NUMBER.because("not a number"));
            }
        }
        return new SurveyRecord(id, surveyName, year, country, mxState, usState, yearsInUs.value(),
                yearsInUs.missing(), age.value(), age.missing(), sex, education, income, remits, calls,
                trips.value(), trips.missing(), member, association, weight);
    }

    /** A numeric answer, or why it is missing ({@code DK}, {@code REF}); both null when blank or wrong. */
    private record Coded(Integer value, String missing) {
        static final Coded NONE = new Coded(null, null);
        static final Coded DK = new Coded(null, "DK");
        static final Coded REF = new Coded(null, "REF");
    }

    /**
     * A numeric answer: 98 and 99 (and the words DK and REF) are missing values, stored as null
     * with the reason in the {@code *_missing} column next to the value's.
     */
    private static Coded coded(Fields f, int field, int min, int max) {
        String s = f.text(field);
        if (s == null) {
            return Coded.NONE;
        }
        String k = Text.key(s);
        if (k.equals("98") || k.equals("DK")) {
            return Coded.DK;
        }
        if (k.equals("99") || k.equals("REF")) {
            return Coded.REF;
        }
        try {
            return new Coded(Values.intBetween(s, min, max), null);
        } catch (BadValue e) {
            f.problem(field, RejectReason.ANSWER_NOT_A_NUMBER_OR_CODE.because(e.getMessage()
                    + " (98 = don't know and 99 = refused are the only codes above " + max + ")", min, max));
            return Coded.NONE;
        }
    }

    @Override
    public String key(Fields f) {
        return f.text(ID);
    }

    @Override
    public int keyField() {
        return ID;
    }

    @Override
    public Reason duplicateReason(String key) {
        return RejectReason.DUPLICATE_KEY.because("RESPONDENT_ID " + key
                + " appears more than once in the file; all its rows are rejected");
    }
}
