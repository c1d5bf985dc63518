package org.oriundos.tools.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the consular registry's snapshots: the historic "Directorio de Oriundos" lists (1998,
 * 2003: name, city, US state, state of origin, nothing else) and the IME directory snapshots.
 */
final class RegistryFiles {
    static final List<String> HEADER = List.of("ID_ORGANIZACION", "CLAVE_TOMA_NOTA", "NOMBRE", "TIPO", "FEDERACION",
            "CONSULADO", "CIUDAD", "ESTADO_EUA", "PAIS", "ENTIDAD_ORIGEN", "MUNICIPIO_ORIGEN", "FECHA_FUNDACION",
            "FECHA_REGISTRO", "NUM_MIEMBROS", "PRESIDENTE", "TELEFONO", "CORREO");
    /** The same columns as one year's export wrote them: the pipeline matches headers loosely. */
    static final List<String> HEADER_AS_TYPED = List.of("Id Organizacion", "Clave_Toma_Nota", "Nombre", "Tipo",
            "Federación", "Consulado", "Ciudad", "Estado EUA", "País", "Entidad Origen", "Municipio Origen",
            "Fecha Fundación", "Fecha Registro", "Num Miembros", "Presidente", "Teléfono", "Correo");
    static final List<String> HISTORIC_HEADER = List.of("NOMBRE", "CIUDAD", "ESTADO_EUA", "ENTIDAD_ORIGEN");

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final long seed;
    private final Population population;
    private final Geography geography;
    private final FaultLog faults;

    RegistryFiles(long seed, Population population, Geography geography, FaultLog faults) {
        this.seed = seed;
        this.population = population;
        this.geography = geography;
        this.faults = faults;
    }

    static String historicFileName(int year) {
        return "directorio_oriundos_" + year + "-12-31.csv";
    }

    static String snapshotFileName(LocalDate date) {
        return "ime_directorio_" + date + ".csv";
    }

    /**
     * A historic directory: every organization listed at the end of {@code year}. The 1998 list was
     * typed in capitals without accents; the 2003 one keeps them.
     */
    Path writeHistoric(Path dir, int year, FileStyle style, boolean typewriter) {
        Path file = dir.resolve(historicFileName(year));
        Rng rng = Rng.of(seed, "historic-" + year);
        IdentitySeen seen = new IdentitySeen();
        try (CsvSink out = new CsvSink(file, style)) {
            out.write(HISTORIC_HEADER);
            for (Federation f : population.federations()) {
                if (f.founded() <= year) {
                    String origin = f.originCode() == null ? "Varios" : geography.spellState(rng, geography.state(f.originCode()), false);
                    String city = f.consulate().cities().get(0);
                    seen.firstTime(f.name(), city, f.consulate().stateName(), origin);
                    writeHistoricRow(out, typewriter, f.name(), city, f.consulate().stateName(), origin);
                }
            }
            long born = population.bornBy(year);
            for (long i = 0; i < born; i++) {
                if (population.goneYear(i) <= year) {
                    continue;
                }
                Club c = population.club(i);
                String state = typewriter || rng.chance(0.3) ? c.consulate().stateName() : c.consulate().usps();
                if (!seen.firstTime(c.nameIn(year), c.city(), state, c.originWritten())) {
                    // two namesake clubs of one town in one city: the directory listed them once
                    continue;
                }
                writeHistoricRow(out, typewriter, c.nameIn(year), c.city(), state, c.originWritten());
            }
        }
        return file;
    }

    /**
     * The identities already written to a historic list (name, city, US state, state of origin, compared
     * as the pipeline compares them: it gives a historic row its id from them, so they must not
     * repeat). A fixed-size bit set of their hashes: memory does not grow with the list, and a rare
     * false hit only leaves a club out.
     */
    private static final class IdentitySeen {
        private final long[] bits = new long[1 << 17];   // 8 Mi bits, 1 MiB

        boolean firstTime(String name, String city, String usState, String origin) {
            String identity = key(name) + "|" + key(city) + "|" + key(usState) + "|" + key(origin);
            long h = Rng.mix(identity.hashCode(), identity.length());
            int bit = (int) (h >>> 41);                // the top 23 bits
            long mask = 1L << (bit & 63);
            if ((bits[bit >>> 6] & mask) != 0) {
                return false;
            }
            bits[bit >>> 6] |= mask;
            return true;
        }

        private static String key(String s) {
            return s == null ? "" : Geography.stripAccents(s).toUpperCase(Locale.ROOT).trim().replaceAll("[\\s_]+", "_");
        }
    }

    private static void writeHistoricRow(CsvSink out, boolean typewriter, String name, String city, String usState,
                                         String origin) {
        if (typewriter) {
            out.write(typed(name), typed(city), typed(usState), typed(origin));
        } else {
            out.write(name, city, usState, origin);
        }
    }

    private static String typed(String s) {
        return Geography.stripAccents(s).toUpperCase(Locale.ROOT);
    }

