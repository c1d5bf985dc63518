package org.oriundos.tools.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample's population of hometown clubs: how many are listed each year (the published counts,
 * scaled), when each one appears, renames and deregisters, and everything the registry says about
 * it. Nothing is stored per club: club {@code i} is recreated from the seed and {@code i} whenever
 * it is needed, so the population can be as large as a benchmark wants.
 */
final class Population {
    static final int FIRST_YEAR = 1998;
    static final int LAST_YEAR = 2019;
    /** Club ids start after the federations'. */
    static final int FIRST_CLUB_NUMBER = 1000;
    /** Yearly share of clubs that dissolve or stop renewing their registration. */
    static final double DEREGISTRATION_RATE = 0.05;

    // Published counts: 441 (1998), 623 (2003), 570 (Dec 2006), ~850 (2008), 2,643 (2019).
    private static final int[] ANCHOR_YEARS = {1998, 2003, 2006, 2008, 2019};
    private static final double[] ANCHOR_COUNTS = {441, 623, 570, 850, 2643};

    private final long seed;
    private final Geography geography;
    private final double[] expected = new double[LAST_YEAR - FIRST_YEAR + 1];
    private final long[] bornBy = new long[LAST_YEAR - FIRST_YEAR + 1];
    private final List<Federation> federations;

