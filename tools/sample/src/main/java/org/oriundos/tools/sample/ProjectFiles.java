package org.oriundos.tools.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes SEDESOL's 3x1 project records, one fiscal year per file, in the layout of the year:
 * 2002-2012 (Windows-1252, names only, TIPO_OBRA, APORTACION_*) or since 2013 (UTF-8, INEGI codes,
 * CATEGORIA, CLAVE_CLUB, INV_*). Every row is recreated from the seed, the year and its number,
 * so a file of any size streams, and a corrected re-delivery is the same file with its revisions.
 */
final class ProjectFiles {
    static final List<String> HEADER_2013 = List.of("EJERCICIO", "FOLIO", "CVE_ENT", "NOM_ENT", "CVE_MUN", "NOM_MUN",
            "LOCALIDAD", "NOMBRE_PROYECTO", "CATEGORIA", "CLAVE_CLUB", "NOMBRE_CLUB", "FEDERACION", "ESTADO_EUA",
            "INV_FEDERAL", "INV_ESTATAL", "INV_MUNICIPAL", "INV_MIGRANTE", "INV_OTROS", "BENEFICIARIOS", "ESTATUS",
            "FECHA_APROBACION");
    static final List<String> HEADER_2002 = List.of("AÑO", "FOLIO", "ESTADO", "MUNICIPIO", "NOMBRE_PROYECTO",
            "TIPO_OBRA", "NOMBRE_CLUB", "FEDERACION", "ESTADO_EUA", "APORTACION_FEDERAL", "APORTACION_ESTATAL",
            "APORTACION_MUNICIPAL", "APORTACION_MIGRANTES", "ESTATUS", "FECHA_APROBACION");
    /** A column someone added to one year's export, that the pipeline does not know. */
    static final String EXTRA_COLUMN = "OBSERVACIONES";

    /** Municipality codes beyond the last one of the state (Zacatecas has 58, Jalisco 125, ...). */
    private static final Map<String, String> CODE_NOBODY_HAS = Map.of("32", "075", "14", "131", "16", "118", "11", "052");
    private static final List<String> PLACE_NOBODY_HAS = List.of("Rancho Los Laureles", "San Isidro de las Palmas");

    /**
     * How one file is to be written.
     *
     * @param fileName      its name ({@code 3x1_proyectos_2007.csv}, {@code 3x1_proyectos_2007_v2.csv})
     * @param year          the fiscal year; 2013 or later is the new layout
     * @param rows          project rows (the TOTAL row not counted)
     * @param style         encoding, BOM, line endings
     * @param faults        how many rows carry each fault
     * @param totalRow      whether it ends with the provider's TOTAL row
     * @param unpaddedCodes whether the whole file lost the codes' leading zeros (a spreadsheet did it)
     * @param extraColumn   whether it carries a column the pipeline does not know
     * @param revised       whether this is the corrected re-delivery: one project's amounts are
     *                      revised and another project is cancelled
     */
    record Spec(String fileName, int year, long rows, FileStyle style, Map<FaultKind, Long> faults, boolean totalRow,
                boolean unpaddedCodes, boolean extraColumn, boolean revised) {
    }

    private final long seed;
    private final Population population;
    private final Geography geography;
    private final FaultLog faults;
    private final Map<String, Integer> stateIndex = new HashMap<>();
    private final String[] folioPrefixes;

    ProjectFiles(long seed, Population population, Geography geography, FaultLog faults) {
        this.seed = seed;
        this.population = population;
        this.geography = geography;
        this.faults = faults;
        List<Geography.State> states = geography.states();
        this.folioPrefixes = new String[states.size()];
        for (int i = 0; i < states.size(); i++) {
            stateIndex.put(states.get(i).code(), i);
            folioPrefixes[i] = folioPrefix(states.get(i));
        }
    }

    static String fileName(int year) {
        return "3x1_proyectos_" + year + ".csv";
    }

    /** One project, before it is written in a layout. */
    private static final class Project {
        String folio;
        Geography.State state;
        Geography.Municipality municipality;
        String stateWritten;
        String municipalityWritten;
        String locality;
        String projectName;
        Works.Category category;
        String workType;
        String clubKey;
        String clubName;
        String federation;
        String clubUsState;
        long federal;
        long stateShare;
        long municipal;
        long migrant;
        long others;
        boolean othersWritten;
        String beneficiaries;
        String status;
        String approved;
    }

