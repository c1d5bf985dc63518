package org.oriundos.tools.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic sample extracts of every source, as the providers deliver them (docs/extracts.md): the
 * consular registry's snapshots (historic and IME), the consulates' activity, SEDESOL's 3x1 records
 * in both layouts with a corrected re-delivery, and two surveys, with the providers' faults put in
 * at a small, known rate ({@link #injectedFaults()} lists them). The same seed gives byte-identical
 * files. Everything is streamed to disk: memory does not grow with the number of rows.
 *
 * <p>Counts follow the published figures, scaled: 441 clubs in 1998, 623 in 2003, 570 in Dec 2006,
 * about 850 in 2008 and 2,643 in 2019 (the demo takes a fifth of that); 3x1 projects grow from
 * 2002 to a peak around 2010 and fall off by 2019. Personal columns hold plainly fictitious data.
 */
public final class SampleExtracts {
    /** The fiscal years of the 3x1 files: the old layout until 2012, the new one from 2013. */
    public static final int FIRST_PROJECT_YEAR = 2002;
    public static final int LAST_PROJECT_YEAR = 2019;
    /** The demo's 3x1 rows over all years: a few hundred a year. */
    static final long DEMO_PROJECT_ROWS = 5_000;
    /** The share of the published club counts the demo lists. */
    static final double DEMO_SCALE = 0.2;
    /** The year the corrected re-delivery revises. */
    static final int REVISED_YEAR = 2007;

    // relative size of each fiscal year's program, 2002..2019
    private static final double[] PROJECT_YEAR_WEIGHTS = {0.45, 0.6, 0.75, 0.85, 0.9, 1.0, 1.15, 1.2, 1.25, 1.25,
        1.2, 1.15, 1.1, 1.05, 1.0, 0.9, 0.8, 0.5};

    private static final List<LocalDate> SNAPSHOTS = List.of(LocalDate.of(2006, 12, 15), LocalDate.of(2007, 12, 14),
            LocalDate.of(2008, 12, 12), LocalDate.of(2009, 12, 11), LocalDate.of(2010, 6, 30),
            LocalDate.of(2010, 12, 10), LocalDate.of(2011, 12, 9), LocalDate.of(2013, 12, 13),
            LocalDate.of(2014, 12, 12), LocalDate.of(2015, 12, 11), LocalDate.of(2016, 12, 9),
            LocalDate.of(2017, 12, 15), LocalDate.of(2018, 12, 14), LocalDate.of(2019, 12, 13));

    // Fault rates of `generate`: per data row of a file.
    private static final Map<FaultKind, Double> PROJECT_RATES = Map.of(FaultKind.BAD_AMOUNT, 1 / 4_000.0,
            FaultKind.BAD_DATE, 1 / 8_000.0, FaultKind.DUPLICATE_FOLIO, 1 / 20_000.0, FaultKind.MULTILINE_FIELD,
            1 / 1_000.0, FaultKind.NFD_NAME, 1 / 300.0, FaultKind.UNRESOLVABLE_MUNICIPALITY, 1 / 20_000.0);
    private static final Map<FaultKind, Double> REGISTRY_RATES = Map.of(FaultKind.BAD_DATE, 1 / 5_000.0,
            FaultKind.BAD_NUMBER, 1 / 5_000.0, FaultKind.MULTILINE_FIELD, 1 / 3_000.0, FaultKind.NFD_NAME, 1 / 500.0);
    private static final Map<FaultKind, Double> SURVEY_RATES = Map.of(FaultKind.MISSING_VALUE, 1 / 5_000.0,
            FaultKind.BAD_NUMBER, 1 / 5_000.0, FaultKind.NFD_NAME, 1 / 1_000.0);

    /** The demo's Banco de México exports: a download of every series, then a later one revising Zacatecas. */
    public static final String FIRST_REMITTANCE_EXPORT = "banxico_remesas_2026-02-03.csv";
    public static final String REVISED_REMITTANCE_EXPORT = "banxico_remesas_2026-05-05.csv";
    static final java.time.LocalDateTime FIRST_EXPORT_CONSULTED = java.time.LocalDateTime.of(2026, 2, 3, 9, 41, 17);
    static final java.time.LocalDateTime REVISED_EXPORT_CONSULTED = java.time.LocalDateTime.of(2026, 5, 5, 8, 29, 25);
    static final String REVISED_STATE = "32";
    /**
     * An analyst's older download of Zacatecas, in thousands of dollars and hand-edited, put in the
     * inbox after the others: consulted before both, it changes nothing.
     */
    public static final String OLDER_REMITTANCE_EXPORT = "banxico_remesas_zacatecas_2025.csv";
    static final java.time.LocalDateTime OLDER_EXPORT_CONSULTED = java.time.LocalDateTime.of(2025, 11, 4, 17, 2, 51);
    /** Jerez's third quarter of 2024 in the older download: {@code n.d.}, no number, rejected. */
    static final RemittanceExport.Miswritten DEMO_MISWRITTEN =
            new RemittanceExport.Miswritten("SE432020", LocalDate.of(2024, 7, 1), "n.d.");
    /** Apozol's first quarter of 2013, not available in the first export. */
    static final RemittanceExport.NotAvailable DEMO_NOT_AVAILABLE =
            new RemittanceExport.NotAvailable("SE432001", LocalDate.of(2013, 1, 1));

    private static final Instant FIRST_DELIVERY = Instant.parse("2020-01-15T02:00:00Z");

    private final long seed;
    private final Geography geography = new Geography();
    private final FaultLog faults = new FaultLog();

    public SampleExtracts(long seed) {
        this.seed = seed;
    }

    /**
     * The demo's inbox: every kind of extract, both 3x1 layouts, 2002-2019, with a few faults of
     * each kind; small enough to load in well under a minute, and no file near the 5% reject
     * threshold. Returns the files in delivery order.
     */
    public List<Path> writeDemoInbox(Path inbox) {
        createDirectories(inbox);
        Population population = new Population(seed, DEMO_SCALE, geography);
        List<Path> files = new ArrayList<>();
        RegistryFiles registry = new RegistryFiles(seed, population, geography, faults);
        files.add(registry.writeHistoric(inbox, 1998, FileStyle.windows1252(true), true));
        files.add(registry.writeHistoric(inbox, 2003, FileStyle.utf8(true, true), false));
        for (LocalDate date : SNAPSHOTS) {
            files.add(registry.writeSnapshot(inbox, date, snapshotStyle(date), headerAsTyped(date),
                    demoRegistryFaults(date)));
        }
        ActivityFiles activity = new ActivityFiles(seed, faults);
        for (int year = 2016; year <= 2019; year++) {
            Map<FaultKind, Long> f = year == 2016 || year == 2018 ? Map.of(FaultKind.BAD_NUMBER, 1L) : Map.of();
            files.add(activity.write(inbox, year, activityStyle(year), f));
        }
        ProjectFiles projects = new ProjectFiles(seed, population, geography, faults);
        long[] rows = rowsPerYear(DEMO_PROJECT_ROWS);
        for (int year = FIRST_PROJECT_YEAR; year <= LAST_PROJECT_YEAR; year++) {
            ProjectFiles.Spec spec = demoProjectSpec(year, rows[year - FIRST_PROJECT_YEAR], false);
            files.add(projects.write(inbox, spec));
            if (year == REVISED_YEAR) {
                files.add(projects.write(inbox, demoProjectSpec(year, rows[year - FIRST_PROJECT_YEAR], true)));
            }
        }
        SurveyFiles surveys = new SurveyFiles(seed, population, geography, faults);
        files.add(surveys.write(inbox, "LNS", 2006, 2_000, FileStyle.utf8(false, false), 0.0,
                Map.of(FaultKind.MISSING_VALUE, 1L, FaultKind.BAD_NUMBER, 1L, FaultKind.NFD_NAME, 1L)));
        files.add(surveys.write(inbox, "LNS", 2016, 1_500, FileStyle.utf8(true, false), 0.01,
                Map.of(FaultKind.BAD_NUMBER, 1L, FaultKind.NFD_NAME, 1L)));
        files.addAll(writeDemoRemittances(inbox));
        stampDeliveryOrder(files);
        return List.copyOf(files);
    }

    /**
     * The demo's three Banco de México exports: the quarterly family remittances of the demo's states
     * of origin (each state's real total; every municipality of Zacatecas, Jalisco, Michoacán and
     * Guanajuato with its No identificado), 2013 to 2025, with one {@code N/E}; then a later download
     * of Zacatecas alone that revises its 2025 quarters and brings the first quarter of 2026; then,
     * delivered last, an older download of Zacatecas (2024 to the third quarter of 2025, consulted
     * before both) in thousands of dollars, with LF line ends and one cell an analyst wrote
     * {@code n.d.}: the cell is rejected, and the export changes nothing.
     */
    private List<Path> writeDemoRemittances(Path inbox) {
        List<String> states = geography.states().stream().map(Geography.State::code).sorted().toList();
        Map<String, List<RemittanceExport.Municipality>> municipalities = RemittanceExport.demoMunicipalities();
        RemittanceExport all = new RemittanceExport(seed, states, municipalities);
        Path first = all.write(inbox.resolve(FIRST_REMITTANCE_EXPORT), FIRST_EXPORT_CONSULTED,
                RemittanceExport.quarters(LocalDate.of(2013, 1, 1), LocalDate.of(2025, 10, 1)), null,
                java.util.Set.of(DEMO_NOT_AVAILABLE), true);
        RemittanceExport zacatecas = new RemittanceExport(seed, List.of(REVISED_STATE),
                Map.of(REVISED_STATE, municipalities.get(REVISED_STATE)));
        Path revised = zacatecas.write(inbox.resolve(REVISED_REMITTANCE_EXPORT), REVISED_EXPORT_CONSULTED,
                RemittanceExport.quarters(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)),
                new RemittanceExport.Revision(java.util.Set.of(REVISED_STATE), LocalDate.of(2025, 1, 1), 1.012),
                java.util.Set.of(), true);
        List<LocalDate> olderPeriods = RemittanceExport.quarters(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 7, 1));
        Path older = zacatecas.inThousandsOfDollars().write(inbox.resolve(OLDER_REMITTANCE_EXPORT),
                OLDER_EXPORT_CONSULTED, olderPeriods, null, java.util.Set.of(), java.util.Set.of(DEMO_MISWRITTEN), false);
        faults.add(new InjectedFault(OLDER_REMITTANCE_EXPORT,
                SieExportFile.FIRST_DATA_LINE + olderPeriods.indexOf(DEMO_MISWRITTEN.period()), FaultKind.BAD_AMOUNT,
                DEMO_MISWRITTEN.seriesId(), DEMO_MISWRITTEN.text()));
        return List.of(first, revised, older);
    }

    /**
     * Extracts of any size, for benchmarks: {@code projectRows} 3x1 rows spread over 2002-2019
     * (both layouts), with the registry, the consulates' activity and the surveys in proportion,
     * and the providers' faults at a small rate. Returns the files in delivery order.
     */
    public List<Path> writeScaled(Path outDir, long projectRows) {
        if (projectRows < 0) {
            throw new IllegalArgumentException("projectRows must not be negative, got " + projectRows);
        }
        createDirectories(outDir);
        double scale = scaleFor(projectRows / (double) PROJECT_YEAR_WEIGHTS.length);
        Population population = new Population(seed, scale, geography);
        List<Path> files = new ArrayList<>(registryAndActivity(outDir, population));
        ProjectFiles projects = new ProjectFiles(seed, population, geography, faults);
        long[] rows = rowsPerYear(projectRows);
        for (int year = FIRST_PROJECT_YEAR; year <= LAST_PROJECT_YEAR; year++) {
            // a year without projects has no file: SEDESOL does not deliver empty years
            if (rows[year - FIRST_PROJECT_YEAR] > 0) {
                files.add(projects.write(outDir, scaledProjectSpec(year, rows[year - FIRST_PROJECT_YEAR])));
            }
        }
        files.addAll(surveys(outDir, population, Math.max(2_000, projectRows / 1_000),
                Math.max(1_500, projectRows / 1_300)));
        stampDeliveryOrder(files);
        return List.copyOf(files);
    }

    /**
     * Everything but the 3x1 files of a program of a given size, for benchmarks that write their
     * own 3x1 years ({@link #writeProjectsFile(Path, int, long, double)} with the same
     * {@code clubScale}, so that the projects name the registry's clubs): the registry's snapshots
     * with {@code clubScale} times the published club counts (2,643 clubs in 2019 at 1), the
     * consulates' activity, two surveys of {@code respondents2006} and {@code respondents2016}
     * respondents, and, with {@code remittances}, one Banco de México export of the program's
     * municipalities, 2013 to 2025 ({@link #programExport(double)} at {@code clubScale}: every
     * municipality from 1 up). Returns the files in delivery order.
     */
    public List<Path> writeProgramContext(Path outDir, double clubScale, long respondents2006, long respondents2016,
                                          boolean remittances) {
        if (clubScale <= 0 || respondents2006 < 1 || respondents2016 < 1) {
            throw new IllegalArgumentException("a program has clubs and respondents, got scale " + clubScale
                    + ", respondents " + respondents2006 + " and " + respondents2016);
        }
        createDirectories(outDir);
        Population population = new Population(seed, clubScale, geography);
        List<Path> files = new ArrayList<>(registryAndActivity(outDir, population));
        files.addAll(surveys(outDir, population, respondents2006, respondents2016));
        if (remittances) {
            files.add(programExport(clubScale).write(outDir.resolve(programExportFile(clubScale)),
                    FIRST_EXPORT_CONSULTED, EVERY_MUNICIPALITY_QUARTERS, null, java.util.Set.of(), true));
        }
        stampDeliveryOrder(files);
        return List.copyOf(files);
    }

    /** The file name of {@link #writeProgramContext}'s remittance export of every municipality. */
    public static final String EVERY_MUNICIPALITY_EXPORT = "banxico_remesas_todos_los_municipios.csv";
    /** The file name of {@link #writeProgramContext}'s remittance export below 1 ({@link #programExport(double)}). */
    public static final String ORIGIN_STATES_EXPORT = "banxico_remesas_estados_de_origen.csv";

    private static String programExportFile(double clubScale) {
        return clubScale >= 1 ? EVERY_MUNICIPALITY_EXPORT : ORIGIN_STATES_EXPORT;
    }
    static final List<LocalDate> EVERY_MUNICIPALITY_QUARTERS =
            RemittanceExport.quarters(LocalDate.of(2013, 1, 1), LocalDate.of(2025, 10, 1));

    /** How many quarters each series of {@link #writeProgramContext}'s remittance export holds. */
    public static int everyMunicipalityQuarters() {
        return EVERY_MUNICIPALITY_QUARTERS.size();
    }

    /**
     * Banco de México's export of every municipality: each state's total, every municipality of
     * INEGI's catalog with a 2020 population, and each state's No identificado (about 2,500 series,
     * as docs/extracts.md says of the real export).
     */
    public RemittanceExport everyMunicipalityExport() {
        return programExport(1);
    }

    /**
     * The Banco de México export an analyst of a program of {@code clubScale} times the realistic
     * size (that of {@link #writeProgramContext}'s registry) drops in. From 1 up it is
     * {@link #everyMunicipalityExport()}: Mexico's municipalities do not multiply with the program.
     * Below 1 it is every state's total and the municipal series (every municipality, and No
     * identificado) of the program's leading states of origin, those its clubs come from most, in
     * that order, the fewest that hold {@code clubScale} of the export of every municipality's
     * municipalities: a smaller program's export, so that its nights cost a smaller share of the work.
     */
    public RemittanceExport programExport(double clubScale) {
        if (!(clubScale > 0)) {
            throw new IllegalArgumentException("a program has clubs, got scale " + clubScale);
        }
        Map<String, List<RemittanceExport.Municipality>> byState = new java.util.LinkedHashMap<>();
        java.util.SortedSet<String> states = new java.util.TreeSet<>();
        long municipalities = 0;
        for (InegiCatalog.Row row : InegiCatalog.rows().values()) {
            states.add(row.stateCode());
            if (row.population() > 0) { // the municipalities created after 2020 have no series yet
                byState.computeIfAbsent(row.stateCode(), k -> new ArrayList<>())
                        .add(new RemittanceExport.Municipality(row.key(), row.name(), row.population()));
                municipalities++;
            }
        }
        if (clubScale >= 1) {
            return new RemittanceExport(seed, List.copyOf(states), byState);
        }
        long wanted = (long) Math.ceil(clubScale * municipalities);
        Map<String, List<RemittanceExport.Municipality>> origins = new java.util.LinkedHashMap<>();
        long kept = 0;
        for (Geography.State state : geography.states()) { // the largest share of the clubs first
            if (kept >= wanted) {
                break;
            }
            List<RemittanceExport.Municipality> ms = byState.get(state.code());
            if (ms != null) {
                origins.put(state.code(), ms);
                kept += ms.size();
            }
        }
        return new RemittanceExport(seed, List.copyOf(states), origins);
    }

    /** The clubs the registry lists at the end of {@code year} for a program of {@code clubScale}. */
    public static long registryEntries(int year, double clubScale) {
        return Math.round(Population.publishedCount(year) * clubScale);
    }

    private List<Path> registryAndActivity(Path outDir, Population population) {
        List<Path> files = new ArrayList<>();
        RegistryFiles registry = new RegistryFiles(seed, population, geography, faults);
        files.add(registry.writeHistoric(outDir, 1998, FileStyle.windows1252(true), true));
        files.add(registry.writeHistoric(outDir, 2003, FileStyle.utf8(true, true), false));
        for (LocalDate date : SNAPSHOTS) {
            long expected = Math.round(population.expectedCount(date.getYear()));
            files.add(registry.writeSnapshot(outDir, date, snapshotStyle(date), headerAsTyped(date),
                    counts(REGISTRY_RATES, expected, demoRegistryFaults(date))));
        }
        ActivityFiles activity = new ActivityFiles(seed, faults);
        for (int year = 2010; year <= 2019; year++) {
            Map<FaultKind, Long> f = year == 2012 || year == 2018 ? Map.of(FaultKind.BAD_NUMBER, 1L) : Map.of();
            files.add(activity.write(outDir, year, activityStyle(year), f));
        }
        return files;
    }

    private List<Path> surveys(Path outDir, Population population, long first, long second) {
        SurveyFiles surveys = new SurveyFiles(seed, population, geography, faults);
        return List.of(
                surveys.write(outDir, "LNS", 2006, first, FileStyle.utf8(false, false), 0.0,
                        counts(SURVEY_RATES, first, Map.of(FaultKind.MISSING_VALUE, 1L, FaultKind.BAD_NUMBER, 1L))),
                surveys.write(outDir, "LNS", 2016, second, FileStyle.utf8(true, false), 0.01,
                        counts(SURVEY_RATES, second, Map.of(FaultKind.BAD_NUMBER, 1L))));
    }

    /**
     * One 3x1 file of {@code rows} projects for {@code fiscalYear}, in that year's layout (the
     * 2013 layout from 2013 on), with the providers' faults at their small rate and a TOTAL row.
     */
    public List<Path> writeProjectsFile(Path outDir, int fiscalYear, long rows) {
        return writeProjectsFile(outDir, fiscalYear, rows, scaleFor(rows));
    }

    /**
     * As {@link #writeProjectsFile(Path, int, long)}, naming the clubs of a population of
     * {@code clubScale} times the published counts (that of {@link #writeProgramContext}'s registry).
     */
    public List<Path> writeProjectsFile(Path outDir, int fiscalYear, long rows, double clubScale) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
        if (fiscalYear < FIRST_PROJECT_YEAR || fiscalYear > LAST_PROJECT_YEAR) {
            throw new IllegalArgumentException("the 3x1 program's sample years are " + FIRST_PROJECT_YEAR + " to "
                    + LAST_PROJECT_YEAR + ", got " + fiscalYear);
        }
        createDirectories(outDir);
        Population population = new Population(seed, clubScale, geography);
        return List.of(new ProjectFiles(seed, population, geography, faults)
                .write(outDir, scaledProjectSpec(fiscalYear, rows)));
    }

    /** The faults put into the files written so far (up to a thousand per file are listed). */
    public List<InjectedFault> injectedFaults() {
        return faults.kept();
    }

    /** Exact counts of the faults put into each file written so far, by kind. */
    public Map<String, Map<FaultKind, Long>> faultCounts() {
        return faults.counts();
    }

    /**
     * How many clubs for a program of {@code projectsPerYear}: each club funds about two projects a
     * year, as in 2006 (723 clubs, some 1,500 projects); never fewer than the demo's fifth.
     */
    private static double scaleFor(double projectsPerYear) {
        return Math.max(DEMO_SCALE, projectsPerYear / 3_000.0);
    }

    /** The club scale this generator gives a program of {@code projectsPerYear} 3x1 projects a year. */
    public static double projectsScale(long projectsPerYear) {
        return scaleFor(projectsPerYear);
    }

    /** {@code total} rows over the fiscal years, by the program's size each year; they add up exactly. */
    static long[] rowsPerYear(long total) {
        double sum = 0;
        for (double w : PROJECT_YEAR_WEIGHTS) {
            sum += w;
        }
        long[] rows = new long[PROJECT_YEAR_WEIGHTS.length];
        long given = 0;
        double cumulative = 0;
        for (int i = 0; i < rows.length; i++) {
            cumulative += PROJECT_YEAR_WEIGHTS[i];
            long upTo = Math.round(total * cumulative / sum);
            rows[i] = upTo - given;
            given = upTo;
        }
        return rows;
    }

    private static FileStyle snapshotStyle(LocalDate date) {
        int y = date.getYear();
        boolean bom = y == 2008 || y == 2011 || y == 2015 || y == 2019;
        boolean crlf = y == 2006 || y == 2007 || y == 2009 || y == 2013 || y == 2017;
        return FileStyle.utf8(bom, crlf);
    }

    /** One year's export typed its headers by hand ("Id Organizacion", "Fecha Fundación"). */
    private static boolean headerAsTyped(LocalDate date) {
        return date.getYear() == 2016;
    }

    private static Map<FaultKind, Long> demoRegistryFaults(LocalDate date) {
        Map<FaultKind, Long> f = new EnumMap<>(FaultKind.class);
        switch (date.toString()) {
            case "2006-12-15": f.put(FaultKind.NFD_NAME, 2L); break;
            case "2008-12-12": f.put(FaultKind.BAD_DATE, 1L); break;
            case "2009-12-11": f.put(FaultKind.BAD_NUMBER, 1L); break;
            case "2010-12-10": f.put(FaultKind.BAD_DATE, 1L); break;
            case "2013-12-13": f.put(FaultKind.MULTILINE_FIELD, 1L); f.put(FaultKind.NFD_NAME, 2L); break;
            case "2014-12-12": f.put(FaultKind.BAD_NUMBER, 1L); break;
            case "2015-12-11": f.put(FaultKind.NFD_NAME, 3L); break;
            case "2016-12-09": f.put(FaultKind.BAD_DATE, 1L); break;
            case "2017-12-15": f.put(FaultKind.MULTILINE_FIELD, 1L); break;
            case "2018-12-14": f.put(FaultKind.BAD_NUMBER, 1L); break;
            case "2019-12-13": f.put(FaultKind.BAD_DATE, 1L); f.put(FaultKind.NFD_NAME, 2L); break;
            default: break;
        }
        return f;
    }

    private static FileStyle activityStyle(int year) {
        return FileStyle.utf8(year % 4 == 3, year % 2 == 1);
    }

    private static FileStyle projectStyle(int year) {
        if (year < 2013) {
            return FileStyle.windows1252(year != 2004 && year != 2010);
        }
        return FileStyle.utf8(year == 2013 || year == 2016 || year == 2019, year == 2014 || year == 2018);
    }

    private static boolean projectUnpadded(int year) {
        return year == 2014 || year == 2017;
    }

    private static boolean projectTotalRow(int year) {
        return year < 2013 ? year != 2010 : year == 2013 || year == 2014 || year == 2016 || year == 2018;
    }

    private static Map<FaultKind, Long> demoProjectFaults(int year) {
        Map<FaultKind, Long> f = new EnumMap<>(FaultKind.class);
        f.put(FaultKind.BAD_AMOUNT, 1L);
        if (year % 2 == 1) {
            f.put(FaultKind.BAD_DATE, 1L);
        }
        if (year == 2005 || year == 2011 || year == 2016 || year == 2019) {
            f.put(FaultKind.DUPLICATE_FOLIO, 1L);
        }
        f.put(FaultKind.MULTILINE_FIELD, 2L);
        if (year >= 2013) {
            f.put(FaultKind.NFD_NAME, 3L);
        }
        if (year == 2009 || year == 2015) {
            f.put(FaultKind.UNRESOLVABLE_MUNICIPALITY, 1L);
        }
        return f;
    }

    private static ProjectFiles.Spec demoProjectSpec(int year, long rows, boolean revised) {
        String name = revised ? "3x1_proyectos_" + year + "_v2.csv" : ProjectFiles.fileName(year);
        return new ProjectFiles.Spec(name, year, rows, projectStyle(year), demoProjectFaults(year),
                projectTotalRow(year), projectUnpadded(year), year == 2016, revised);
    }

    private static ProjectFiles.Spec scaledProjectSpec(int year, long rows) {
        return new ProjectFiles.Spec(ProjectFiles.fileName(year), year, rows, projectStyle(year),
                counts(PROJECT_RATES, rows, demoProjectFaults(year)), true, projectUnpadded(year), year == 2016, false);
    }

    /**
     * Faults for a file of {@code rows}: the rate's share, and never fewer than the demo's own
     * few once the file is large enough that they stay far below the reject threshold.
     */
    private static Map<FaultKind, Long> counts(Map<FaultKind, Double> rates, long rows, Map<FaultKind, Long> floor) {
        Map<FaultKind, Long> f = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            long byRate = Math.round(rows * rates.getOrDefault(kind, 0.0));
            long least = rows >= 500 ? floor.getOrDefault(kind, 0L) : 0L;
            long n = Math.max(byRate, least);
            if (n > 0) {
                f.put(kind, n);
            }
        }
        return f;
    }

    /** File times in delivery order, so a corrected re-delivery is also the newer file. */
    private static void stampDeliveryOrder(List<Path> files) {
        for (int i = 0; i < files.size(); i++) {
            try {
                Files.setLastModifiedTime(files.get(i), FileTime.from(FIRST_DELIVERY.plusSeconds(60L * i)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot set the time of " + files.get(i), e);
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
