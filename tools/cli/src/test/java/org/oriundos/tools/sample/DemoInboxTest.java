package org.oriundos.tools.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oriundos.tools.sample.ExtractFiles.named;
import static org.oriundos.tools.sample.ExtractFiles.records;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an analyst finds in the demo's inbox: every source, realistic counts, the providers' faults. */
class DemoInboxTest {
    private static final long SEED = 42;

    @TempDir
    static Path tmp;
    static List<Path> files;
    static SampleExtracts sample;

    @BeforeAll
    static void writeTheDemoInbox() {
        sample = new SampleExtracts(SEED);
        files = sample.writeDemoInbox(tmp.resolve("inbox"));
    }

    @Test
    void deliversEverySourceAndBothProjectLayouts() {
        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        assertThat(names).contains("directorio_oriundos_1998-12-31.csv", "directorio_oriundos_2003-12-31.csv",
                "ime_directorio_2006-12-15.csv", "ime_directorio_2019-12-13.csv", "consulados_actividad_2016.csv",
                "3x1_proyectos_2002.csv", "3x1_proyectos_2012.csv", "3x1_proyectos_2013.csv", "3x1_proyectos_2019.csv",
                "3x1_proyectos_2007_v2.csv", "survey_LNS_2006.csv", "survey_LNS_2016.csv");
        assertThat(names.stream().filter(n -> n.startsWith("3x1_proyectos_"))).hasSize(19);
        assertThat(names.indexOf("3x1_proyectos_2007_v2.csv")).isGreaterThan(names.indexOf("3x1_proyectos_2007.csv"));
    }

    @Test
    void oldLayoutFilesAreWindows1252WithTheOldHeader() {
        for (int year = 2002; year <= 2012; year++) {
            Path f = named(files, "3x1_proyectos_" + year + ".csv");
            assertThat(ExtractFiles.isUtf8(f)).as(f + " is not UTF-8").isFalse();
            assertThat(ExtractFiles.header(f)).containsExactlyElementsOf(ProjectFiles.HEADER_2002);
            assertThat(ExtractFiles.header(f).get(0)).isEqualTo("AÑO");
        }
    }

    @Test
    void newLayoutFilesAreUtf8WithTheNewHeaderAndOneUnknownColumn() {
        for (int year = 2013; year <= 2019; year++) {
            Path f = named(files, "3x1_proyectos_" + year + ".csv");
            assertThat(ExtractFiles.isUtf8(f)).as(f + " is UTF-8").isTrue();
            assertThat(ExtractFiles.hasBom(f)).as(f + " BOM").isEqualTo(year == 2013 || year == 2016 || year == 2019);
            List<String> header = new ArrayList<>(ExtractFiles.header(f));
            if (year == 2016) {
                assertThat(header).contains("OBSERVACIONES");
                header.remove("OBSERVACIONES");
            }
            assertThat(header).containsExactlyElementsOf(ProjectFiles.HEADER_2013);
        }
    }

