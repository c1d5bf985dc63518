package org.oriundos.tools.sample;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the consulates' monthly activity reports: consular ID cards (matrícula consular),
 * health-station services (Ventanillas de Salud) and adult-education centres (Plazas
 * Comunitarias). Busy consulates issue thousands of matrículas a month; Los Ángeles and Chicago
 * the most.
 */
final class ActivityFiles {
    static final List<String> HEADER = List.of("CONSULADO", "ESTADO_EUA", "ANIO", "MES", "MATRICULAS_EXPEDIDAS",
            "VDS_ATENCIONES", "VDS_REFERENCIAS", "VDS_PRUEBAS", "PLAZAS_ACTIVAS", "PLAZAS_ALUMNOS");

    private final long seed;
    private final FaultLog faults;

    ActivityFiles(long seed, FaultLog faults) {
        this.seed = seed;
        this.faults = faults;
    }

    static String fileName(int year) {
        return "consulados_actividad_" + year + ".csv";
    }

    Path write(Path dir, int year, FileStyle style, Map<FaultKind, Long> faultCounts) {
        Path file = dir.resolve(fileName(year));
        String fileName = file.getFileName().toString();
        List<Consulates.Consulate> consulates = Consulates.ALL.stream().filter(c -> c.country() == null).toList();
        long rows = 12L * consulates.size();
        FaultSchedule schedule = new FaultSchedule(Rng.of(seed, "activity-faults-" + year), rows, faultCounts);
        long row = 0;
        try (CsvSink out = new CsvSink(file, style)) {
            out.write(HEADER);
            for (int month = 1; month <= 12; month++) {
                for (Consulates.Consulate c : consulates) {
                    Rng rng = Rng.of(seed, "activity-" + year + "-" + month, c.name().hashCode());
                    // demand follows the consulate's community; the health stations grew after 2003
                    double size = c.weightIn(year) * 550 * (1 + 0.15 * Math.sin(month / 12.0 * 2 * Math.PI));
                    long matriculas = Math.round(size * (0.8 + 0.4 * rng.nextDouble()));
                    long vds = Math.round(size * 1.6 * (0.7 + 0.6 * rng.nextDouble()));
                    long referrals = Math.round(vds * (0.08 + 0.05 * rng.nextDouble()));
                    long tests = Math.round(vds * (0.3 + 0.2 * rng.nextDouble()));
                    long plazas = Math.max(1, Math.round(c.weightIn(year) * 2.2 + rng.nextInt(3)));
                    long students = Math.round(plazas * (15 + 25 * rng.nextDouble()));
                    String[] f = {month % 7 == 0 && rng.chance(0.5) ? Geography.stripAccents(c.name()) : c.name(),
                        rng.chance(0.85) ? c.usps() : c.stateName(), Integer.toString(year),
                        rng.chance(0.7) ? Integer.toString(month) : (month < 10 ? "0" + month : Integer.toString(month)),
                        Long.toString(matriculas), Long.toString(vds), Long.toString(referrals), Long.toString(tests),
                        rng.chance(0.05) ? null : Long.toString(plazas), rng.chance(0.05) ? null : Long.toString(students)};
                    FaultKind fault = schedule.at(row++);
                    InjectedFault injected = null;
                    if (fault != null) {
                        injected = inject(fault, f, rng, fileName);
                    }
                    long line = out.write(f);
                    if (injected != null) {
                        faults.add(new InjectedFault(fileName, line, fault, injected.column(), injected.value()));
                    }
                }
            }
        }
        return file;
    }

    private static InjectedFault inject(FaultKind kind, String[] f, Rng rng, String fileName) {
        if (kind != FaultKind.BAD_NUMBER) {
            throw new IllegalArgumentException("activity reports do not carry fault " + kind);
        }
        if (rng.chance(0.5)) {
            f[7] = "-" + f[7];                     // a correction keyed as a negative count
            return new InjectedFault(fileName, 0, kind, "VDS_PRUEBAS", f[7]);
        }
        f[4] = f[4] + " aprox.";
        return new InjectedFault(fileName, 0, kind, "MATRICULAS_EXPEDIDAS", f[4]);
    }
}
