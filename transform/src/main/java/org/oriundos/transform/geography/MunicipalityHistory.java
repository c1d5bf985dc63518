package org.oriundos.transform.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the municipalities were called, and since when they exist: INEGI's municipal lists of the
 * censuses and counts of 1990, 1995, 2000, 2005, 2010 and 2020 ({@code reference/inegi_censo_municipios_YYYY.csv},
 * kept as INEGI exported them), and the municipalities split from others since 1990
 * ({@code reference/municipality_splits.csv}). A key keeps its code when the municipality is renamed,
 * so each list gives the names a municipality had that year ({@code 11037} was {@code Silao} until
 * the 2010 list, {@code Silao de la Victoria} since). Oaxaca's homonyms carry their district in
 * INEGI's older names ({@code San Juan Mixtepec -Dto. 08 -}), which is where the district of a
 * municipality comes from.
 */
public final class MunicipalityHistory {
    /** The census and count years whose lists are shipped. */
    public static final List<Integer> CENSUS_YEARS = List.of(1990, 1995, 2000, 2005, 2010, 2020);
    public static final String SPLITS_RESOURCE = "reference/municipality_splits.csv";

    /** The resource of one year's list. */
    public static String censusResource(int year) {
        return "reference/inegi_censo_municipios_" + year + ".csv";
    }

    /** All the shipped resources, for the reference data's fingerprint. */
    public static List<String> resources() {
        List<String> r = new ArrayList<>();
        CENSUS_YEARS.forEach(y -> r.add(censusResource(y)));
        r.add(SPLITS_RESOURCE);
        return r;
    }

    /** {@code " 20 208 "}: a municipality's row of an INEGI list (state rows are {@code =CONCATENAR(...)}). */
    private static final Pattern MUNICIPALITY_ROW = Pattern.compile("\\s*(\\d{2}) (\\d{3})\\s*");
    /** A district written after a name, once folded: {@code SAN JUAN MIXTEPEC DTO 08}, {@code ... DISTR 26}. */
    static final Pattern DISTRICT_SUFFIX = Pattern.compile("^(.+?) (?:DISTRITO|DISTR|DIST|DTTO|DTO) 0*(\\d{1,2})$");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A name a municipality had in one year's list. */
    public record Name(int year, String name) {
    }

    private final List<Integer> years;
    private final Map<String, List<Name>> names;           // key -> names, by year
    private final Map<String, Integer> districts;           // key -> district, where a name carries it
    private final Map<String, List<String>> splitFrom;      // key -> the keys it was split from

    private MunicipalityHistory(List<Integer> years, Map<String, List<Name>> names, Map<String, Integer> districts,
                                Map<String, List<String>> splitFrom) {
        this.years = List.copyOf(years);
        this.names = names;
        this.districts = districts;
        this.splitFrom = splitFrom;
    }

    /** No history: the catalog's names only, and every municipality taken to exist always. */
    public static MunicipalityHistory none() {
        return new MunicipalityHistory(List.of(), Map.of(), Map.of(), Map.of());
    }

    /** The shipped lists of every census year, and the shipped splits. */
    public static MunicipalityHistory shipped(GeographyCatalog catalog) {
        return shipped(catalog, CENSUS_YEARS);
    }

