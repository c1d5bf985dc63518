package org.oriundos.transform.survey;

import java.util.Set;
import org.oriundos.transform.text.Folding;

/** The survey fields analysts group by: born in Mexico, and bands of years in the US. */
public final class SurveyRules {
    private static final Set<String> MEXICO = Set.of("MEXICO", "MX", "MEX", "ESTADOS UNIDOS MEXICANOS");

    private SurveyRules() {
    }

    /**
     * Whether a respondent was born in Mexico: the country of birth names Mexico, or (no country
     * given) a Mexican state of origin is given, which the survey only asks of those born in Mexico.
     */
    public static boolean bornInMexico(String countryOfBirth, String mxStateOfOrigin) {
        if (countryOfBirth != null && !countryOfBirth.isBlank()) {
            return MEXICO.contains(Folding.fold(countryOfBirth));
        }
        return mxStateOfOrigin != null && !mxStateOfOrigin.isBlank();
    }

    /** {@code 0-4}, {@code 5-9}, {@code 10-19} or {@code 20+}; null when the years are missing or negative. */
    public static String yearsInUsBand(Integer years) {
        if (years == null || years < 0) {
            return null;
        }
        if (years < 5) {
            return "0-4";
        }
        if (years < 10) {
            return "5-9";
        }
        return years < 20 ? "10-19" : "20+";
    }
}
