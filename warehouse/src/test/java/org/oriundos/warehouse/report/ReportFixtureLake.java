package org.oriundos.warehouse.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformedTables;

/**
 * A small conformed lake with the shape of the real data, written as real Parquet with the
 * contract schemas: registry snapshots in 1998, 2003, 2006 (two) and 2008 (none in the years
 * between), clubs forming and dissolving, new destinations (North Carolina, Georgia) growing from
 * nothing, 3x1 projects 2005-2008 with a cancelled one each year and clubs that never registered,
 * a weighted survey with DK and REF answers, and the ledger, rejects, unresolved names and
 * association links of the data-quality appendix. It also keeps the figures it was built from, so
 * the tests can hold the report against what went in.
 */
final class ReportFixtureLake {
    static final int BASE_YEAR = 2008;
    static final List<LocalDate> SNAPSHOTS = List.of(LocalDate.of(1998, 11, 30), LocalDate.of(2003, 10, 15),
            LocalDate.of(2006, 6, 1), LocalDate.of(2006, 12, 1), LocalDate.of(2008, 9, 30));
    /** A club name with everything HTML must escape. */
    static final String AWKWARD_CLUB = "Club \"Los <Altos>\" & Amigos";

    private static final String[][] STATES = {
        {"32", "Zacatecas", "ZAC"}, {"14", "Jalisco", "JAL"}, {"16", "Michoacán de Ocampo", "MICH"},
        {"11", "Guanajuato", "GTO"}, {"24", "San Luis Potosí", "SLP"}, {"10", "Durango", "DGO"},
        {"20", "Oaxaca", "OAX"}, {"12", "Guerrero", "GRO"}};
    private static final String[][] MUNICIPALITIES = {
        {"32010", "32", "010", "Fresnillo"}, {"32020", "32", "020", "Jerez"}, {"14039", "14", "039", "Guadalajara"},
        {"14073", "14", "073", "San Juan de los Lagos"}, {"16053", "16", "053", "Morelia"},
        {"11015", "11", "015", "Guanajuato"}, {"24028", "24", "028", "San Luis Potosí"},
        {"10005", "10", "005", "Durango"}, {"20067", "20", "067", "Oaxaca de Juárez"}, {"12029", "12", "029", "Chilpancingo de los Bravo"}};
    private static final String[][] US_STATES = {
        {"CA", "06", "California"}, {"TX", "48", "Texas"}, {"IL", "17", "Illinois"},
        {"NC", "37", "North Carolina"}, {"GA", "13", "Georgia"}, {"NY", "36", "New York"}};
    /** Registered associations per US state at each snapshot year (1998, 2003, 2006, 2008). */
    private static final Map<String, int[]> TARGETS = new LinkedHashMap<>();
    static {
        TARGETS.put("CA", new int[] {24, 33, 36, 38});
        TARGETS.put("TX", new int[] {10, 14, 15, 17});
        TARGETS.put("IL", new int[] {12, 16, 19, 22});
        TARGETS.put("NC", new int[] {0, 2, 4, 6});
        TARGETS.put("GA", new int[] {0, 1, 3, 5});
        TARGETS.put("NY", new int[] {2, 2, 3, 3});
    }
    private static final String[] ORIGIN_CYCLE = {"32", "32", "14", "16", "11", "32", "14", "24", "16", "10", "20", "12"};
    private static final String[] CATEGORIES = {"AGUA POTABLE", "DRENAJE", "ELECTRIFICACION", "PAVIMENTACION",
        "CAMINOS", "URBANIZACION", "CENTRO COMUNITARIO", "EDUCACION", "BECAS", "SALUD", "DEPORTE", "TEMPLO",
        "PRODUCTIVO", "OTRO"};
    private static final Map<Integer, double[]> MONEY_YEARS = new TreeMap<>();
    static {
        double[][] values = {{1998, 39.5, 9.14}, {1999, 46.0, 9.56}, {2000, 50.4, 9.46}, {2001, 53.6, 9.34},
            {2002, 56.2, 9.66}, {2003, 58.7, 10.79}, {2004, 61.3, 11.29}, {2005, 63.7, 10.90}, {2006, 66.0, 10.90},
            {2007, 68.6, 10.93}, {2008, 72.0, 11.13}};
        for (double[] v : values) {
            MONEY_YEARS.put((int) v[0], new double[] {v[1], v[2]});
        }
    }

    /** One association as the fixture made it. */
    record Association(String id, String name, String originState, String usState, String registryKey) {
    }

