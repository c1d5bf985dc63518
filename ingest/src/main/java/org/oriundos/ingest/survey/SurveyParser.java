package org.oriundos.ingest.survey;

import static org.oriundos.ingest.csv.Layout.opt;
import static org.oriundos.ingest.csv.Layout.req;

import java.util.List;
import java.util.Map;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.csv.BadValue;
import org.oriundos.ingest.csv.Fields;
import org.oriundos.ingest.csv.Layout;
import org.oriundos.ingest.csv.RecordParser;
import org.oriundos.ingest.csv.Text;
import org.oriundos.ingest.csv.Values;
import org.oriundos.ingest.lake.TableSchema;
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

    private static final TableSchema T = RawTables.SURVEY;
    private static final int C_ID = T.indexOf("respondent_id");
    private static final int C_SURVEY = T.indexOf("survey");
    private static final int C_YEAR = T.indexOf("year");
    private static final int C_COUNTRY = T.indexOf("country_of_birth");
    private static final int C_MX_STATE = T.indexOf("mx_state_of_origin");
    private static final int C_US_STATE = T.indexOf("us_state");
    private static final int C_YEARS_IN_US = T.indexOf("years_in_us");
    private static final int C_AGE = T.indexOf("age");
    private static final int C_SEX = T.indexOf("sex");
    private static final int C_EDUCATION = T.indexOf("education");
    private static final int C_INCOME = T.indexOf("income_band");
    private static final int C_REMITS = T.indexOf("sends_remittances");
    private static final int C_CALLS = T.indexOf("calls_home_weekly");
    private static final int C_TRIPS = T.indexOf("trips_home");
    private static final int C_MEMBER = T.indexOf("member_association");
    private static final int C_ASSOCIATION = T.indexOf("association_name");
    private static final int C_WEIGHT = T.indexOf("weight");

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
        row[C_ID] = f.requiredText(ID);
        String s = f.requiredText(SURVEY);
        if (s != null && !Text.key(s).equals(Text.key(survey))) {
            f.problem(SURVEY, "SURVEY " + s + " differs from the survey of the file name (" + survey + ")");
        }
        row[C_SURVEY] = s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
        row[C_YEAR] = f.yearOfFile(YEAR, "YEAR", fileYear);
        row[C_COUNTRY] = f.text(COUNTRY);
        row[C_MX_STATE] = f.text(MX_STATE);
        row[C_US_STATE] = f.text(US_STATE);
        coded(f, YEARS_IN_US, row, C_YEARS_IN_US, 0, 97);
        coded(f, AGE, row, C_AGE, 0, 97);
        row[C_SEX] = f.text(SEX);
        row[C_EDUCATION] = f.text(EDUCATION);
        row[C_INCOME] = f.text(INCOME);
        row[C_REMITS] = f.oneOf(REMITS, false, YES_NO);
        row[C_CALLS] = f.oneOf(CALLS, false, YES_NO);
        coded(f, TRIPS, row, C_TRIPS, 0, 97);
        row[C_MEMBER] = f.oneOf(MEMBER, false, YES_NO);
        row[C_ASSOCIATION] = f.text(ASSOCIATION);
        String w = f.text(WEIGHT);
        if (w == null) {
            f.missing(WEIGHT);
        } else {
            try {
                double weight = Double.parseDouble(w);
                if (!(weight > 0) || Double.isInfinite(weight)) {
                    f.problem(WEIGHT, "a weight must be a positive number");
                } else {
                    row[C_WEIGHT] = weight;
                }
            } catch (NumberFormatException e) {
                f.problem(WEIGHT, "not a number");
            }
        }
    }

    /**
     * A numeric answer: 98 and 99 (and the words DK and REF) are missing values, stored as null
     * with the reason in the {@code *_missing} column right after the value's.
     */
    private static void coded(Fields f, int field, Object[] row, int column, int min, int max) {
        String s = f.text(field);
        if (s == null) {
            return;
        }
        String k = Text.key(s);
        if (k.equals("98") || k.equals("DK")) {
            row[column + 1] = "DK";
            return;
        }
        if (k.equals("99") || k.equals("REF")) {
            row[column + 1] = "REF";
            return;
        }
        try {
            row[column] = Values.intBetween(s, min, max);
        } catch (BadValue e) {
            f.problem(field, e.getMessage() + " (98 = don't know and 99 = refused are the only codes above " + max + ")");
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
    public String duplicateReason(String key) {
        return "RESPONDENT_ID " + key + " appears more than once in the file; all its rows are rejected";
    }
}