    Path write(Path dir, Spec spec) {
        Path file = dir.resolve(spec.fileName());
        boolean since2013 = spec.year() >= 2013;
        List<String> header = since2013 ? HEADER_2013 : HEADER_2002;
        if (spec.extraColumn()) {
            header = new ArrayList<>(header);
            header.add(header.indexOf("ESTATUS"), EXTRA_COLUMN);
        }
        FaultSchedule schedule = new FaultSchedule(Rng.of(seed, "project-faults-" + spec.year()), spec.rows(),
                spec.faults());
        int[] sequence = new int[geography.states().size()];
        long[] totals = new long[5];
        String previousFolio = null;
        long previousLine = 0;
        boolean previousClean = false;
        long revisedRow = spec.rows() / 3;
        long cancelledRow = 2 * spec.rows() / 3;
        boolean revisionDone = false;
        boolean cancellationDone = false;
        try (CsvSink out = new CsvSink(file, spec.style())) {
            out.write(header);
            for (long r = 0; r < spec.rows(); r++) {
                Rng rng = Rng.of(seed, "project-" + spec.year(), r);
                Project p = project(rng, spec.year(), sequence);
                final String prior = previousFolio;
                final boolean priorClean = previousClean;
                FaultKind fault = schedule.at(r, k -> applies(k, p, spec, prior, priorClean));
                // the rows a corrected re-delivery changes are chosen the same way in the first
                // delivery, so both files are identical but for those two rows
                boolean revisedHere = false;
                if (fault == null && !"CANCELADO".equals(p.status)) {
                    if (!revisionDone && r >= revisedRow) {
                        revisionDone = true;
                        revisedHere = true;
                        if (spec.revised()) {
                            // the state committee approved a larger budget after the first delivery
                            p.federal = p.federal * 112 / 100;
                            p.stateShare = p.stateShare * 112 / 100;
                            p.municipal = p.municipal * 112 / 100;
                            p.migrant = p.migrant * 112 / 100;
                        }
                    } else if (!cancellationDone && r >= cancelledRow) {
                        cancellationDone = true;
                        revisedHere = true;
                        if (spec.revised()) {
                            p.status = "CANCELADO";
                        }
                    }
                }
                if (fault == FaultKind.DUPLICATE_FOLIO) {
                    p.folio = previousFolio;
                }
                if (fault == FaultKind.UNRESOLVABLE_MUNICIPALITY) {
                    p.municipalityWritten = rng.pick(PLACE_NOBODY_HAS);
                }
                if (fault == FaultKind.NFD_NAME) {
                    p.clubName = Geography.nfd(p.clubName);
                    p.municipalityWritten = Geography.nfd(p.municipalityWritten);
                }
                if (fault == FaultKind.MULTILINE_FIELD) {
                    p.projectName = p.projectName + ",\nsegunda etapa";
                }
                String[] fields = since2013 ? row2013(rng, p, spec) : row2002(rng, p, spec);
                if (spec.extraColumn()) {
                    fields = withExtra(fields, header.indexOf(EXTRA_COLUMN), rng);
                }
                InjectedFault injected = fault == null ? null : inject(fault, fields, header, rng, p, spec);
                long line = out.write(fields);
                if (injected != null) {
                    faults.add(new InjectedFault(spec.fileName(), line, fault, injected.column(), injected.value()));
                    if (fault == FaultKind.DUPLICATE_FOLIO) {
                        // both rows of a repeated FOLIO are rejected: neither is kept silently
                        faults.add(new InjectedFault(spec.fileName(), previousLine, fault, injected.column(),
                                injected.value()));
                    }
                }
                // the provider's total adds up every row it had, faulty or not
                totals[0] += p.federal;
                totals[1] += p.stateShare;
                totals[2] += p.municipal;
                totals[3] += p.migrant;
                totals[4] += p.others;
                previousFolio = p.folio;
                previousLine = line;
                // a repeated FOLIO rejects the earlier row too: only repeat one that has nothing else
                previousClean = fault == null && !revisedHere;
            }
            if (spec.totalRow()) {
                long line = out.write(totalRow(header, totals, since2013));
                faults.add(new InjectedFault(spec.fileName(), line, FaultKind.TOTAL_ROW, null, null));
            }
        }
        return file;
    }