    private final Path root;
    private final LakeLocation lake;
    private final List<Association> associations = new ArrayList<>();
    /** Snapshot year → association ids present in that year's latest snapshot. */
    private final Map<Integer, List<String>> registeredByYear = new TreeMap<>();
    private final List<Object[]> manifest = new ArrayList<>();
    private final List<Object[]> ledger = new ArrayList<>();
    private final List<Object[]> projects = new ArrayList<>();
    private int files;

    private ReportFixtureLake(Path root) {
        this.root = root;
        this.lake = LakeLocation.local(root);
    }

    /** Writes the whole fixture lake under {@code root} and returns it. */
    static ReportFixtureLake writeTo(Path root) {
        ReportFixtureLake f = new ReportFixtureLake(root);
        f.writeReference();
        f.writeRegistry();
        f.writeProjects();
        f.writeSurvey();
        f.writeQualityRecords();
        f.writeAssociations();
        f.whole(ConformedTables.MANIFEST, f.manifest);
        f.writeLedger();
        return f;
    }

    LakeLocation lake() {
        return lake;
    }

    Path root() {
        return root;
    }

    /** The associations registered in the latest snapshot of {@code year}; empty if the year has none. */
    List<String> registered(int year) {
        return registeredByYear.getOrDefault(year, List.of());
    }

    boolean hasSnapshot(int year) {
        return registeredByYear.containsKey(year);
    }

    /** The projects of a fiscal year that count (not cancelled), as conformed rows. */
    List<Object[]> countedProjects(int year) {
        List<Object[]> out = new ArrayList<>();
        int yearIndex = ConformedTables.PROJECT.indexOf("fiscal_year");
        int statusIndex = ConformedTables.PROJECT.indexOf("status");
        for (Object[] p : projects) {
            if ((Integer) p[yearIndex] == year && !"CANCELADO".equals(p[statusIndex])) {
                out.add(p);
            }
        }
        return out;
    }

