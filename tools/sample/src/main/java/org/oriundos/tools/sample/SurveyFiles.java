package org.oriundos.tools.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes survey microdata of foreign-born Latinos in the US, one respondent per row, weighted:
 * about half send remittances, two in five call home every week, two thirds have been home at
 * least once, and about 9% belong to a civic, sport or hometown association (Mexicans a little
 * fewer), more so with income and with years in the US. Yes/no answers carry DK and REF; numeric
 * answers 98 (don't know) and 99 (refused).
 */
final class SurveyFiles {
    static final List<String> HEADER = List.of("RESPONDENT_ID", "SURVEY", "YEAR", "COUNTRY_OF_BIRTH",
            "MX_STATE_OF_ORIGIN", "US_STATE", "YEARS_IN_US", "AGE", "SEX", "EDUCATION", "INCOME_BAND",
            "SENDS_REMITTANCES", "CALLS_HOME_WEEKLY", "TRIPS_HOME", "MEMBER_ASSOCIATION", "ASSOCIATION_NAME", "WEIGHT");

    private static final String[] COUNTRIES = {"Mexico", "El Salvador", "Guatemala", "Honduras", "Dominican Republic",
        "Cuba", "Colombia", "Ecuador", "Peru", "Nicaragua", "Venezuela"};
    private static final double[] COUNTRY_WEIGHTS = {62, 8, 5, 3, 6, 5, 4, 2, 2, 1.5, 1.5};
    private static final String[] US_STATES = {"CA", "TX", "IL", "FL", "NY", "AZ", "GA", "NC", "NJ", "CO", "NV", "WA",
        "OR", "UT", "VA", "MD"};
    private static final double[] US_STATE_WEIGHTS = {35, 20, 8, 8, 7, 4, 3, 3, 3, 3, 2, 2, 1, 1, 1, 1};
    private static final String[] EDUCATION = {"Less than high school", "High school graduate", "Some college",
        "College graduate"};
    private static final double[] EDUCATION_WEIGHTS = {45, 28, 15, 12};
    private static final String[] INCOME = {"Under $15,000", "$15,000-$24,999", "$25,000-$34,999", "$35,000-$49,999",
        "$50,000 or more"};
    private static final double[] INCOME_WEIGHTS = {24, 28, 20, 15, 13};
    private static final String[] OTHER_ASSOCIATIONS = {"Liga de fútbol latina", "Comité Guadalupano",
        "Asociación de Padres de Familia", "Club Deportivo Unión", "Comité Cívico Latino", "Cofradía de San Judas"};

    private final long seed;
    private final Population population;
    private final Geography geography;
    private final FaultLog faults;

    SurveyFiles(long seed, Population population, Geography geography, FaultLog faults) {
        this.seed = seed;
        this.population = population;
        this.geography = geography;
        this.faults = faults;
    }

    static String fileName(String survey, int year) {
        return "survey_" + survey + "_" + year + ".csv";
    }

    /**
     * @param membershipShift added to every respondent's chance of belonging to an association
     *                        (surveys of different years find somewhat different rates)
     */
    Path write(Path dir, String survey, int year, long respondents, FileStyle style, double membershipShift,
               Map<FaultKind, Long> faultCounts) {
        Path file = dir.resolve(fileName(survey, year));
        String fileName = file.getFileName().toString();
        FaultSchedule schedule = new FaultSchedule(Rng.of(seed, "survey-faults-" + survey + year), respondents, faultCounts);
        try (CsvSink out = new CsvSink(file, style)) {
            out.write(HEADER);
            for (long r = 0; r < respondents; r++) {
                Rng rng = Rng.of(seed, "survey-" + survey + year, r);
                String[] f = respondent(rng, survey, year, r, membershipShift);
                FaultKind fault = schedule.at(r, k -> k != FaultKind.NFD_NAME
                        || (f[15] != null && Geography.hasAccent(f[15])));
                InjectedFault injected = fault == null ? null : inject(fault, f, rng, fileName);
                long line = out.write(f);
                if (injected != null) {
                    faults.add(new InjectedFault(fileName, line, fault, injected.column(), injected.value()));
                }
            }
        }
        return file;
    }

    private String[] respondent(Rng rng, String survey, int year, long r, double membershipShift) {
        String country = COUNTRIES[rng.weighted(COUNTRY_WEIGHTS)];
        boolean mexican = "Mexico".equals(country);
        String mxState = null;
        if (mexican && !rng.chance(0.03)) {
            Geography.State s = geography.pickState(rng);
            String name = Geography.commonStateName(s);
            mxState = "09".equals(s.code()) ? (year < 2016 ? "Distrito Federal" : "Mexico City")
                    : rng.chance(0.6) ? Geography.stripAccents(name) : name;
        }
        String usState = US_STATES[rng.weighted(US_STATE_WEIGHTS)];
        int years = Math.min(45, (int) Math.round(Math.abs(14 + 9 * rng.gaussian())));
        int age = Math.max(18, Math.min(85, years + 16 + rng.between(0, 25)));
        int education = rng.weighted(EDUCATION_WEIGHTS);
        int income = Math.min(4, Math.max(0, rng.weighted(INCOME_WEIGHTS) + (education >= 2 && rng.chance(0.4) ? 1 : 0)));
        boolean remits = rng.chance(mexican ? 0.55 : 0.45);
        boolean calls = rng.chance(0.40);
        int trips = rng.chance(0.33) ? 0 : Math.max(1, Math.min(40, (int) Math.round(years / 4.0 * rng.nextDouble() + 1)));
        double member = (mexican ? 0.8 : 1.12) * (0.035 + 0.02 * income + 0.0018 * Math.min(years, 30)) + membershipShift;
        boolean isMember = rng.chance(member);
        String association = null;
        if (isMember && rng.chance(0.7)) {
            association = mexican && rng.chance(0.5) ? clubName(rng, year) : rng.pick(OTHER_ASSOCIATIONS);
        }
        double weight = Math.exp(0.45 * rng.gaussian() - 0.1);
        return new String[] {
            survey + year + "-" + Amounts.padded(r + 1, 5), survey, Integer.toString(year), country, mxState,
            usState, coded(rng, years, 0.015), coded(rng, age, 0.005), rng.chance(0.52) ? "M" : "F",
            rng.chance(0.01) ? null : EDUCATION[education], rng.chance(0.08) ? null : INCOME[income],
            yesNo(rng, remits), yesNo(rng, calls), coded(rng, trips, 0.02), yesNo(rng, isMember), association,
            Amounts.decimal4(Math.max(0.05, weight))};
    }

    private String clubName(Rng rng, int year) {
        long born = population.bornBy(Math.min(year, Population.LAST_YEAR));
        for (int attempt = 0; attempt < 20 && born > 0; attempt++) {
            long i = rng.nextLong(born);
            if (population.goneYear(i) > year) {
                Club c = population.club(i);
                return rng.chance(0.5) ? c.nameIn(year) : Geography.stripAccents(c.nameIn(year));
            }
        }
        return rng.pick(OTHER_ASSOCIATIONS);
    }

    /** A numeric answer, now and then "don't know" (98) or "refused" (99). */
    private static String coded(Rng rng, int value, double missing) {
        double x = rng.nextDouble();
        return x < missing * 0.7 ? "98" : x < missing ? "99" : Integer.toString(value);
    }

    private static String yesNo(Rng rng, boolean yes) {
        double x = rng.nextDouble();
        return x < 0.02 ? "DK" : x < 0.03 ? "REF" : yes ? "Y" : "N";
    }

    private static InjectedFault inject(FaultKind kind, String[] f, Rng rng, String fileName) {
        switch (kind) {
            case MISSING_VALUE:
                f[16] = null;
                return new InjectedFault(fileName, 0, kind, "WEIGHT", null);
            case BAD_NUMBER:
                f[7] = rng.chance(0.5) ? "4O" : "thirty";
                return new InjectedFault(fileName, 0, kind, "AGE", f[7]);
            case NFD_NAME:
                f[15] = Geography.nfd(f[15]);
                return new InjectedFault(fileName, 0, kind, "ASSOCIATION_NAME", f[15]);
            default:
                throw new IllegalArgumentException("survey microdata do not carry fault " + kind);
        }
    }
}