    private static boolean applies(FaultKind kind, Project p, Spec spec, String previousFolio, boolean previousClean) {
        switch (kind) {
            case DUPLICATE_FOLIO:
                return previousFolio != null && previousClean;
            case NFD_NAME:
                return spec.style().isUtf8() && (Geography.hasAccent(p.clubName) || Geography.hasAccent(p.municipalityWritten));
            case UNRESOLVABLE_MUNICIPALITY:
                return spec.year() < 2013 || CODE_NOBODY_HAS.containsKey(p.state.code());
            case BAD_DATE:
                return p.approved != null;
            default:
                return true;
        }
    }

    private InjectedFault inject(FaultKind kind, String[] f, List<String> header, Rng rng, Project p, Spec spec) {
        boolean since2013 = spec.year() >= 2013;
        switch (kind) {
            case BAD_AMOUNT: {
                String column = since2013 ? "INV_MIGRANTE" : "APORTACION_MIGRANTES";
                int i = header.indexOf(column);
                String[] wrong = {"#¡VALOR!", "N/D", "1,2OO,000.00", "125.000,00", "$ -"};
                f[i] = wrong[rng.nextInt(wrong.length)];
                return new InjectedFault(spec.fileName(), 0, kind, column, f[i]);
            }
            case BAD_DATE: {
                int i = header.indexOf("FECHA_APROBACION");
                int y = spec.year();
                String[] wrong = {"31/06/" + y, y + "/06/15", "15-06-" + y, "31/11/" + y};
                f[i] = wrong[rng.nextInt(wrong.length)];
                return new InjectedFault(spec.fileName(), 0, kind, "FECHA_APROBACION", f[i]);
            }
            case DUPLICATE_FOLIO:
                return new InjectedFault(spec.fileName(), 0, kind, "FOLIO", p.folio);
            case UNRESOLVABLE_MUNICIPALITY: {
                if (since2013) {
                    f[header.indexOf("CVE_MUN")] = CODE_NOBODY_HAS.get(p.state.code());
                    return new InjectedFault(spec.fileName(), 0, kind, "CVE_MUN", CODE_NOBODY_HAS.get(p.state.code()));
                }
                return new InjectedFault(spec.fileName(), 0, kind, "MUNICIPIO", p.municipalityWritten);
            }
            case NFD_NAME:
                return new InjectedFault(spec.fileName(), 0, kind, "NOMBRE_CLUB", p.clubName);
            case MULTILINE_FIELD:
                return new InjectedFault(spec.fileName(), 0, kind, "NOMBRE_PROYECTO", p.projectName);
            default:
                throw new IllegalArgumentException("3x1 records do not carry fault " + kind);
        }
    }

