package org.oriundos.transform.identity.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.oriundos.ingest.csv.Text;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.Municipality;
import org.oriundos.transform.identity.AssociationNames;
import org.oriundos.transform.identity.AssociationRecord;

/**
 * A labelled population of hometown clubs and the records the providers would send about them,
 * each record carrying the club it truly belongs to: the linkage benchmark's data. Real
 * INEGI municipalities, the consulates' US cities.
 *
 * <p>Records: registry snapshots (historic 1998 and 2003 directories with only the name, city,
 * US state and origin state; current-layout snapshots with IME ids, registry keys, federation,
 * consulate and municipality), 3x1 projects (the 2002 layout with no club key, the project's
 * municipality the club's hometown, the US state sometimes; the 2013 layout, the club key
 * sometimes), and survey answers naming a club.
 *
 * <p>Variation as people write: case, accents, abbreviations, generic words dropped or added,
 * word order, typos, the legal suffix, a club renamed between snapshots, federation or city
 * missing. Hard negatives: hometowns with many clubs in several US cities (and of the same name in
 * different cities), names that differ only in a number ({@code Club Unido Jerez 12} /
 * {@code Club Unido Jerez 30}) or in one distinctive word, the same name in two states, and
 * {@code Club Social Sain Alto} / {@code Asociación Sain Alto} / {@code Club Sain Alto} side by
 * side in one directory.
 */
public final class SyntheticClubs {
    /** A record and the club it truly belongs to. */
    public record Labelled(AssociationRecord record, int club) {
    }

    /** One raw partition's records, in file order. */
    public record Partition(String table, String period, List<Labelled> records) {
    }

    static final int[] HISTORIC = {1998, 2003};
    static final int[] CURRENT = {2006, 2008, 2010, 2012, 2014, 2016, 2018};
    static final int FIRST_PROJECT_YEAR = 2002;
    static final int LAST_PROJECT_YEAR = 2019;
    static final int NEW_LAYOUT_YEAR = 2013;

    private record State(String code, String singular, String plural, double weight) {
    }

    private record Place(String city, String usps, String usName, String consulate, double weight) {
    }

    private static final List<State> STATES = List.of(
            new State("32", "Zacatecano", "Zacatecanos", 16), new State("14", "Jalisciense", "Jaliscienses", 16),
            new State("16", "Michoacano", "Michoacanos", 14), new State("11", "Guanajuatense", "Guanajuatenses", 10),
            new State("20", "Oaxaqueño", "Oaxaqueños", 7), new State("21", "Poblano", "Poblanos", 6),
            new State("12", "Guerrerense", "Guerrerenses", 6), new State("10", "Duranguense", "Duranguenses", 5),
            new State("24", "Potosino", "Potosinos", 5), new State("18", "Nayarita", "Nayaritas", 4),
            new State("13", "Hidalguense", "Hidalguenses", 3), new State("15", "Mexiquense", "Mexiquenses", 3),
            new State("19", "Nuevoleonés", "Nuevoleoneses", 2), new State("25", "Sinaloense", "Sinaloenses", 2));