    /**
     * An IME snapshot: every organization listed on {@code date}, with the faults asked for
     * (counts per kind; their rows are spread over the file).
     */
    Path writeSnapshot(Path dir, LocalDate date, FileStyle style, boolean headerAsTyped, Map<FaultKind, Long> faultCounts) {
        Path file = dir.resolve(snapshotFileName(date));
        String fileName = file.getFileName().toString();
        int year = date.getYear();
        long estimatedRows = Math.max(1, Math.round(population.expectedCount(year) * 0.9));
        FaultSchedule schedule = new FaultSchedule(Rng.of(seed, "registry-faults-" + date), estimatedRows, faultCounts);
        Rng rng = Rng.of(seed, "registry-" + date);
        List<String> header = headerAsTyped ? HEADER_AS_TYPED : HEADER;
        try (CsvSink out = new CsvSink(file, style)) {
            out.write(header);
            for (Federation f : population.federations()) {
                if (f.founded() <= year) {
                    out.write(federationRow(f, year));
                }
            }
            long row = 0;
            long born = population.bornBy(year);
            for (long i = 0; i < born; i++) {
                if (population.goneYear(i) <= year) {
                    continue;
                }
                Club c = population.club(i);
                if (!c.listedOn(date)) {
                    continue;
                }
                String[] fields = clubRow(c, year);
                FaultKind fault = schedule.at(row++, k -> applies(k, fields, style));
                InjectedFault injected = fault == null ? null : inject(fault, fields, header, rng, fileName, date);
                long line = out.write(fields);
                if (injected != null) {
                    faults.add(new InjectedFault(fileName, line, injected.kind(), injected.column(), injected.value()));
                }
            }
        }
        return file;
    }

    private static boolean applies(FaultKind kind, String[] f, FileStyle style) {
        switch (kind) {
            case NFD_NAME:
                return style.isUtf8() && Geography.hasAccent(f[2]);
            case MULTILINE_FIELD:
                return !f[2].contains(",");
            default:
                return true;
        }
    }

    /** Puts the fault into the row's fields; says which column and value carry it. */
    private static InjectedFault inject(FaultKind kind, String[] f, List<String> header, Rng rng, String fileName,
                                        LocalDate date) {
        switch (kind) {
            case BAD_DATE: {
                int y = date.getYear();
                String[] wrong = {"31/09/" + y, y + "-05-14", "14/05/" + (y % 100), "30/02/" + y};
                f[12] = wrong[rng.nextInt(wrong.length)];
                return new InjectedFault(fileName, 0, kind, header.get(12), f[12]);
            }
            case BAD_NUMBER: {
                String[] wrong = {"aprox. 40", "30-40", "treinta", "-15"};
                f[13] = wrong[rng.nextInt(wrong.length)];
                return new InjectedFault(fileName, 0, kind, header.get(13), f[13]);
            }
            case MULTILINE_FIELD:
                // pasted from a letterhead: the legal form on a line of its own, after a comma
                f[2] = f[2] + ",\nA.C.";
                return new InjectedFault(fileName, 0, kind, header.get(2), f[2]);
            case NFD_NAME:
                f[2] = Geography.nfd(f[2]);
                if (f[10] != null) {
                    f[10] = Geography.nfd(f[10]);
                }
                return new InjectedFault(fileName, 0, kind, header.get(2), f[2]);
            default:
                throw new IllegalArgumentException("the registry does not carry fault " + kind);
        }
    }

    private String[] federationRow(Federation f, int year) {
        String[] contact = Population.fakeContact(f.number());
        // a confederation gathers clubs of many states: the consulates write "Varios"
        String origin = f.originCode() == null ? "Varios" : Geography.commonStateName(geography.state(f.originCode()));
        return new String[] {f.id(), f.registryKey(), f.name(), f.type(), f.confederation(), f.consulate().name(),
            f.consulate().cities().get(0), f.consulate().usps(), f.consulate().country(), origin, null,
            Integer.toString(f.founded()), DMY.format(LocalDate.of(Math.max(2005, f.founded()), 6, 1)), null,
            contact[0], contact[1], contact[2]};
    }

    private static String[] clubRow(Club c, int year) {
        String[] contact = Population.fakeContact(Population.FIRST_CLUB_NUMBER + c.index());
        Federation fed = Population.federationIn(c, year);
        int members = c.membersIn(year);
        List<String> f = new ArrayList<>(HEADER.size());
        f.add(c.id());
        f.add(c.registryKey());
        f.add(c.nameIn(year));
        f.add(c.type());
        f.add(fed == null ? null : fed.name());
        f.add(c.consulate().name());
        f.add(c.city());
        f.add(c.usStateWritten());
        f.add(c.consulate().country());
        f.add(c.originWritten());
        f.add(c.townWritten());
        f.add(c.foundedWritten());
        f.add(DMY.format(c.registered()));
        f.add(members < 0 ? null : Integer.toString(members));
        f.add(contact[0]);
        f.add(contact[1]);
        f.add(contact[2]);
        return f.toArray(new String[0]);
    }
}