    private Project project(Rng rng, int year, int[] sequence) {
        Project p = new Project();
        Club club = pickClub(rng, year);
        if (club != null) {
            p.state = club.origin();
            p.municipality = rng.chance(0.85) ? club.town() : geography.pickMunicipality(rng, club.origin());
            p.clubName = clubNameAsWritten(rng, club, year);
            p.clubKey = club.registryKey() == null || rng.chance(0.05) ? null : club.registryKey();
            Federation fed = Population.federationIn(club, year);
            p.federation = fed == null ? null : federationAsWritten(rng, fed);
            double s = rng.nextDouble();
            p.clubUsState = s < 0.7 ? club.consulate().usps() : s < 0.9 ? club.consulate().stateName() : null;
        } else {
            long pool = Math.max(8, Math.round(population.expectedCount(Population.LAST_YEAR) / 40));
            p.clubName = population.unregisteredClubName(rng.nextLong(pool));
            p.state = geography.pickState(rng);
            p.municipality = geography.pickMunicipality(rng, p.state);
            p.clubUsState = rng.chance(0.5) ? Consulates.pick(rng, year).usps() : null;
        }
        int s = stateIndex.get(p.state.code());
        sequence[s]++;
        p.folio = "3X1-" + folioPrefixes[s] + "-" + year + "-" + Amounts.padded(sequence[s], 4);
        p.stateWritten = geography.spellState(rng, p.state, true);
        p.municipalityWritten = geography.spellMunicipality(rng, p.municipality, true);
        p.category = Works.pick(rng);
        p.workType = rng.pick(p.category.workTypes());
        double where = rng.nextDouble();
        String town = p.municipality.town();
        if ("BECAS".equals(p.category.code())) {
            p.locality = null;
            p.projectName = p.workType + " de " + town;
        } else if (where < 0.4) {
            p.locality = null;
            p.projectName = p.workType + " en la cabecera municipal de " + town;
        } else if (where < 0.75) {
            p.locality = rng.pick(Works.LOCALITIES);
            p.projectName = p.workType + " en la localidad " + p.locality + ", " + town;
        } else {
            p.locality = rng.chance(0.5) ? town : rng.pick(Works.LOCALITIES);
            p.projectName = p.workType + " en calle " + rng.pick(Works.STREETS) + ", " + p.locality;
        }
        // pesos of the year: about 4.5% inflation a year since 2002
        double median = 150_000 * Math.pow(1.045, year - 2002);
        long migrant = Math.round(median * Math.exp(0.6 * rng.gaussian()) * 100);
        if (rng.chance(0.5)) {
            migrant = migrant / 10_000 * 10_000;   // whole hundreds of pesos
        }
        migrant = Math.max(migrant, 1_000_000);
        p.migrant = migrant;
        p.federal = migrant;
        p.stateShare = migrant;
        p.municipal = migrant;
        if (rng.chance(0.12)) {
            // a poorer municipality puts in less and the state makes up the difference
            long gap = migrant / 2 / 100 * 100;
            p.municipal = migrant - gap;
            p.stateShare = migrant + gap;
        }
        if (year >= 2013 && rng.chance(0.06)) {
            p.others = migrant;                    // a "4x1": a private partner matches too
            p.othersWritten = true;
        } else {
            p.others = 0;
            p.othersWritten = rng.chance(0.3);
        }
        long b = Math.max(30, Math.min(20_000, Math.round(600 * Math.exp(0.9 * rng.gaussian()))));
        p.beneficiaries = rng.chance(0.1) ? null : rng.chance(0.2) ? Amounts.grouped(b * 100, false) : Long.toString(b);
        p.status = status(rng, year);
        if (rng.chance(0.05)) {
            p.approved = null;
        } else {
            LocalDate d = LocalDate.of(year, 2, 1).plusDays(rng.nextInt(270));
            p.approved = rng.chance(0.85)
                    ? Amounts.padded(d.getDayOfMonth(), 2) + "/" + Amounts.padded(d.getMonthValue(), 2) + "/" + year
                    : d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + year;
        }
        return p;
    }

    /** A club listed in that year; now and then one that never registered. */
    private Club pickClub(Rng rng, int year) {
        if (rng.chance(0.03)) {
            return null;
        }
        long born = population.bornBy(year);
        for (int attempt = 0; attempt < 40 && born > 0; attempt++) {
            long i = rng.nextLong(born);
            if (population.goneYear(i) > year) {
                return population.club(i);
            }
        }
        return null;
    }

    private static String status(Rng rng, int year) {
        double x = rng.nextDouble();
        double[] shares; // CONCLUIDO, EN EJECUCION, APROBADO (CANCELADO takes the rest)
        switch (year) {
            case 2019: shares = new double[] {0.25, 0.40, 0.30}; break;
            case 2018: shares = new double[] {0.50, 0.35, 0.10}; break;
            case 2017: shares = new double[] {0.70, 0.22, 0.04}; break;
            default: shares = new double[] {0.90, 0.06, 0.0}; break;
        }
        if (x < shares[0]) {
            return "CONCLUIDO";
        }
        if (x < shares[0] + shares[1]) {
            return "EN EJECUCION";
        }
        return x < shares[0] + shares[1] + shares[2] ? "APROBADO" : "CANCELADO";
    }

    private static String folioPrefix(Geography.State s) {
        String abbr = Geography.stripAccents(s.abbreviation()).replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return abbr.length() > 4 ? abbr.substring(0, 4) : abbr;
    }