    private static final List<Place> PLACES = List.of(
            new Place("Los Angeles", "CA", "California", "LOS_ANGELES", 14), new Place("Santa Ana", "CA", "California", "SANTA_ANA", 4),
            new Place("Lynwood", "CA", "California", "LOS_ANGELES", 3), new Place("Huntington Park", "CA", "California", "LOS_ANGELES", 3),
            new Place("Oxnard", "CA", "California", "OXNARD", 2), new Place("San Jose", "CA", "California", "SAN_JOSE", 3),
            new Place("Fresno", "CA", "California", "FRESNO", 2), new Place("Sacramento", "CA", "California", "SACRAMENTO", 2),
            new Place("San Diego", "CA", "California", "SAN_DIEGO", 2), new Place("Chicago", "IL", "Illinois", "CHICAGO", 12),
            new Place("Aurora", "IL", "Illinois", "CHICAGO", 2), new Place("Waukegan", "IL", "Illinois", "CHICAGO", 2),
            new Place("Cicero", "IL", "Illinois", "CHICAGO", 2), new Place("Dallas", "TX", "Texas", "DALLAS", 6),
            new Place("Fort Worth", "TX", "Texas", "DALLAS", 2), new Place("Houston", "TX", "Texas", "HOUSTON", 5),
            new Place("El Paso", "TX", "Texas", "EL_PASO", 2), new Place("San Antonio", "TX", "Texas", "SAN_ANTONIO", 2),
            new Place("Denver", "CO", "Colorado", "DENVER", 2), new Place("Phoenix", "AZ", "Arizona", "PHOENIX", 2),
            new Place("Las Vegas", "NV", "Nevada", "LAS_VEGAS", 2), new Place("Atlanta", "GA", "Georgia", "ATLANTA", 2),
            new Place("Raleigh", "NC", "North Carolina", "RALEIGH", 1), new Place("New York", "NY", "New York", "NUEVA_YORK", 2),
            new Place("Seattle", "WA", "Washington", "SEATTLE", 1), new Place("Salt Lake City", "UT", "Utah", "SALT_LAKE_CITY", 1),
            new Place("Omaha", "NE", "Nebraska", "OMAHA", 1));

    private static final String[] SAINTS = {"San Juan", "San Pedro", "San José", "Santa María", "San Judas Tadeo",
        "Virgen de Guadalupe", "Santo Niño", "San Miguel", "Santa Cecilia", "San Francisco", "Cristo Rey"};
    private static final String[] GENERIC_PREFIXES = {"Club", "Club Social", "Club Hijos de", "Club Unidos por",
        "Club Amigos de", "Club Deportivo", "Asociación Cívica", "Club Social, Cultural y Deportivo", "Comité Pro",
        "Club Familias Unidas de", "Asociación de Oriundos de", "Club de Oriundos de"};
    /** The words of the generic prefixes (and the usual ones): none tells one club from another. */
    private static final Set<String> GENERIC_WORDS = genericWords();

    private static Set<String> genericWords() {
        Set<String> out = new HashSet<>(List.of("CLUB", "SOCIAL", "ASOCIACION"));
        for (String p : GENERIC_PREFIXES) {
            out.addAll(AssociationNames.words(p));
        }
        return Set.copyOf(out);
    }

    private final SplittableRandom rng;
    private final int clubs;
    private final List<Club> population = new ArrayList<>();
    private final Map<String, List<Municipality>> towns = new HashMap<>();
    private final List<String> ranchoWords = new ArrayList<>();
    /** Every municipality of a state: the speed year's new clubs come from all of them. */
    private final Map<String, List<Municipality>> allTowns = new HashMap<>();
    /** The population's names, as {@link #build} keeps them apart (state and name, or the look-alike key). */
    private final Set<String> taken = new HashSet<>();
    private int imeNumber = 100;

    private static final class Club {
        int id;
        State state;
        Municipality town;
        String townName;
        Place place;
        String federation;
        String name;
        String renamed;
        int renameYear;
        boolean registered;
        int firstYear;
        int registeredYear;
        int lastYear;
        String imeId;
        String registryKey;
        double projectRate;
        Set<Integer> lapses = new HashSet<>();

        String nameIn(int year) {
            return renamed != null && year >= renameYear ? renamed : name;
        }
    }

    /** A population of about {@code clubs} clubs, always the same for one seed. */
    public SyntheticClubs(int clubs, long seed) {
        this.rng = new SplittableRandom(seed);
        this.clubs = clubs;
        GeographyCatalog catalog = GeographyCatalog.shipped();
        Map<String, List<Municipality>> byState = new HashMap<>();
        for (Municipality m : catalog.municipalities()) {
            byState.computeIfAbsent(m.stateCode(), k -> new ArrayList<>()).add(m);
        }
        for (State s : STATES) {
            allTowns.put(s.code(), List.copyOf(byState.get(s.code())));
            List<Municipality> all = new ArrayList<>(byState.get(s.code()));
            List<Municipality> migrant = new ArrayList<>();
            int n = Math.min(all.size(), 30);
            for (int i = 0; i < n; i++) {
                migrant.add(all.remove(rng.nextInt(all.size())));
            }
            towns.put(s.code(), migrant);
        }
        Set<String> words = new java.util.LinkedHashSet<>();
        for (Municipality m : catalog.municipalities()) {
            words.add(shortName(m.name())); // place names of the whole country serve as the ranchos' names
        }
        ranchoWords.addAll(words);
        build();
    }