    private void writeReference() {
        List<Object[]> states = new ArrayList<>();
        for (String[] s : STATES) {
            states.add(new Object[] {s[0], s[1], s[2]});
        }
        whole(ConformedTables.REF_STATE, states);
        List<Object[]> municipalities = new ArrayList<>();
        for (String[] m : MUNICIPALITIES) {
            municipalities.add(new Object[] {m[0], m[1], m[2], m[3], 100_000L});
        }
        whole(ConformedTables.REF_MUNICIPALITY, municipalities);
        List<Object[]> us = new ArrayList<>();
        for (String[] u : US_STATES) {
            us.add(new Object[] {u[0], u[1], u[2]});
        }
        whole(ConformedTables.REF_US_STATE, us);
        List<Object[]> years = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : MONEY_YEARS.entrySet()) {
            years.add(new Object[] {e.getKey(), e.getValue()[0], e.getValue()[1], 12, 12});
        }
        whole(ConformedTables.REF_YEAR, years);
    }

    /**
     * Per US state, keeps a list of active clubs: at each snapshot year the oldest eighth
     * dissolves and new clubs form up to the state's target.
     */
    private void writeRegistry() {
        Map<String, List<Association>> active = new LinkedHashMap<>();
        int[] snapshotYears = {1998, 2003, 2006, 2008};
        Map<Integer, List<Association>> byYear = new TreeMap<>();
        for (int y = 0; y < snapshotYears.length; y++) {
            List<Association> present = new ArrayList<>();
            for (Map.Entry<String, int[]> t : TARGETS.entrySet()) {
                List<Association> list = active.computeIfAbsent(t.getKey(), k -> new ArrayList<>());
                int leaving = list.size() / 8;
                list.subList(0, leaving).clear();
                while (list.size() < t.getValue()[y]) {
                    list.add(newAssociation(t.getKey()));
                }
                present.addAll(list);
            }
            byYear.put(snapshotYears[y], present);
        }
        // 2006 has two snapshots: the June one lacks the last club of every state; December counts.
        for (LocalDate date : SNAPSHOTS) {
            List<Association> present = new ArrayList<>(byYear.get(date.getYear()));
            if (date.equals(LocalDate.of(2006, 6, 1))) {
                present.removeIf(a -> a.usState().equals("IL") && a.id().endsWith("7"));
            } else {
                List<String> ids = new ArrayList<>();
                present.forEach(a -> ids.add(a.id()));
                registeredByYear.put(date.getYear(), ids);
            }
            boolean historic = date.getYear() < 2006;
            String file = "ime_directorio_" + date + ".csv";
            String loadId = loadId(file);
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            int line = 2;
            for (Association a : present) {
                String orgId = historic ? "H-" + a.id().toLowerCase() : "IME-" + a.id().substring(1);
                String city = a.usState().equals("CA") ? "Los Angeles" : a.usState().equals("IL") ? "Chicago"
                        : a.usState().equals("TX") ? "Dallas" : a.usState().equals("NC") ? "Raleigh"
                        : a.usState().equals("GA") ? "Atlanta" : "New York";
                rows.add(lineage(ConformedTables.REGISTRY_SNAPSHOT, file, line, loadId,
                        date, date.getYear(), orgId, a.id(), historic, a.registryKey(), a.name(), "CLUB", null,
                        city.toUpperCase().replace(' ', '_'), city, city, a.usState(), null, a.originState(),
                        null, null, historic ? null : date.minusYears(1), 40));
                links.add(new Object[] {"registry", date.toString(), orgId, file, (long) line, a.name(),
                    a.name().toLowerCase(), a.originState(), a.id(), historic ? (line % 5 == 0 ? "SIMILAR_NAME" : "EXACT_NAME")
                        : "IME_ID", historic && line % 5 == 0 ? 0.93 : 1.0, null, null, 0, null, null, loadId});
                line++;
            }
            partition(ConformedTables.REGISTRY_SNAPSHOT, date.toString(), loadId, rows);
            partition(ConformedTables.ASSOCIATION_LINK, "registry-" + date, loadId, links);
            ledger(file, "registry", date.toString(), loadId, rows.size(), 0, historic ? "historic" : "current");
        }
    }

    private Association newAssociation(String usState) {
        int n = associations.size() + 1;
        String origin = ORIGIN_CYCLE[n % ORIGIN_CYCLE.length];
        String town = "";
        for (String[] m : MUNICIPALITIES) {
            if (m[1].equals(origin)) {
                town = m[3];
            }
        }
        String name = n == 3 ? AWKWARD_CLUB : "Club " + town + " " + n;
        Association a = new Association(String.format("A%04d", n), name, origin, usState, String.format("TN-%05d", n));
        associations.add(a);
        return a;
    }

    private void writeProjects() {
        // Clubs that never registered but take part in 3x1 (the program asks for a "toma de nota",
        // yet they are not in the consular directory): they count as clubs taking part, not as registered.
        List<Association> unregistered = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Association a = new Association(String.format("A9%03d", i), "Club Unidos de Jerez " + i, "32", "CA", null);
            unregistered.add(a);
            associations.add(a);
        }
        for (int year = 2005; year <= 2008; year++) {
            String file = "3x1_proyectos_" + year + ".csv";
            String loadId = loadId(file);
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> links = new ArrayList<>();
            int count = 8 + (year - 2005) * 3;
            for (int i = 0; i < count; i++) {
                Association club = i % 7 == 6 ? unregistered.get(i % 3) : associations.get((i * 5 + year) % 60);
                if (i == 0) {
                    club = associations.get(2); // the awkward name, every year
                }
                String[] muni = MUNICIPALITIES[(i + year) % MUNICIPALITIES.length];
                String category = CATEGORIES[(i * 3 + year) % CATEGORIES.length];
                long share = (100_000L + ((i * 7919L + year * 31L) % 400_000L)) * 100; // hundredths
                long other = i % 5 == 4 ? share / 2 : 0;
                long total = 4 * share + other;
                // the latest fiscal year is still coming in: most of its projects are only approved
                String status = i == count - 1 ? "CANCELADO" : year == 2008 && i % 3 != 0 ? "APROBADO"
                        : i % 4 == 1 ? "EN EJECUCION" : "CONCLUIDO";
                String folio = String.format("3X1-%s-%d-%04d", stateAbbr(muni[1]), year, i + 1);
                Object[] row = lineage(ConformedTables.PROJECT, file, i + 2, loadId,
                        year, folio, year >= 2013 ? "2013" : "2002", muni[1], muni[0], "NAME", null,
                        "Obra " + category.toLowerCase() + " " + (i + 1), category, "CATEGORIA", null,
                        club.id(), club.registryKey(), club.name(), null, club.usState(), status,
                        LocalDate.of(year, 3, 1 + i % 28), 500L + i,
                        share, share, share, share, other, total, BASE_YEAR,
                        constant(share, year), constant(share, year), constant(share, year), constant(share, year),
                        constant(other, year), constant(share, year) * 4 + constant(other, year),
                        dollars(share, year), dollars(share, year), dollars(share, year), dollars(share, year),
                        dollars(other, year), dollars(share, year) * 4 + dollars(other, year));
                rows.add(row);
                projects.add(row);
                links.add(new Object[] {"projects", Integer.toString(year), folio, file, (long) (i + 2), club.name(),
                    club.name().toLowerCase(), club.originState(), club.id(),
                    club.registryKey() == null ? "NEW" : i % 4 == 0 ? "REGISTRY_KEY" : "EXACT_NAME", 1.0, null, null, 0, null,
                    null, loadId});
            }
            partition(ConformedTables.PROJECT, Integer.toString(year), loadId, rows);
            partition(ConformedTables.ASSOCIATION_LINK, "projects-" + year, loadId, links);
            ledger(file, "projects", Integer.toString(year), loadId, rows.size(), year == 2007 ? 2 : 0, "2002");
        }
    }

    private static String stateAbbr(String code) {
        for (String[] s : STATES) {
            if (s[0].equals(code)) {
                return s[2];
            }
        }
        throw new IllegalArgumentException(code);
    }

    /** Constant pesos of the base year, exact hundredths, as transform computes them. */
    static long constant(long hundredths, int year) {
        return BigDecimal.valueOf(hundredths).multiply(BigDecimal.valueOf(MONEY_YEARS.get(BASE_YEAR)[0]))
                .divide(BigDecimal.valueOf(MONEY_YEARS.get(year)[0]), 0, RoundingMode.HALF_UP).longValueExact();
    }

    static long dollars(long hundredths, int year) {
        return BigDecimal.valueOf(hundredths)
                .divide(BigDecimal.valueOf(MONEY_YEARS.get(year)[1]), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private void writeSurvey() {
        String file = "survey_NSL_2006.csv";
        String loadId = loadId(file);
        String[] bands = {"0-4", "5-9", "10-19", "20+"};
        String[] origins = {"32", "14", "16", "11"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            boolean mexican = i % 10 != 9;
            String band = bands[i % 4];
            // Membership rises with time in the US; some answers are DK or REF and are left out.
            String member = i % 23 == 0 ? "DK" : i % 29 == 0 ? "REF" : i % 37 == 0 ? null
                    : (i * 7) % 100 < 4 + (i % 4) * 4 ? "Y" : "N";
            String origin = mexican ? origins[(i / 4) % 4] : null;
            // Nobody from Guanajuato sends remittances here: a rate of 0, not "no rate".
            String remits = i % 31 == 0 ? "REF" : "11".equals(origin) ? "N" : i % 3 != 0 ? "Y" : "N";
            double weight = 0.5 + (i % 5) * 0.25;
            rows.add(lineage(ConformedTables.SURVEY_RESPONSE, file, i + 2, loadId,
                    "NSL", 2006, String.format("R%04d", i + 1), mexican ? "Mexico" : "El Salvador", mexican,
                    origin, "CA", 2 + (i % 4) * 6, band, null, 30 + i % 40, null,
                    i % 2 == 0 ? "M" : "F", null, null, remits, "Y", 1, null, member, null, null, weight));
        }
        partition(ConformedTables.SURVEY_RESPONSE, "NSL_2006", loadId, rows);
        ledger(file, "survey", "NSL_2006", loadId, rows.size(), 1, null);
    }

    /** The quality records as a lake before the reasons' codes holds them (reason_code and reason_args null). */
    private void writeQualityRecords() {
        String projects2007 = "3x1_proyectos_2007.csv";
        List<Object[]> rejects = new ArrayList<>();
        rejects.add(new Object[] {projects2007, "projects", "2007", 14L, "INV_FEDERAL", "12,34a.00",
            "not an amount", loadId(projects2007), null, null});
        rejects.add(new Object[] {projects2007, "projects", "2007", 19L, "FOLIO", "3X1-ZAC-2007-0003",
            "duplicate FOLIO in the file (also on line 5)", loadId(projects2007), null, null});
        write(RawTables.REJECTS, lake.path("rejects", "projects", "period=2007", "part-00000.parquet"), rejects);
        String survey = "survey_NSL_2006.csv";
        write(RawTables.REJECTS, lake.path("rejects", "survey", "period=NSL_2006", "part-00000.parquet"),
                List.<Object[]>of(new Object[] {survey, "survey", "NSL_2006", 77L, "WEIGHT", "-1",
                    "weight must be positive", loadId(survey), null, null}));

        List<Object[]> unresolved = new ArrayList<>();
        unresolved.add(new Object[] {"projects", "2006", "3x1_proyectos_2006.csv", 7L, "MUNICIPIO", "S. Juan d/l Lagos",
            "14", "no municipality of that name in the state", loadId("3x1_proyectos_2006.csv"), null, null});
        unresolved.add(new Object[] {"projects", "2006", "3x1_proyectos_2006.csv", 9L, "MUNICIPIO", "S. Juan d/l Lagos",
            "14", "no municipality of that name in the state", loadId("3x1_proyectos_2006.csv"), null, null});
        partition(ConformedTables.UNRESOLVED, "projects-2006", loadId("3x1_proyectos_2006.csv"), unresolved);
        List<Object[]> registry = new ArrayList<>();
        registry.add(new Object[] {"registry", "2003-10-15", "ime_directorio_2003-10-15.csv", 12L, "ESTADO_ORIGEN",
            "Zacatecs", null, "no state of that name", loadId("ime_directorio_2003-10-15.csv"), null, null});
        partition(ConformedTables.UNRESOLVED, "registry-2003-10-15", loadId("ime_directorio_2003-10-15.csv"), registry);
        // A delivery refused whole: in the ledger, not in the data.
        ledger.add(new Object[] {loadId("3x1_proyectos_2004.csv"), "3x1_proyectos_2004.csv", "projects", "2004",
            sha("3x1_proyectos_2004.csv"), 2048L, "windows-1252", "2002", 40L, 0L, 40L, 0L, "FAILED", null,
            "40 of 40 rows rejected, over the 5% threshold", Instant.parse("2009-01-10T02:00:00Z")});
    }

    private void writeAssociations() {
        List<Object[]> rows = new ArrayList<>();
        for (Association a : associations) {
            rows.add(new Object[] {a.id(), a.name(), a.name().toLowerCase(), a.originState(), null, a.registryKey()});
        }
        whole(ConformedTables.ASSOCIATION, rows);
    }

    private void writeLedger() {
        // the entries give the ledger's first columns; those added since (absent_columns) are null
        write(RawTables.LEDGER, lake.path("ledger", "20090110T020000Z-ledger.parquet"),
                ledger.stream().map(r -> java.util.Arrays.copyOf(r, RawTables.LEDGER.size())).toList());
    }

    private Object[] lineage(TableSchema schema, String file, long line, String loadId, Object... values) {
        Object[] row = new Object[schema.size()];
        if (values.length != schema.size() - 3) {
            throw new IllegalArgumentException(schema.name() + " needs " + (schema.size() - 3) + " values, got "
                    + values.length);
        }
        System.arraycopy(values, 0, row, 0, values.length);
        row[values.length] = file;
        row[values.length + 1] = line;
        row[values.length + 2] = loadId;
        return row;
    }

    private void partition(TableSchema schema, String period, String loadId, List<Object[]> rows) {
        write(schema, lake.path("conformed", schema.name(), "period=" + period, "part-00000.parquet"), rows);
        manifest.add(new Object[] {schema.name(), period, loadId, "fp-" + loadId + "-" + rows.size(), (long) rows.size()});
    }

    private void whole(TableSchema schema, List<Object[]> rows) {
        write(schema, lake.path("conformed", schema.name(), "part-00000.parquet"), rows);
    }

    private void write(TableSchema schema, org.apache.hadoop.fs.Path path, List<Object[]> rows) {
        try (ParquetTableWriter writer = new ParquetTableWriter(schema, path, lake.conf())) {
            writer.writeAll(rows);
        }
    }

    private void ledger(String file, String table, String period, String loadId, int loaded, int rejected,
                        String layout) {
        files++;
        ledger.add(new Object[] {loadId, file, table, period, sha(file), 10_000L + loaded * 120L,
            "UTF-8", layout, (long) (loaded + rejected), (long) loaded, (long) rejected, 0L, "LOADED", null, null,
            Instant.parse("2009-01-10T02:00:00Z").plusSeconds(files)});
    }

    private static String sha(String file) {
        StringBuilder hex = new StringBuilder();
        int h = file.hashCode();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%08x", h * (i + 7) ^ (i * 0x9E3779B9)));
        }
        return hex.toString();
    }

    private static String loadId(String file) {
        return sha(file).substring(0, 16);
    }
}
