package org.oriundos.tools.sample;

import java.util.List;

/**
 * Real Mexican consulates in the United States (and three in Canada), the cities where their
 * clubs meet, and how many clubs each registers: California leads, then Illinois and Texas, and
 * the new destinations (Georgia, North Carolina) grow year by year.
 */
final class Consulates {

    /**
     * @param name      as the IME writes it ({@code Los Ángeles}, {@code Nueva York})
     * @param usps      the state's USPS code (a province code in Canada)
     * @param stateName the state's (or province's) full name
     * @param country   null for the United States
     * @param cities    cities of its district where clubs meet
     * @param weight    its share of the clubs in 2000
     * @param growth    yearly growth of that share (new destinations)
     */
    record Consulate(String name, String usps, String stateName, String country, List<String> cities,
                     double weight, double growth) {

        double weightIn(int year) {
            return weight * Math.exp(growth * (year - 2000));
        }

        /** Which part of the country a federation of this consulate's clubs names itself after. */
        String region() {
            if ("CA".equals(usps)) {
                return List.of("San Francisco", "San José", "Sacramento", "Fresno").contains(name)
                        ? "del Norte de California" : "del Sur de California";
            }
            return "en " + stateName;
        }
    }

    static final List<Consulate> ALL = List.of(
            us("Los Ángeles", "CA", 16, 0, "Los Angeles", "Lynwood", "Huntington Park", "South Gate",
                    "Pomona", "Bell Gardens", "Downey", "Montebello", "Compton", "Inglewood", "Paramount"),
            us("San Diego", "CA", 3, 0, "San Diego", "Chula Vista", "Escondido", "Vista",
                    "National City", "Oceanside"),
            us("San Francisco", "CA", 3, 0, "San Francisco", "Oakland", "Hayward", "Richmond",
                    "Santa Rosa", "Napa"),
            us("San José", "CA", 3, 0, "San Jose", "Salinas", "Watsonville", "Gilroy"),
            us("Sacramento", "CA", 2.5, 0, "Sacramento", "Stockton", "Woodland", "Modesto"),
            us("Fresno", "CA", 3, 0, "Fresno", "Madera", "Visalia", "Bakersfield", "Delano"),
            us("San Bernardino", "CA", 3.5, 0, "San Bernardino", "Riverside", "Ontario", "Fontana",
                    "Coachella", "Indio"),
            us("Santa Ana", "CA", 3.5, 0, "Santa Ana", "Anaheim", "Costa Mesa", "Orange"),
            us("Oxnard", "CA", 2, 0, "Oxnard", "Ventura", "Santa Paula", "Santa Maria"),
            us("Calexico", "CA", 0.8, 0, "Calexico", "El Centro", "Brawley"),
            us("Chicago", "IL", 17, 0, "Chicago", "Cicero", "Aurora", "Waukegan", "Melrose Park",
                    "Berwyn", "Elgin", "Joliet"),
            us("Dallas", "TX", 5, 0.01, "Dallas", "Fort Worth", "Irving", "Garland", "Grand Prairie"),
            us("Houston", "TX", 4, 0.01, "Houston", "Pasadena", "Baytown"),
            us("San Antonio", "TX", 1.5, 0, "San Antonio", "New Braunfels"),
            us("El Paso", "TX", 1, 0, "El Paso", "Socorro"),
            us("Austin", "TX", 1, 0.02, "Austin", "Round Rock"),
            us("McAllen", "TX", 0.5, 0, "McAllen", "Edinburg", "Pharr"),
            us("Laredo", "TX", 0.3, 0, "Laredo"),
            us("Denver", "CO", 2, 0.01, "Denver", "Aurora", "Greeley"),
            us("Phoenix", "AZ", 2.5, 0.01, "Phoenix", "Mesa", "Glendale", "Tempe"),
            us("Tucson", "AZ", 0.5, 0, "Tucson"),
            us("Nogales", "AZ", 0.3, 0, "Nogales"),
            us("Atlanta", "GA", 0.6, 0.10, "Atlanta", "Gainesville", "Dalton", "Norcross"),
            us("Raleigh", "NC", 0.5, 0.11, "Raleigh", "Durham", "Charlotte", "Siler City",
                    "Greensboro"),
            us("Nueva York", "NY", 2, 0.02, "New York", "Bronx", "Brooklyn", "Newburgh"),
            us("Las Vegas", "NV", 1.2, 0.04, "Las Vegas", "North Las Vegas"),
            us("Portland", "OR", 1, 0.01, "Portland", "Salem", "Woodburn"),
            us("Seattle", "WA", 1, 0.01, "Seattle", "Yakima", "Wenatchee"),
            us("Salt Lake City", "UT", 0.7, 0.01, "Salt Lake City", "Ogden"),
            us("Kansas City", "MO", 0.5, 0.01, "Kansas City"),
            us("Omaha", "NE", 0.4, 0.02, "Omaha"),
            us("Indianápolis", "IN", 0.5, 0.02, "Indianapolis"),
            us("Detroit", "MI", 0.4, 0, "Detroit"),
            us("Saint Paul", "MN", 0.5, 0.01, "Saint Paul", "Minneapolis"),
            us("Milwaukee", "WI", 0.6, 0.01, "Milwaukee", "Racine"),
            us("Filadelfia", "PA", 0.5, 0.03, "Philadelphia", "Kennett Square"),
            us("Miami", "FL", 0.3, 0.01, "Homestead", "Immokalee"),
            us("Orlando", "FL", 0.3, 0.02, "Orlando"),
            us("Nueva Orleans", "LA", 0.2, 0.02, "New Orleans"),
            us("Albuquerque", "NM", 0.4, 0, "Albuquerque"),
            us("Little Rock", "AR", 0.3, 0.03, "Little Rock", "Springdale"),
            us("Boise", "ID", 0.3, 0.01, "Boise", "Nampa"),
            us("Washington", "DC", 0.3, 0.01, "Washington"),
            us("Boston", "MA", 0.2, 0.01, "Boston"),
            new Consulate("Toronto", "ON", "Ontario", "Canadá", List.of("Toronto", "Leamington"), 0.5, 0.02),
            new Consulate("Montreal", "QC", "Quebec", "Canadá", List.of("Montreal"), 0.2, 0.02),
            new Consulate("Vancouver", "BC", "British Columbia", "Canadá", List.of("Vancouver"), 0.2, 0.02));

    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2030;
    // the weights of every year, worked out once: a club is drawn for every project row
    private static final double[][] WEIGHTS_BY_YEAR = weightsByYear();

    private Consulates() {
    }

    private static double[][] weightsByYear() {
        double[][] table = new double[LAST_YEAR - FIRST_YEAR + 1][ALL.size()];
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            for (int i = 0; i < ALL.size(); i++) {
                table[y - FIRST_YEAR][i] = ALL.get(i).weightIn(y);
            }
        }
        return table;
    }

    /** A consulate in the United States; its state's name is the Census Bureau's ({@link UsStates}). */
    private static Consulate us(String name, String usps, double weight, double growth, String... cities) {
        return new Consulate(name, usps, UsStates.name(usps), null, List.of(cities), weight, growth);
    }

    /** A consulate, drawn with the weights of {@code year}. */
    static Consulate pick(Rng rng, int year) {
        int y = Math.max(FIRST_YEAR, Math.min(LAST_YEAR, year));
        return ALL.get(rng.weighted(WEIGHTS_BY_YEAR[y - FIRST_YEAR]));
    }
}