    Population(long seed, double scale, Geography geography) {
        this.seed = seed;
        this.geography = geography;
        double births = 0;
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            expected[y - FIRST_YEAR] = publishedCount(y) * scale;
            double born = y == FIRST_YEAR ? expected[0]
                    : Math.max(0, expected[y - FIRST_YEAR] - (1 - DEREGISTRATION_RATE) * expected[y - FIRST_YEAR - 1]);
            births += born;
            bornBy[y - FIRST_YEAR] = Math.round(births);
        }
        this.federations = buildFederations();
    }

    /** The published count of a year, or the geometric path between the published years around it. */
    static double publishedCount(int year) {
        for (int i = 0; i < ANCHOR_YEARS.length - 1; i++) {
            int a = ANCHOR_YEARS[i];
            int b = ANCHOR_YEARS[i + 1];
            if (year >= a && year <= b) {
                double t = (double) (year - a) / (b - a);
                return ANCHOR_COUNTS[i] * Math.pow(ANCHOR_COUNTS[i + 1] / ANCHOR_COUNTS[i], t);
            }
        }
        throw new IllegalArgumentException("no published count around " + year);
    }

    /** How many clubs are expected to be listed at the end of {@code year}. */
    double expectedCount(int year) {
        return expected[year - FIRST_YEAR];
    }

    /** How many clubs ever appear. */
    long size() {
        return bornBy[bornBy.length - 1];
    }

    /** Clubs that appeared by the end of {@code year}: indices 0 to this, exclusive. */
    long bornBy(int year) {
        return year < FIRST_YEAR ? 0 : bornBy[Math.min(year, LAST_YEAR) - FIRST_YEAR];
    }

    List<Federation> federations() {
        return federations;
    }

    /** The year club {@code index} first appears (1998 for every club that already existed then). */
    int firstYear(long index) {
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            if (index < bornBy[y - FIRST_YEAR]) {
                return y;
            }
        }
        throw new IllegalArgumentException("no club " + index + " in a population of " + size());
    }

    /** The first year club {@code index} is no longer listed; cheap, for picking clubs alive in a year. */
    int goneYear(long index) {
        return goneYear(index, firstYear(index));
    }

    private int goneYear(long index, int firstYear) {
        Rng life = Rng.of(seed, "club-life", index);
        double u = 1.0 - life.nextDouble();
        int survived = (int) Math.floor(Math.log(u) / Math.log(1 - DEREGISTRATION_RATE));
        return firstYear + 1 + Math.min(survived, 200);
    }

    Club club(long index) {
        int firstYear = firstYear(index);
        int goneYear = goneYear(index, firstYear);
        Rng rng = Rng.of(seed, "club", index);
        Consulates.Consulate consulate = Consulates.pick(rng, firstYear);
        String city = rng.pick(consulate.cities());
        Geography.State origin = geography.pickState(rng);
        Geography.Municipality town = geography.pickMunicipality(rng, origin);
        int template = rng.weighted(NAME_TEMPLATE_WEIGHTS);
        String name = clubName(template, origin, town, city);
        String type = name.startsWith("Asociación") ? "ASOCIACION" : "CLUB";
        String renamed = null;
        int renameYear = 0;
        if (rng.chance(0.08)) {
            renameYear = firstYear + rng.between(1, 8);
            if (rng.chance(0.5) || template == RENAME_TEMPLATES[0]) {
                renamed = name + " A.C.";
            } else {
                int other = RENAME_TEMPLATES[rng.nextInt(RENAME_TEMPLATES.length)];
                renamed = other == template ? name + " A.C." : clubName(other, origin, town, city);
            }
        }
        LocalDate registered = firstYear <= 2005
                ? LocalDate.of(2005, 3, 1).plusDays(rng.nextInt(630))   // the directory began in 2005
                : LocalDate.of(firstYear, rng.between(1, 11), rng.between(1, 28));
        String registryKey = rng.chance(0.9)
                ? "TN-" + registered.getYear() + "-" + Amounts.padded(FIRST_CLUB_NUMBER + index, 5) : null;
        String usState = rng.chance(0.8) ? consulate.usps() : consulate.stateName();
        String originWritten = geography.spellState(rng, origin, false);
        String townWritten = rng.chance(0.1) ? null : geography.spellMunicipality(rng, town, false);
        int foundedYear = firstYear == FIRST_YEAR ? rng.between(1962, 1998) : firstYear - rng.between(0, 6);
        double f = rng.nextDouble();
        String founded = f < 0.45 ? Amounts.padded(rng.between(1, 28), 2) + "/" + Amounts.padded(rng.between(1, 12), 2) + "/" + foundedYear
                : f < 0.85 ? Integer.toString(foundedYear) : null;
        int members = rng.chance(0.15) ? -1
                : (int) Math.max(8, Math.min(900, Math.round(40 * Math.exp(0.7 * rng.gaussian()))));
        Federation federation = null;
        for (Federation fed : federations) {
            if ("FEDERACION".equals(fed.type()) && fed.originCode().equals(origin.code())
                    && fed.region().equals(consulate.region()) && rng.chance(0.6)) {
                federation = fed;
                break;
            }
        }
        return new Club(index, type, name, renamed, renameYear, registryKey, consulate, city, usState, origin, town,
                originWritten, townWritten, founded, registered, firstYear, goneYear, members, federation);
    }

    /** The federation a club is in by {@code year}: it joins once both exist. */
    static Federation federationIn(Club club, int year) {
        Federation f = club.federation();
        return f != null && year >= f.founded() ? f : null;
    }

    // 0 "Club T", 1 "Club Social T", 2 "Club Hijos de T", 3 "Club Unidos por T", 4 "Club G de C",
    // 5 "Club Amigos de T", 6 "Club Deportivo T", 7 "Club T de C", 8 "Asociación Cívica T",
    // 9 "Club Social, Cultural y Deportivo T", 10 "Comité Pro-T", 11 "Club Familias Unidas de T",
    // 12 "Club Social G C"
    private static final double[] NAME_TEMPLATE_WEIGHTS = {18, 12, 12, 6, 6, 6, 5, 10, 4, 4, 3, 4, 3};
    private static final int[] RENAME_TEMPLATES = {9, 1, 2, 11};

    static String clubName(int template, Geography.State origin, Geography.Municipality town, String city) {
        String t = town.town();
        String g = singular(origin.demonymPlural());
        String c = "Los Angeles".equals(city) ? "Los Ángeles" : city;
        switch (template) {
            case 0: return "Club " + t;
            case 1: return "Club Social " + t;
            case 2: return "Club Hijos de " + t;
            case 3: return "Club Unidos por " + t;
            case 4: return "Club " + g + " de " + c;
            case 5: return "Club Amigos de " + t;
            case 6: return "Club Deportivo " + t;
            case 7: return "Club " + t + " de " + c;
            case 8: return "Asociación Cívica " + t;
            case 9: return "Club Social, Cultural y Deportivo " + t;
            case 10: return "Comité Pro-" + t;
            case 11: return "Club Familias Unidas de " + t;
            default: return "Club Social " + g + " " + c;
        }
    }

    private static String singular(String plural) {
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /**
     * A club that takes part in 3x1 without ever registering with a consulate: its own small pool,
     * apart from the registry population.
     */
    String unregisteredClubName(long k) {
        Rng rng = Rng.of(seed, "unregistered-club", k);
        Geography.State origin = geography.pickState(rng);
        Geography.Municipality town = geography.pickMunicipality(rng, origin);
        String t = town.town();
        String[] forms = {"Grupo de Paisanos de " + t, "Comité de Ausentes de " + t, "Club Migrante " + t,
            "Paisanos Unidos de " + t};
        return forms[rng.nextInt(forms.length)];
    }

    private List<Federation> buildFederations() {
        List<Federation> list = new ArrayList<>();
        String cofem = "Consejo de Federaciones Mexicanas en Norteamérica";
        String confemex = "Confederación de Federaciones Mexicanas";
        list.add(new Federation(1, cofem, "CONFEDERACION", null, consulate("Los Ángeles"), "del Sur de California", 2002, null));
        list.add(new Federation(2, confemex, "CONFEDERACION", null, consulate("Chicago"), "en Illinois", 2003, null));
        Object[][] feds = {
            {"32", "Los Ángeles", 1972}, {"14", "Los Ángeles", 1991}, {"16", "Los Ángeles", 1997},
            {"11", "Los Ángeles", 1998}, {"20", "Los Ángeles", 2001}, {"18", "Los Ángeles", 2000},
            {"32", "Chicago", 1996}, {"14", "Chicago", 1998}, {"16", "Chicago", 1997}, {"11", "Chicago", 2000},
            {"10", "Chicago", 2001}, {"32", "Dallas", 1999}, {"11", "Dallas", 2004}, {"32", "Denver", 2003},
            {"14", "San José", 2002}, {"32", "San José", 2005}, {"16", "Atlanta", 2009}, {"11", "Raleigh", 2010},
            {"32", "Phoenix", 2006}, {"14", "Las Vegas", 2007}};
        int number = 3;
        for (Object[] f : feds) {
            String origin = (String) f[0];
            Consulates.Consulate c = consulate((String) f[1]);
            String region = c.region();
            String name = "Federación de Clubes " + geography.state(origin).demonymPlural() + " " + spanish(region);
            String confederation = "del Sur de California".equals(region) ? cofem
                    : "en Illinois".equals(region) ? confemex : null;
            list.add(new Federation(number++, name, "FEDERACION", origin, c, region, (Integer) f[2], confederation));
        }
        return List.copyOf(list);
    }

    private static String spanish(String region) {
        switch (region) {
            case "en North Carolina": return "en Carolina del Norte";
            case "en New York": return "en Nueva York";
            default: return region;
        }
    }

    private static Consulates.Consulate consulate(String name) {
        return Consulates.ALL.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no consulate " + name));
    }

    /** Person-like filler for the leader's contact columns: plainly fictitious. */
    static String[] fakeContact(long number) {
        return new String[] {
            "Nombre Ficticio " + number,
            "(555) 555-01" + Amounts.padded(number % 100, 2),
            "presidente" + number + "@example.org"};
    }
}