    private void build() {
        int id = 0;
        while (population.size() < clubs) {
            State s = pickState();
            Municipality town = pickTown(s);
            Place place = pickPlace();
            int kind = rng.nextInt(100);
            List<String> names = new ArrayList<>();
            List<Place> places = new ArrayList<>();
            String townName = rng.nextInt(100) < 60 ? shortName(town.name()) : town.name();
            if (kind < 4) {
                // numbered clubs of one town, side by side: Club Unido Jerez 12 / Club Unido Jerez 30
                int a = 1 + rng.nextInt(20);
                int b = a + 1 + rng.nextInt(20);
                names.add("Club Unido " + townName + " " + a);
                names.add("Club Unido " + townName + " " + b);
                places.add(place);
                places.add(rng.nextBoolean() ? place : pickPlace());
            } else if (kind < 7) {
                // the same hometown written three ways, listed side by side in one directory
                names.add("Club Social " + townName);
                names.add("Asociación " + townName);
                names.add("Club " + townName);
                places.add(place);
                places.add(pickPlace());
                places.add(pickPlace());
            } else if (kind < 12) {
                // names that differ in one distinctive word
                String[] two = pickTwo(SAINTS);
                names.add("Club " + two[0] + " " + townName);
                names.add("Club " + two[1] + " " + townName);
                places.add(place);
                places.add(rng.nextBoolean() ? place : pickPlace());
            } else if (kind < 16) {
                // ranchos of one town
                String r1 = ranchoWords.get(rng.nextInt(ranchoWords.size()));
                String r2 = ranchoWords.get(rng.nextInt(ranchoWords.size()));
                names.add("Club " + r1 + " de " + townName);
                if (!r2.equals(r1)) {
                    names.add("Club " + r2 + " de " + townName);
                }
                places.add(place);
                places.add(pickPlace());
            } else if (kind < 18) {
                // one name in two states
                String saint = SAINTS[rng.nextInt(SAINTS.length)];
                names.add("Club " + saint);
                places.add(place);
            } else {
                names.add(templateName(s, townName, place));
                places.add(place);
            }
            // the look-alikes of one group are kept as they are; across groups, names tell clubs apart
            Set<String> groupAlike = kind < 12 ? new HashSet<>() : Set.of();
            for (int i = 0; i < names.size() && population.size() < clubs; i++) {
                String name = names.get(i);
                Place p = places.get(Math.min(i, places.size() - 1));
                // clubs of one hometown mostly choose names that tell them apart (beyond a Club or a
                // Social, the town's short or full name); now and then two in different cities carry the
                // very same name, and the deliberate look-alikes above (numbers, one word, the three ways
                // of writing one town side by side) are kept as they are
                String unique = s.code() + "|" + Text.key(name) + "|" + p.city();
                String alike = s.code() + "|" + alike(name, townName, town.name());
                if (taken.contains(unique) || (taken.contains(alike) && !groupAlike.contains(alike) && rng.nextInt(100) >= 5)) {
                    continue;
                }
                taken.add(unique);
                if (taken.add(alike) && kind < 12) {
                    groupAlike.add(alike);
                }
                Club c = new Club();
                c.id = id++;
                c.state = s;
                c.town = town;
                c.townName = townName;
                c.place = p;
                c.name = name;
                // the 3x1 program takes projects from clubs with a toma de nota (a registration): few file
                // without ever being in the directory
                c.registered = rng.nextInt(100) < 92;
                c.firstYear = 1988 + rng.nextInt(31);
                int life = 3 + (int) Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(0.93));
                c.lastYear = c.firstYear + life;
                // most clubs register when they start; some file 3x1 projects for years before they do
                c.registeredYear = rng.nextInt(100) < 90 ? c.firstYear : c.firstYear + 1 + rng.nextInt(6);
                if (rng.nextInt(100) < 8) {
                    c.renameYear = c.firstYear + 1 + rng.nextInt(10);
                    c.renamed = rng.nextBoolean() ? name + " A.C." : templateName(s, townName, p);
                }
                if (c.registered && rng.nextInt(100) < 90) {
                    c.registryKey = "TN-" + Math.max(2005, c.firstYear) + "-" + String.format("%05d", 10_000 + c.id);
                }
                c.federation = rng.nextInt(100) < 45 ? federation(s, p) : null;
                c.projectRate = Math.exp(-0.9 + 0.9 * rng.nextGaussian());
                for (int year : CURRENT) {
                    if (rng.nextInt(100) < 5) {
                        c.lapses.add(year);
                    }
                }
                population.add(c);
            }
        }
    }

    /**
     * A club's name: its hometown's (a third, with or without a generic word), a locality or
     * rancho of its hometown (half), or its city and state of origin.
     */
    private String templateName(State s, String town, Place place) {
        int t = rng.nextInt(100);
        String city = place.city();
        String rancho = ranchoWords.get(rng.nextInt(ranchoWords.size()));
        if (t < 8) {
            return "Club " + town;
        } else if (t < 12) {
            return "Club Social " + town;
        } else if (t < 19) {
            return "Club " + s.singular() + " de " + city;
        } else if (t < 26) {
            return "Club " + town + " de " + city;
        } else if (t < 29) {
            return "Club Social " + s.singular() + " " + city;
        } else if (t < 45) {
            return "Club " + rancho;
        } else if (t < 53) {
            return "Club Social " + rancho;
        } else if (t < 66) {
            return "Club " + rancho + " de " + town;
        } else if (t < 72) {
            return "Club Hijos de " + rancho;
        } else if (t < 78) {
            return "Club Unidos por " + rancho;
        } else {
            String prefix = GENERIC_PREFIXES[rng.nextInt(GENERIC_PREFIXES.length)];
            return prefix.equals("Comité Pro") ? "Comité Pro-" + town : prefix + " " + town;
        }
    }

    private static String federation(State s, Place p) {
        String region = switch (p.usps()) {
            case "CA" -> "del Sur de California";
            case "IL" -> "de Illinois";
            case "TX" -> "de Texas";
            default -> "de " + p.usName();
        };
        return "Federación de Clubes " + s.plural() + " " + region;
    }

    // ---- the records ----

    /** Every partition in the order transform conforms them: snapshots by date, projects by year, surveys. */
    public List<Partition> partitions() {
        SplittableRandom r = rng.split();
        List<Partition> out = new ArrayList<>();
        for (int year : HISTORIC) {
            out.add(historicSnapshot(year, r));
        }
        for (int year : CURRENT) {
            out.add(currentSnapshot(year, r));
        }
        for (int year = FIRST_PROJECT_YEAR; year <= LAST_PROJECT_YEAR; year++) {
            out.add(projects(year, r));
        }
        out.add(survey("LNS_2006", 2006, r));
        out.add(survey("MMP_2018", 2018, r));
        return out;
    }

    /**
     * For timing: the population's last registry snapshot, then one 3x1 year of {@code records}
     * projects made mostly of new names (four in five from clubs never seen before, one to three
     * projects each; the rest from the population's clubs).
     *
     * <p>The year holds tens of thousands of new clubs, many times the real program's, so they
     * come from every municipality of their state (the population's clubs from 30 per state), and
     * each is named as clubs of one hometown name themselves: after a locality of the hometown that
     * no other club of the town is named after, nor one a typo away (as the linker reads a typo),
     * but for now and then (5% of the draws that meet such a name, as in the population) a
     * look-alike, never the very same name in the same city. Without this the year crowded up to
     * 1,637 new clubs into one municipality, up to four of them after one locality
     * (docs/conform.md, "The 100,000-record year's precision").
     */
    public List<Partition> speedYear(int records) {
        SplittableRandom r = rng.split();
        int year = CURRENT[CURRENT.length - 1];
        Partition snapshot = currentSnapshot(year, r);
        List<Labelled> projects = new ArrayList<>();
        List<Club> known = new ArrayList<>();
        Map<String, List<List<String>>> localities = new HashMap<>();
        Set<String> used = new HashSet<>(taken);
        for (Club c : population) {
            if (alive(c, year + 1)) {
                known.add(c);
            }
            for (String n : c.renamed == null ? List.of(c.name) : List.of(c.name, c.renamed)) {
                localities.computeIfAbsent(c.town.key(), k -> new ArrayList<>()).add(locality(n, c.town.name()));
            }
        }
        int nextId = population.size();
        int folio = 1;
        while (projects.size() < records) {
            Club c;
            if (known.isEmpty() || r.nextInt(100) < 80) {
                c = newClub(nextId++, year, r, used, localities);
            } else {
                c = known.get(r.nextInt(known.size()));
            }
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n && projects.size() < records; k++) {
                String id = "3X1-" + c.state.code() + "-" + (year + 1) + "-" + String.format("%06d", folio++);
                projects.add(new Labelled(new AssociationRecord("projects", Integer.toString(year + 1), id,
                        vary(c.nameIn(year + 1), r, 15, 25, 8, 12, 8), c.state.code(), c.town.key(),
                        r.nextInt(100) < 80 ? c.place.usps() : null, null, null, null, null, null, null), c.id));
            }
        }
        shuffle(projects, r);
        return List.of(snapshot, new Partition("projects", Integer.toString(year + 1), projects));
    }

    /** A club of the speed year never seen before, named apart from its hometown's other clubs. */
    private Club newClub(int id, int year, SplittableRandom r, Set<String> taken, Map<String, List<List<String>>> localities) {
        Club c = new Club();
        c.id = id;
        c.firstYear = year;
        c.lastYear = year + 1;
        while (true) {
            c.state = pickState();
            List<Municipality> all = allTowns.get(c.state.code());
            c.town = all.get(r.nextInt(all.size()));
            c.townName = shortName(c.town.name());
            c.place = pickPlace();
            List<List<String>> named = localities.computeIfAbsent(c.town.key(), k -> new ArrayList<>());
            for (int attempt = 0; attempt < 20; attempt++) {
                String rancho = ranchoWords.get(r.nextInt(ranchoWords.size()));
                String prefix = GENERIC_PREFIXES[r.nextInt(GENERIC_PREFIXES.length)];
                String name = (prefix.equals("Comité Pro") ? "Comité Pro-" + rancho : prefix + " " + rancho) + " de "
                        + c.townName;
                String unique = c.state.code() + "|" + Text.key(name) + "|" + c.place.city();
                String alike = c.state.code() + "|" + alike(name, c.townName, c.town.name());
                List<String> locality = locality(name, c.town.name());
                boolean lookAlike = taken.contains(alike) || named.stream().anyMatch(o -> lookAlike(o, locality));
                if (taken.contains(unique) || (lookAlike && r.nextInt(100) >= 5)) {
                    continue;
                }
                taken.add(unique);
                taken.add(alike);
                named.add(locality);
                c.name = name;
                return c;
            }
            // the town has no name left that tells a club apart: the club comes from another
        }
    }

    /** The words of a club's name that tell it from its hometown's other clubs: neither generic nor the town's. */
    static List<String> locality(String name, String town) {
        Set<String> common = new HashSet<>(AssociationNames.words(town));
        common.addAll(GENERIC_WORDS);
        List<String> out = new ArrayList<>();
        for (String w : AssociationNames.words(name)) {
            if (!common.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether two localities read as one: the same words, or words a typo apart as the linker reads a typo. */
    static boolean lookAlike(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i)) && !typo(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The linker's typo: words of 5 letters or more, lengths at most 2 apart, sharing their first or last two letters, one edit apart (two from 9 letters). */
    static boolean typo(String x, String y) {
        if (x.length() < 5 || y.length() < 5 || Math.abs(x.length() - y.length()) > 2
                || (!x.substring(0, 2).equals(y.substring(0, 2)) && !x.substring(x.length() - 2).equals(y.substring(y.length() - 2)))) {
            return false;
        }
        return editDistance(x, y) <= (Math.min(x.length(), y.length()) >= 9 ? 2 : 1);
    }

    /** Damerau-Levenshtein distance (optimal string alignment: adjacent transpositions count one edit). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private boolean alive(Club c, int year) {
        return c.firstYear <= year && year <= c.lastYear;
    }

    private boolean listed(Club c, int year) {
        return c.registered && c.registeredYear <= year && year <= c.lastYear;
    }

    private Partition historicSnapshot(int year, SplittableRandom r) {
        String period = year + "-12-31";
        boolean upper = year == 1998;
        List<Labelled> records = new ArrayList<>();
        for (Club c : population) {
            if (!listed(c, year) || r.nextInt(100) < 6) {
                continue;
            }
            String name = vary(c.nameIn(year), r, upper ? 70 : 10, 25, 6, 6, 5);
            String city = r.nextInt(100) < 8 ? null : cityAsWritten(c, r);
            String usState = r.nextInt(100) < 60 ? c.place.usps() : c.place.usName();
            String hid = historicId(name, city, usState, c.state.code());
            records.add(new Labelled(new AssociationRecord("registry", period, hid, name, c.state.code(), null,
                    c.place.usps(), city, null, null, null, hid, null), c.id));
        }
        return dedupe(new Partition("registry", period, records));
    }

    /** Ingest rejects an entry repeated exactly (the same historic id): the benchmark does not send one. */
    private static Partition dedupe(Partition p) {
        Map<String, Labelled> seen = new LinkedHashMap<>();
        for (Labelled l : p.records()) {
            seen.putIfAbsent(l.record().recordId(), l);
        }
        return new Partition(p.table(), p.period(), new ArrayList<>(seen.values()));
    }

    private Partition currentSnapshot(int year, SplittableRandom r) {
        String period = year + "-12-15";
        List<Labelled> records = new ArrayList<>();
        for (Club c : population) {
            if (!listed(c, year) || c.lapses.contains(year)) {
                continue;
            }
            if (c.imeId == null) {
                c.imeId = "IME-" + (imeNumber++);
            }
            String name = vary(c.nameIn(year), r, 3, 5, 2, 1, 2);
            String fed = c.federation != null && year >= 2008 && r.nextInt(100) < 70 ? c.federation : null;
            String mun = r.nextInt(100) < 90 ? c.town.key() : null;
            String city = r.nextInt(100) < 10 ? null : cityAsWritten(c, r);
            String key = c.registryKey;
            records.add(new Labelled(new AssociationRecord("registry", period, c.imeId, name, c.state.code(), mun,
                    c.place.usps(), city, c.place.consulate(), fed, c.imeId, null, key), c.id));
        }
        return new Partition("registry", period, records);
    }

    private Partition projects(int year, SplittableRandom r) {
        String period = Integer.toString(year);
        boolean newLayout = year >= NEW_LAYOUT_YEAR;
        List<Labelled> records = new ArrayList<>();
        int folio = 1;
        for (Club c : population) {
            if (!alive(c, year)) {
                continue;
            }
            int n = poisson(c.projectRate, r);
            for (int k = 0; k < n; k++) {
                String name = vary(c.nameIn(year), r, 15, 25, 8, 12, 8);
                String us = r.nextInt(100) < (newLayout ? 80 : 45) ? usStateAsFiled(c, r) : null;
                String fed = c.federation != null && r.nextInt(100) < 20 ? c.federation : null;
                String key = newLayout && c.registryKey != null && r.nextInt(100) < 60 ? c.registryKey : null;
                String id = "3X1-" + c.state.code() + "-" + year + "-" + String.format("%05d", folio++);
                // now and then a club funds a work in another municipality of its state than its hometown
                String mun = r.nextInt(100) < 3 ? otherTown(c, r) : c.town.key();
                records.add(new Labelled(new AssociationRecord("projects", period, id, name, c.state.code(),
                        mun, us, null, null, fed, null, null, key), c.id));
            }
        }
        shuffle(records, r);
        return new Partition("projects", period, records);
    }

    private Partition survey(String period, int year, SplittableRandom r) {
        List<Labelled> records = new ArrayList<>();
        int respondent = 1;
        for (Club c : population) {
            if (!alive(c, year) || r.nextInt(100) >= 12) {
                continue;
            }
            String name = vary(c.nameIn(year), r, 20, 40, 10, 25, 10);
            String us = r.nextInt(100) < 85 ? usStateAsFiled(c, r) : null;
            records.add(new Labelled(new AssociationRecord("survey", period, "R" + (respondent++), name,
                    c.state.code(), null, us, null, null, null, null, null, null), c.id));
        }
        shuffle(records, r);
        return new Partition("survey", period, records);
    }

    /** The club's city, now and then as a neighbouring city or written otherwise. */
    private static String cityAsWritten(Club c, SplittableRandom r) {
        int x = r.nextInt(100);
        if (x < 3) {
            return c.place.city().toUpperCase(Locale.ROOT);
        } else if (x < 5) {
            return c.place.city().equals("Los Angeles") ? "L.A." : c.place.city() + " " + c.place.usps();
        } else if (x < 7) {
            Place other = PLACES.get(r.nextInt(PLACES.size()));
            return other.usps().equals(c.place.usps()) ? other.city() : c.place.city();
        }
        return c.place.city();
    }

    /** The club's US state on a project or answer; members who moved file from another state now and then. */
    private static String usStateAsFiled(Club c, SplittableRandom r) {
        return r.nextInt(100) < 1 ? PLACES.get(r.nextInt(PLACES.size())).usps() : c.place.usps();
    }

    private String otherTown(Club c, SplittableRandom r) {
        List<Municipality> list = towns.get(c.state.code());
        return list.get(r.nextInt(list.size())).key();
    }

    // ---- how people write a name ----

    /**
     * A name as someone writes it: upper case ({@code upper}%), accents dropped ({@code plain}%),
     * abbreviated ({@code abbreviated}%), a generic word dropped or added ({@code generic}%), a
     * typo ({@code typo}%); now and then the legal suffix or two words swapped.
     */
    private String vary(String name, SplittableRandom r, int upper, int plain, int abbreviated, int generic, int typo) {
        String s = name;
        if (r.nextInt(100) < generic) {
            s = genericChange(s, r);
        }
        if (r.nextInt(100) < abbreviated) {
            s = s.replace("Asociación", "Asoc.").replace("Social", "Soc.").replace("Deportivo", "Dep.")
                    .replace("Santa ", "Sta. ").replace("San ", "Sn. ").replace("Federación", "Fed.");
        }
        if (r.nextInt(100) < 4) {
            s = s + " A.C.";
        }
        if (r.nextInt(100) < 3) {
            s = swapWords(s, r);
        }
        if (r.nextInt(100) < typo) {
            s = typo(s, r);
        }
        if (r.nextInt(100) < plain) {
            s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
        if (r.nextInt(100) < upper) {
            s = s.toUpperCase(Locale.ROOT);
        } else if (r.nextInt(100) < 3) {
            s = s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    private static String genericChange(String s, SplittableRandom r) {
        if (s.startsWith("Club Social ") && r.nextBoolean()) {
            return "Club " + s.substring("Club Social ".length());
        }
        if (s.startsWith("Club ") && r.nextBoolean()) {
            return s.substring("Club ".length());
        }
        if (s.startsWith("Club ") && !s.startsWith("Club Social")) {
            return "Club Social " + s.substring("Club ".length());
        }
        return "Club " + s;
    }

    private static String swapWords(String s, SplittableRandom r) {
        String[] w = s.split(" ");
        if (w.length < 3) {
            return s;
        }
        int i = 1 + r.nextInt(w.length - 2);
        String t = w[i];
        w[i] = w[i + 1];
        w[i + 1] = t;
        return String.join(" ", w);
    }

    private static String typo(String s, SplittableRandom r) {
        String[] w = s.split(" ");
        List<Integer> long5 = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (w[i].length() >= 6 && w[i].chars().allMatch(Character::isLetter)) {
                long5.add(i);
            }
        }
        if (long5.isEmpty()) {
            return s;
        }
        int i = long5.get(r.nextInt(long5.size()));
        StringBuilder b = new StringBuilder(w[i]);
        int at = 1 + r.nextInt(b.length() - 2);
        switch (r.nextInt(3)) {
            case 0 -> b.deleteCharAt(at);
            case 1 -> {
                char c = b.charAt(at);
                b.setCharAt(at, b.charAt(at + 1));
                b.setCharAt(at + 1, c);
            }
            default -> b.setCharAt(at, "aeioulnrst".charAt(r.nextInt(10)));
        }
        w[i] = b.toString();
        return String.join(" ", w);
    }

    // ---- helpers ----

    /** The historic id ingest gives an entry: a hash of its name, city, US state and origin, compared like headers. */
    static String historicId(String name, String city, String usState, String origin) {
        String identity = Text.key(name) + "|" + Text.key(city) + "|" + Text.key(usState) + "|" + Text.key(origin);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "H-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** What two names of one state must not both be, to tell their clubs apart. */
    private static String alike(String name, String townName, String officialTown) {
        String n = (" " + AssociationNames.normalize(name) + " ").replace(" " + AssociationNames.normalize(officialTown) + " ",
                " " + AssociationNames.normalize(shortName(officialTown)) + " ");
        List<String> words = new ArrayList<>();
        for (String w : n.trim().split(" ")) {
            if (!w.equals("CLUB") && !w.equals("SOCIAL") && !w.isEmpty()) {
                words.add(w);
            }
        }
        return String.join(" ", words);
    }

    private static String shortName(String official) {
        int de = official.indexOf(" de ");
        return de > 3 ? official.substring(0, de) : official;
    }

    private State pickState() {
        double total = 0;
        for (State s : STATES) {
            total += s.weight();
        }
        double x = rng.nextDouble() * total;
        for (State s : STATES) {
            x -= s.weight();
            if (x < 0) {
                return s;
            }
        }
        return STATES.get(0);
    }

    /** Towns by a Zipf law: a few hometowns send many clubs. */
    private Municipality pickTown(State s) {
        List<Municipality> list = towns.get(s.code());
        double total = 0;
        for (int i = 0; i < list.size(); i++) {
            total += 1.0 / (i + 1);
        }
        double x = rng.nextDouble() * total;
        for (int i = 0; i < list.size(); i++) {
            x -= 1.0 / (i + 1);
            if (x < 0) {
                return list.get(i);
            }
        }
        return list.get(0);
    }

    private Place pickPlace() {
        double total = 0;
        for (Place p : PLACES) {
            total += p.weight();
        }
        double x = rng.nextDouble() * total;
        for (Place p : PLACES) {
            x -= p.weight();
            if (x < 0) {
                return p;
            }
        }
        return PLACES.get(0);
    }

    private String[] pickTwo(String[] from) {
        int a = rng.nextInt(from.length);
        int b = (a + 1 + rng.nextInt(from.length - 1)) % from.length;
        return new String[] {from[a], from[b]};
    }

    private static int poisson(double lambda, SplittableRandom r) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static void shuffle(List<Labelled> list, SplittableRandom r) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Labelled t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    public int size() {
        return population.size();
    }
}