    @Test
    void registryActivityAndSurveysHaveTheirProvidersHeaders() {
        assertThat(ExtractFiles.header(named(files, "directorio_oriundos_1998-12-31.csv")))
                .containsExactly("NOMBRE", "CIUDAD", "ESTADO_EUA", "ENTIDAD_ORIGEN");
        assertThat(ExtractFiles.isUtf8(named(files, "directorio_oriundos_1998-12-31.csv"))).isTrue(); // all ASCII capitals
        assertThat(ExtractFiles.header(named(files, "ime_directorio_2019-12-13.csv")))
                .containsExactlyElementsOf(RegistryFiles.HEADER);
        assertThat(ExtractFiles.header(named(files, "ime_directorio_2016-12-09.csv")))
                .containsExactlyElementsOf(RegistryFiles.HEADER_AS_TYPED);
        assertThat(ExtractFiles.header(named(files, "consulados_actividad_2017.csv")))
                .containsExactlyElementsOf(ActivityFiles.HEADER);
        assertThat(ExtractFiles.header(named(files, "survey_LNS_2006.csv"))).containsExactlyElementsOf(SurveyFiles.HEADER);
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith("banxico_remesas_")) {
                // Banco de México's SIE exports are Windows-1252 ("Título", "México")
                assertThat(ExtractFiles.isUtf8(f)).as(f + " is Windows-1252").isFalse();
            } else if (!name.startsWith("3x1_proyectos_20") || year(f) >= 2013) {
                assertThat(ExtractFiles.isUtf8(f)).as(f + " is UTF-8").isTrue();
            }
        }
    }

    @Test
    void someFilesEndTheirLinesWithCrlfAndOthersWithLf() {
        long crlf = files.stream().filter(f -> new String(ExtractFiles.bytes(f), ExtractFiles.WINDOWS_1252)
                .contains("\r\n")).count();
        assertThat(crlf).isGreaterThan(5).isLessThan(files.size() - 5);
    }

    @Test
    void registryCountsGrowLikeThePublishedFiguresScaledToAFifth() {
        Map<String, Integer> clubs = new HashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith("ime_directorio_")) {
                clubs.put(name, (int) records(f).stream().filter(r -> !type(r).startsWith("F")
                        && !type(r).startsWith("CONF")).count());
            }
        }
        int y1998 = records(named(files, "directorio_oriundos_1998-12-31.csv")).size();
        int y2003 = records(named(files, "directorio_oriundos_2003-12-31.csv")).size();
        int y2006 = clubs.get("ime_directorio_2006-12-15.csv");
        int y2008 = clubs.get("ime_directorio_2008-12-12.csv");
        int y2013 = clubs.get("ime_directorio_2013-12-13.csv");
        int y2016 = clubs.get("ime_directorio_2016-12-09.csv");
        int y2019 = clubs.get("ime_directorio_2019-12-13.csv");
        assertThat(y1998).isBetween(75, 110);        // 441 / 5, with the federations of the time
        assertThat(y2003).isBetween(110, 155);       // 623 / 5
        assertThat(y2006).isBetween(95, 140);        // 570 / 5
        assertThat(y2008).isBetween(145, 200);       // ~850 / 5
        assertThat(y2019).isBetween(450, 610);       // 2,643 / 5
        assertThat(y2008).isLessThan(y2013);
        assertThat(y2013).isLessThan(y2016);
        assertThat(y2016).isLessThan(y2019);
    }

    @Test
    void clubsRenameAndDeregisterBetweenSnapshots() {
        Map<String, String> names2008 = namesById(named(files, "ime_directorio_2008-12-12.csv"));
        Map<String, String> names2019 = namesById(named(files, "ime_directorio_2019-12-13.csv"));
        Set<String> deregistered = new HashSet<>(names2008.keySet());
        deregistered.removeAll(names2019.keySet());
        assertThat(deregistered.size()).isGreaterThan(names2008.size() / 5);
        long renamed = names2008.entrySet().stream().filter(e -> names2019.containsKey(e.getKey())
                && !names2019.get(e.getKey()).equals(e.getValue())).count();
        assertThat(renamed).isPositive();
    }

    @Test
    void clubsSitMostlyInCaliforniaIllinoisAndTexasAndComeFromTheFourBigSendingStates() {
        List<Map<String, String>> rows = records(named(files, "ime_directorio_2019-12-13.csv"));
        Map<String, Long> byConsulateState = rows.stream().collect(Collectors.groupingBy(
                r -> usps(r.get("ESTADO_EUA")), Collectors.counting()));
        assertThat(byConsulateState.get("CA")).isGreaterThan(byConsulateState.get("IL"));
        assertThat(byConsulateState.get("IL") + byConsulateState.get("TX")).isGreaterThan(rows.size() / 5);
        long bigFour = rows.stream().map(r -> ExtractFilesKey.of(r.get("ENTIDAD_ORIGEN")))
                .filter(s -> s.startsWith("ZACATECAS") || s.startsWith("JALISCO") || s.startsWith("MICHOACAN")
                        || s.startsWith("GUANAJUATO")).count();
        assertThat(bigFour).isGreaterThan(rows.size() * 55 / 100);
        double newDestinations2006 = share(records(named(files, "ime_directorio_2006-12-15.csv")), "GA", "NC");
        double newDestinations2019 = share(rows, "GA", "NC");
        assertThat(newDestinations2019).isGreaterThan(newDestinations2006);
    }

    @Test
    void personalColumnsHoldPlainlyFictitiousData() {
        for (Map<String, String> r : records(named(files, "ime_directorio_2015-12-11.csv"))) {
            assertThat(r.get("PRESIDENTE")).startsWith("Nombre Ficticio ");
            assertThat(r.get("TELEFONO")).startsWith("(555) 555-01");
            assertThat(r.get("CORREO")).endsWith("@example.org");
        }
    }

    @Test
    void projectsNameRegisteredClubsByTheirRegistryKeyAndMatchPesoForPeso() {
        Set<String> keys = new HashSet<>();
        for (Path f : files) {
            if (f.getFileName().toString().startsWith("ime_directorio_")) {
                records(f).forEach(r -> keys.add(r.getOrDefault("CLAVE_TOMA_NOTA", r.get("Clave_Toma_Nota"))));
            }
        }
        List<Map<String, String>> projects = records(named(files, "3x1_proyectos_2015.csv"));
        List<String> clubKeys = projects.stream().map(r -> r.get("CLAVE_CLUB")).filter(k -> !k.isEmpty()).toList();
        assertThat(clubKeys.size()).isGreaterThan(projects.size() * 3 / 4);
        assertThat(clubKeys.stream().filter(keys::contains).count()).isEqualTo(clubKeys.size());
        long matched = projects.stream().filter(r -> pesos(r.get("INV_FEDERAL")) > 0
                && pesos(r.get("INV_FEDERAL")) == pesos(r.get("INV_MIGRANTE"))).count();
        assertThat(matched).isGreaterThan(projects.size() * 3 / 4);
        assertThat(projects.stream().filter(r -> pesos(r.get("INV_OTROS")) > 0).count()).as("4x1 projects").isPositive();
    }

    @Test
    void theCorrectedRedeliveryRevisesOneProjectsAmountsAndCancelsAnother() {
        List<String> first = ExtractFiles.lines(named(files, "3x1_proyectos_2007.csv"));
        List<String> second = ExtractFiles.lines(named(files, "3x1_proyectos_2007_v2.csv"));
        assertThat(second).hasSameSizeAs(first);
        List<Integer> differ = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (!first.get(i).equals(second.get(i))) {
                differ.add(i);
            }
        }
        assertThat(differ).hasSize(3); // two projects and the TOTAL row
        assertThat(second.get(differ.get(2))).startsWith("TOTAL");
        List<String> changed = List.of(second.get(differ.get(0)), second.get(differ.get(1)));
        assertThat(changed).filteredOn(l -> l.contains(",CANCELADO,")).hasSize(1);
        for (int i : differ.subList(0, 2)) {
            assertThat(folio(second.get(i))).isEqualTo(folio(first.get(i)));
        }
    }

    @Test
    void everyKindOfFaultIsPresentAndLiesWhereTheLogSays() {
        Map<String, Map<FaultKind, Long>> counts = sample.faultCounts();
        Set<FaultKind> present = new HashSet<>();
        counts.values().forEach(m -> present.addAll(m.keySet()));
        assertThat(present).containsExactlyInAnyOrder(FaultKind.values());
        for (InjectedFault fault : sample.injectedFaults()) {
            String line = ExtractFiles.lines(named(files, fault.fileName())).get((int) fault.line() - 1);
            if (fault.kind() == FaultKind.TOTAL_ROW) {
                assertThat(line).startsWith("TOTAL,");
            } else if (fault.value() != null) {
                assertThat(line).as(fault.toString()).contains(fault.value().lines().findFirst().orElseThrow());
            }
        }
    }

    @Test
    void noFileComesNearTheFivePercentRejectThreshold() {
        Map<String, Long> rejected = new HashMap<>();
        for (InjectedFault f : sample.injectedFaults()) {
            if (f.kind().outcome() == FaultKind.Outcome.REJECTED) {
                rejected.merge(f.fileName(), 1L, Long::sum);
            }
        }
        for (Path f : files) {
            // an SIE export's records, and the threshold's denominator, are its values
            long rows = f.getFileName().toString().startsWith("banxico_remesas_") ? ExtractFiles.sieValues(f)
                    : records(f).size();
            long bad = rejected.getOrDefault(f.getFileName().toString(), 0L);
            assertThat((double) bad / rows).as(f.getFileName() + ": " + bad + " of " + rows).isLessThan(0.035);
        }
    }

    @Test
    void surveysAnswerLikeThePublishedRates() {
        List<Map<String, String>> rows = records(named(files, "survey_LNS_2006.csv"));
        assertThat(rows).hasSize(2_000);
        assertThat(weightedYes(rows, "SENDS_REMITTANCES", null)).isBetween(0.44, 0.58);
        assertThat(weightedYes(rows, "MEMBER_ASSOCIATION", null)).isBetween(0.06, 0.13);
        assertThat(weightedYes(rows, "MEMBER_ASSOCIATION", "Mexico"))
                .isLessThan(weightedYes(rows, "MEMBER_ASSOCIATION", null));
        assertThat(rows).anyMatch(r -> r.get("SENDS_REMITTANCES").equals("DK"))
                .anyMatch(r -> r.get("CALLS_HOME_WEEKLY").equals("REF"))
                .anyMatch(r -> r.get("YEARS_IN_US").equals("98")).anyMatch(r -> r.get("TRIPS_HOME").equals("99"));
    }

    private static double weightedYes(List<Map<String, String>> rows, String column, String country) {
        double yes = 0;
        double answered = 0;
        for (Map<String, String> r : rows) {
            String a = r.get(column);
            if (r.get("WEIGHT").isEmpty() || (country != null && !country.equals(r.get("COUNTRY_OF_BIRTH")))
                    || !(a.equals("Y") || a.equals("N"))) {
                continue;
            }
            double w = Double.parseDouble(r.get("WEIGHT"));
            answered += w;
            yes += a.equals("Y") ? w : 0;
        }
        return yes / answered;
    }

    private static String folio(String line) {
        return line.split(",")[1];
    }

    private static long pesos(String written) {
        String digits = written.replace("$", "").replace(",", "").trim();
        if (digits.isEmpty()) {
            return 0;
        }
        try {
            return Math.round(Double.parseDouble(digits.replace(" ", "")) * 100);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> namesById(Path snapshot) {
        Map<String, String> m = new HashMap<>();
        for (Map<String, String> r : records(snapshot)) {
            if (!type(r).startsWith("F") && !type(r).startsWith("CONF")) {
                m.put(r.get("ID_ORGANIZACION"), r.get("NOMBRE"));
            }
        }
        return m;
    }

    private static String type(Map<String, String> r) {
        return r.getOrDefault("TIPO", r.get("Tipo"));
    }

    private static double share(List<Map<String, String>> rows, String... states) {
        Set<String> wanted = Set.of(states);
        return (double) rows.stream().filter(r -> wanted.contains(usps(r.get("ESTADO_EUA")))).count() / rows.size();
    }

    private static String usps(String written) {
        return Consulates.ALL.stream().filter(c -> c.stateName().equals(written)).map(Consulates.Consulate::usps)
                .findFirst().orElse(written);
    }

    private static int year(Path projectsFile) {
        return Integer.parseInt(projectsFile.getFileName().toString().substring("3x1_proyectos_".length(),
                "3x1_proyectos_".length() + 4));
    }

    /** Names compared without accents or case, the way the pipeline compares them. */
    private static final class ExtractFilesKey {
        static String of(String s) {
            return Geography.stripAccents(s).toUpperCase(java.util.Locale.ROOT);
        }
    }
}
