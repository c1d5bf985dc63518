package org.oriundos.tools.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Banco de México SIE export of family remittances by state and municipality, as an analyst
 * downloads it ({@link SieExportFile}), with real state totals and a synthetic split among the
 * municipalities. Each state's quarterly total is Banco de México's own figure
 * ({@code sample/remesas_entidad.csv}, provenance in {@code sample/README.md}); it is split among
 * the state's municipalities by population, with some seeded noise per quarter, and a small
 * {@code No identificado} share, in whole dollars that add up to the total exactly. Municipal series
 * are written in millions of dollars with six decimals (exact to the dollar) and the state's total
 * with four (to the hundred dollars), as SIE rounds them: municipalities plus No identificado equal
 * the total to within rounding, never exactly by accident. An export in thousands of dollars
 * ({@link #inThousandsOfDollars}) holds the same dollars with three decimals and one.
 *
 * <p>Series ids are derived from the INEGI keys ({@code SE296<state>}, {@code SE4<key>},
 * {@code SE4<state>999} for No identificado), so the same series has the same id in every export,
 * as Banco de México's ids are stable. Names are written as Banco de México writes them:
 * {@link #stateName} and {@link #municipalityName}.
 */
public final class RemittanceExport {
    /** The subject line of an export of the municipal distribution. */
    public static final String SUBJECT = "Ingresos por remesas, distribución por municipio";
    public static final String UNIT = "Millones de Dólares";
    /** The unit of other exports: thousands of dollars. */
    public static final String UNIT_THOUSANDS = "Miles de Dólares";
    private static final String TOTALS = "/sample/remesas_entidad.csv";
    private static final String NOT_IDENTIFIED = "No identificado";

    /** A municipality: INEGI's 5-digit key, INEGI's name, and its population (its weight in the state's split). */
    public record Municipality(String key, String name, long population) {
        public String stateCode() {
            return key.substring(0, 2);
        }
    }

    /**
     * A revision Banco de México published: the totals of {@code states} in the periods from
     * {@code from} on are multiplied by {@code factor} (and split again).
     */
    public record Revision(Set<String> states, LocalDate from, double factor) {
    }

    /** A cell written {@code N/E}: series {@code seriesId} in the period starting {@code period}. */
    public record NotAvailable(String seriesId, LocalDate period) {
    }

    /**
     * A cell written as no number ({@code n.d.}, {@code -}) where the value should be, as an
     * analyst's hand-edited download has it: the pipeline rejects it.
     */
    public record Miswritten(String seriesId, LocalDate period, String text) {
    }

    /**
     * What a series is about, for tests that hold the warehouse's figures against it.
     *
     * @param stateCode       the INEGI state code
     * @param municipalityKey the INEGI municipality key; null for the state's total and its No identificado
     * @param notIdentified   whether it is the state's No identificado series
     */
    public record Place(String stateCode, String municipalityKey, boolean notIdentified) {
    }

    private final long seed;
    private final String unit;
    private final List<String> states;
    private final Map<String, List<Municipality>> municipalities;
    private final Map<String, String> stateNames = new HashMap<>();
    private final Map<String, Map<LocalDate, Long>> totals = new HashMap<>();
    private final List<SieExportFile.Series> series = new ArrayList<>();
    private final List<Place> places = new ArrayList<>();

    /**
     * @param states         the INEGI codes of the states whose series the export holds, in order
     * @param municipalities for each state that has them, its municipalities (all of them, or the
     *                       shares do not add up); a state without is exported as its total only
     */
    public RemittanceExport(long seed, List<String> states, Map<String, List<Municipality>> municipalities) {
        this(seed, states, municipalities, UNIT);
    }

    private RemittanceExport(long seed, List<String> states, Map<String, List<Municipality>> municipalities,
                             String unit) {
        this.seed = seed;
        this.unit = unit;
        this.states = List.copyOf(states);
        this.municipalities = new LinkedHashMap<>(municipalities);
        readTotals();
        for (String code : this.states) {
            if (!totals.containsKey(code)) {
                throw new IllegalArgumentException("no remittance totals for state " + code + " in " + TOTALS);
            }
            String state = stateName(code, stateNames.get(code));
            series.add(new SieExportFile.Series("SE296" + code, "Ingresos por Remesas Familiares, " + state,
                    "Trimestral", unit));
            places.add(new Place(code, null, false));
            List<Municipality> ms = this.municipalities.getOrDefault(code, List.of());
            for (Municipality m : ms) {
                series.add(new SieExportFile.Series("SE4" + m.key(), "Ingresos por Remesas, Distribución por Municipio, "
                        + state + ", " + municipalityName(m.key(), m.name()), "Trimestral", unit));
                places.add(new Place(code, m.key(), false));
            }
            if (!ms.isEmpty()) {
                series.add(new SieExportFile.Series("SE4" + code + "999", "Ingresos por Remesas, Distribución por Municipio, "
                        + state + ", " + NOT_IDENTIFIED, "Trimestral", unit));
                places.add(new Place(code, null, true));
            }
        }
    }

    /**
     * The same export in thousands of dollars ({@code Miles de Dólares}): the same dollars, each
     * state's total to the hundred dollars and each municipality to the dollar, as in millions.
     */
    public RemittanceExport inThousandsOfDollars() {
        return new RemittanceExport(seed, states, municipalities, UNIT_THOUSANDS);
    }

    /** The states of the demo's export: Guanajuato, Jalisco, Michoacán and Zacatecas. */
    private static final Set<String> DEMO_STATES = Set.of("11", "14", "16", "32");

    /**
     * The demo's places: every municipality of Zacatecas, Jalisco, Michoacán and Guanajuato, with
     * its 2020 population, from transform's INEGI catalog ({@link InegiCatalog}), in its order.
     */
    public static Map<String, List<Municipality>> demoMunicipalities() {
        Map<String, List<Municipality>> byState = new LinkedHashMap<>();
        for (InegiCatalog.Row row : InegiCatalog.rows().values()) {
            if (DEMO_STATES.contains(row.stateCode())) {
                byState.computeIfAbsent(row.stateCode(), k -> new ArrayList<>())
                        .add(new Municipality(row.key(), row.name(), row.population()));
            }
        }
        return byState;
    }

    /** The series, in the export's column order: each state's total, its municipalities, its No identificado. */
    public List<SieExportFile.Series> series() {
        return List.copyOf(series);
    }

    /** What each series of {@link #series()} is about, in the same order. */
    public List<Place> places() {
        return List.copyOf(places);
    }

    /** The quarters from {@code first} to {@code last} (first days), both included. */
    public static List<LocalDate> quarters(LocalDate first, LocalDate last) {
        List<LocalDate> q = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusMonths(3)) {
            q.add(d);
        }
        return q;
    }

    /**
     * Writes the export of {@code periods} (quarters), consulted at {@code consulted}, with
     * {@code revision} applied (or none) and {@code notAvailable} cells written {@code N/E}.
     */
    public Path write(Path file, LocalDateTime consulted, List<LocalDate> periods, Revision revision,
                      Set<NotAvailable> notAvailable, boolean crlf) {
        return write(file, consulted, periods, revision, notAvailable, Set.of(), crlf);
    }

    /** As {@link #write(Path, LocalDateTime, List, Revision, Set, boolean)}, with {@code miswritten} cells. */
    public Path write(Path file, LocalDateTime consulted, List<LocalDate> periods, Revision revision,
                      Set<NotAvailable> notAvailable, Set<Miswritten> miswritten, boolean crlf) {
        String[][] row = {null};
        int[] rowOf = {-1};
        return SieExportFile.write(file, SUBJECT, consulted, series, periods, (s, p) -> {
            if (rowOf[0] != p) {
                row[0] = cells(periods.get(p), revision, notAvailable, miswritten);
                rowOf[0] = p;
            }
            return row[0][s];
        }, crlf);
    }

    /**
     * The whole dollars of every series in one period, as the export holds them before rounding
     * (the state's total exactly, each municipality and No identificado its share).
     */
    public long[] dollars(LocalDate period, Revision revision) {
        long[] out = new long[series.size()];
        int i = 0;
        for (String code : states) {
            long total = total(code, period, revision);
            out[i++] = total;
            List<Municipality> ms = municipalities.getOrDefault(code, List.of());
            if (ms.isEmpty()) {
                continue;
            }
            long[] split = split(code, ms, total, period);
            System.arraycopy(split, 0, out, i, split.length);
            i += split.length;
        }
        return out;
    }

    private String[] cells(LocalDate period, Revision revision, Set<NotAvailable> notAvailable,
                           Set<Miswritten> miswritten) {
        long[] dollars = dollars(period, revision);
        // millions to six decimals, thousands to three: a municipality to the dollar, a total to the hundred
        int shift = UNIT_THOUSANDS.equals(unit) ? 3 : 6;
        String[] cells = new String[dollars.length];
        for (int s = 0; s < dollars.length; s++) {
            Place place = places.get(s);
            boolean total = place.municipalityKey() == null && !place.notIdentified();
            BigDecimal inUnit = BigDecimal.valueOf(dollars[s]).movePointLeft(shift);
            cells[s] = total ? inUnit.setScale(shift - 2, RoundingMode.HALF_EVEN).toPlainString()
                    : inUnit.setScale(shift, RoundingMode.UNNECESSARY).toPlainString();
            if (notAvailable.contains(new NotAvailable(series.get(s).id(), period))) {
                cells[s] = "N/E";
            }
        }
        for (Miswritten m : miswritten) {
            if (m.period().equals(period)) {
                cells[column(m.seriesId())] = m.text();
            }
        }
        return cells;
    }

    private int column(String seriesId) {
        for (int s = 0; s < series.size(); s++) {
            if (series.get(s).id().equals(seriesId)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no series " + seriesId + " in the export");
    }

    private long total(String code, LocalDate period, Revision revision) {
        Long real = totals.get(code).get(period);
        if (real == null) {
            throw new IllegalArgumentException("no remittance total for state " + code + " in " + period + " in " + TOTALS);
        }
        if (revision != null && revision.states().contains(code) && !period.isBefore(revision.from())) {
            return Math.round(real * revision.factor());
        }
        return real;
    }

    /**
     * The state's total split among its municipalities (by population, with seeded noise) and its
     * No identificado (1% to 3%, the last element), in whole dollars adding up to the total.
     */
    private long[] split(String code, List<Municipality> ms, long total, LocalDate period) {
        Rng q = Rng.of(seed, "remittances-" + code + "-" + period);
        double unplaced = 0.01 + 0.02 * q.nextDouble();
        double[] weights = new double[ms.size()];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            Rng r = Rng.of(seed, "remittances-" + ms.get(i).key() + "-" + period);
            weights[i] = Math.max(1, ms.get(i).population()) * Math.exp(0.15 * r.gaussian());
            sum += weights[i];
        }
        long placed = Math.round(total * (1 - unplaced));
        long[] out = new long[ms.size() + 1];
        double[] remainders = new double[ms.size()];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = placed * weights[i] / sum;
            out[i] = (long) Math.floor(exact);
            remainders[i] = exact - out[i];
            given += out[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; given < placed; k++) {
            out[order[k % order.length]]++;
            given++;
        }
        out[ms.size()] = total - placed;
        return out;
    }

    private void readTotals() {
        try (InputStream in = RemittanceExport.class.getResourceAsStream(TOTALS)) {
            if (in == null) {
                throw new IllegalStateException("resource " + TOTALS + " is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", -1);
                String code = f[1].length() == 1 ? "0" + f[1] : f[1];
                stateNames.putIfAbsent(code, f[2]);
                totals.computeIfAbsent(code, k -> new HashMap<>()).put(LocalDate.parse(f[0]), Long.parseLong(f[3].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOTALS, e);
        }
    }

    /** A state as Banco de México writes it: the common short form (Coahuila, Michoacán, Veracruz, Estado de México). */
    public static String stateName(String code, String name) {
        return switch (code) {
            case "05" -> "Coahuila";
            case "09" -> "Ciudad de México";
            case "15" -> "Estado de México";
            case "16" -> "Michoacán";
            case "30" -> "Veracruz";
            default -> name;
        };
    }

    /** The short and old forms Banco de México writes for some municipalities, by INEGI key. */
    private static final Map<String, String> BANXICO_NAMES = Map.ofEntries(
            Map.entry("14098", "Tlaquepaque"),
            Map.entry("14097", "Tlajomulco"),
            Map.entry("14093", "Tepatitlán"),
            Map.entry("11014", "Dolores Hidalgo Cuna de la Independencia Nal."),
            Map.entry("11037", "Silao"),
            Map.entry("32034", "Nochistlán"),
            Map.entry("32048", "Tlaltenango"),
            Map.entry("15033", "Ecatepec"),
            Map.entry("15057", "Naucalpan"),
            Map.entry("15104", "Tlalnepantla"),
            Map.entry("12001", "Acapulco"),
            Map.entry("12038", "José Azueta"),
            Map.entry("12028", "Chilapa"),
            Map.entry("20413", "Huatulco"),
            Map.entry("20043", "Juchitán de Zaragoza"),
            Map.entry("20039", "Huajuapan de León"),
            Map.entry("21132", "Texmelucan"),
            Map.entry("13048", "Pachuca"),
            Map.entry("19010", "Carmen"),
            Map.entry("19009", "Cadereyta"),
            Map.entry("24013", "Cd. Valles"),
            Map.entry("24011", "Cd. Fernández"),
            Map.entry("07019", "Comitán"),
            Map.entry("07017", "Cintalapa"),
            Map.entry("08008", "Batopilas"),
            Map.entry("30105", "Medellín"));

    /**
     * A municipality as Banco de México writes it: its short or old form where it uses one
     * ({@code Tlaquepaque}, {@code Silao}), and {@code Gral.}, {@code Dr.} for General, Doctor.
     */
    public static String municipalityName(String key, String name) {
        String known = BANXICO_NAMES.get(key);
        if (known != null) {
            return known;
        }
        if (name.startsWith("General ")) {
            return "Gral. " + name.substring("General ".length());
        }
        if (name.startsWith("Doctor ")) {
            return "Dr. " + name.substring("Doctor ".length());
        }
        return name;
    }
}