    /**
     * The shipped lists of the given years only (to measure the rules on a list the resolver has
     * not seen), and the shipped splits.
     */
    public static MunicipalityHistory shipped(GeographyCatalog catalog, List<Integer> years) {
        Map<String, List<Name>> names = new HashMap<>();
        for (int year : years) {
            if (!CENSUS_YEARS.contains(year)) {
                throw new IllegalArgumentException("no INEGI list of " + year + " is shipped; years: " + CENSUS_YEARS);
            }
            try (Reader r = resource(censusResource(year), WINDOWS_1252)) {
                for (Map.Entry<String, String> e : readList(r).entrySet()) {
                    if (catalog.municipality(e.getKey()).isPresent()) { // a list's "not specified" rows are no municipality
                        names.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Name(year, e.getValue()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + censusResource(year) + ": " + e.getMessage(), e);
            }
        }
        Map<String, Integer> districts = new HashMap<>();
        names.forEach((key, ns) -> ns.forEach(n -> {
            Matcher m = DISTRICT_SUFFIX.matcher(MunicipalityResolver.key(n.name()));
            if (m.matches()) {
                districts.put(key, Integer.parseInt(m.group(2)));
            }
        }));
        Map<String, List<String>> splits;
        try (Reader r = resource(SPLITS_RESOURCE, StandardCharsets.UTF_8)) {
            splits = readSplits(catalog, r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SPLITS_RESOURCE + ": " + e.getMessage(), e);
        }
        return new MunicipalityHistory(years.stream().sorted().toList(), names, districts, splits);
    }

    /** The municipality rows of one INEGI list: key to name, in the list's order. */
    static Map<String, String> readList(Reader list) throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (CSVRecord r : CSVFormat.DEFAULT.parse(list)) {
            if (r.size() < 2) {
                continue;
            }
            Matcher m = MUNICIPALITY_ROW.matcher(r.get(0));
            if (m.matches()) {
                rows.put(m.group(1) + m.group(2), r.get(1).trim());
            }
        }
        return rows;
    }

    private static Map<String, List<String>> readSplits(GeographyCatalog catalog, Reader in) throws IOException {
        Map<String, List<String>> splits = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).setTrim(true).get();
        for (CSVRecord r : format.parse(in)) {
            String where = SPLITS_RESOURCE + " line " + r.getParser().getCurrentLineNumber();
            String key = r.get("key");
            if (catalog.municipality(key).isEmpty()) {
                throw new IllegalStateException(where + ": " + key + " is not an INEGI municipality key");
            }
            List<String> from = new ArrayList<>();
            for (String parent : r.get("split_from").split("\\s+")) {
                if (catalog.municipality(parent).isEmpty() || !parent.startsWith(key.substring(0, 2))) {
                    throw new IllegalStateException(where + ": " + parent + " is not a municipality of the state of " + key);
                }
                from.add(parent);
            }
            splits.put(key, List.copyOf(from));
        }
        return splits;
    }

    /** The years whose lists this history holds, oldest first. */
    public List<Integer> years() {
        return years;
    }

    /** The names a municipality had in the lists, oldest first (empty when it is in none). */
    public List<Name> names(String key) {
        return Collections.unmodifiableList(names.getOrDefault(key, List.of()));
    }

    /** The Oaxaca district of a municipality, when one of INEGI's names of it carries it. */
    public OptionalInt district(String key) {
        Integer d = districts.get(key);
        return d == null ? OptionalInt.empty() : OptionalInt.of(d);
    }

    /** The municipalities a municipality created since 1990 was split from (empty when not listed). */
    public List<String> splitFrom(String key) {
        return splitFrom.getOrDefault(key, List.of());
    }

    /**
     * The last year whose list does not have the municipality although a later list does (or,
     * for one in no list, the last list's year): up to that year it did not exist yet. Empty when
     * the municipality is in the first list, or when there is no history.
     */
    public OptionalInt absentUntil(String key) {
        if (years.isEmpty()) {
            return OptionalInt.empty();
        }
        TreeMap<Integer, Boolean> present = new TreeMap<>();
        for (int y : years) {
            present.put(y, false);
        }
        names(key).forEach(n -> present.put(n.year(), true));
        Optional<Integer> first = present.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .findFirst();
        if (first.isEmpty()) {
            return OptionalInt.of(years.get(years.size() - 1));
        }
        Integer before = present.lowerKey(first.get());
        return before == null ? OptionalInt.empty() : OptionalInt.of(before);
    }

    /** The first year whose list has the municipality, if any does. */
    public OptionalInt firstListed(String key) {
        return names(key).stream().mapToInt(Name::year).min();
    }

    private static Reader resource(String name, Charset charset) {
        InputStream in = MunicipalityHistory.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the transform module");
        }
        return new InputStreamReader(in, charset);
    }
}