    /** The club's name as the project form has it: often as registered, often not quite. */
    static String clubNameAsWritten(Rng rng, Club club, int year) {
        String name = club.nameIn(year);
        if (club.renamedName() != null && year >= club.renameYear() && rng.chance(0.2)) {
            name = club.name();                    // the old name lingers on forms
        }
        double x = rng.nextDouble();
        if (x < 0.55) {
            return name;
        }
        if (x < 0.67) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (x < 0.79) {
            return Geography.stripAccents(name);
        }
        if (x < 0.86 && name.contains("Los Ángeles")) {
            return Geography.stripAccents(name.replace(" de Los Ángeles", " L.A.").replace("Los Ángeles", "L.A."))
                    .toUpperCase(Locale.ROOT);
        }
        if (x < 0.91 && name.startsWith("Club ") && !name.startsWith("Club Social")) {
            return name.replace("Club ", "Club Social ");
        }
        if (x < 0.95 && name.startsWith("Club ")) {
            return name.substring("Club ".length());
        }
        return name.replace(" ", "  ");            // typed with a double blank
    }

    private static String federationAsWritten(Rng rng, Federation fed) {
        double x = rng.nextDouble();
        if (x < 0.7) {
            return fed.name();
        }
        return x < 0.9 ? fed.name().replace("Federación de Clubes", "Fed. de Clubes") : fed.name().toUpperCase(Locale.ROOT);
    }

    private String[] row2013(Rng rng, Project p, Spec spec) {
        boolean unpadded = spec.unpaddedCodes() || rng.chance(0.02);
        String cveEnt = unpadded ? Integer.toString(Integer.parseInt(p.state.code())) : p.state.code();
        String cveMun = unpadded ? Integer.toString(Integer.parseInt(p.municipality.code())) : p.municipality.code();
        double stray = 0.02;
        return new String[] {Integer.toString(spec.year()), p.folio, cveEnt, rng.chance(0.9) ? p.stateWritten : null,
            cveMun, rng.chance(0.97) ? p.municipalityWritten : null, p.locality, p.projectName, p.category.code(),
            p.clubKey, p.clubName, p.federation, p.clubUsState, Amounts.written(rng, p.federal, stray),
            Amounts.written(rng, p.stateShare, stray), Amounts.written(rng, p.municipal, stray),
            Amounts.written(rng, p.migrant, stray),
            p.others == 0 && !p.othersWritten ? null : Amounts.written(rng, p.others, stray),
            p.beneficiaries, p.status, p.approved};
    }

    private String[] row2002(Rng rng, Project p, Spec spec) {
        double stray = 0.02;
        return new String[] {Integer.toString(spec.year()), p.folio, p.stateWritten, p.municipalityWritten,
            p.projectName, p.workType, p.clubName, p.federation, p.clubUsState,
            Amounts.written(rng, p.federal, stray), Amounts.written(rng, p.stateShare, stray),
            Amounts.written(rng, p.municipal, stray), Amounts.written(rng, p.migrant, stray), p.status, p.approved};
    }

    private static String[] withExtra(String[] fields, int at, Rng rng) {
        String[] out = new String[fields.length + 1];
        System.arraycopy(fields, 0, out, 0, at);
        double x = rng.nextDouble();
        out[at] = x < 0.8 ? null : x < 0.9 ? "Obra concluida en tiempo" : "Pendiente acta de entrega-recepción";
        System.arraycopy(fields, at, out, at + 1, fields.length - at);
        return out;
    }

    private static String[] totalRow(List<String> header, long[] totals, boolean since2013) {
        String[] f = new String[header.size()];
        f[0] = "TOTAL";
        String[] columns = since2013
                ? new String[] {"INV_FEDERAL", "INV_ESTATAL", "INV_MUNICIPAL", "INV_MIGRANTE", "INV_OTROS"}
                : new String[] {"APORTACION_FEDERAL", "APORTACION_ESTATAL", "APORTACION_MUNICIPAL", "APORTACION_MIGRANTES"};
        for (int i = 0; i < columns.length; i++) {
            f[header.indexOf(columns[i])] = "$" + Amounts.grouped(totals[i], true);
        }
        return f;
    }
}
