package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.TableSchema;

/**
 * Banco de México's exports conformed: Banco de México's names as INEGI keys, No identificado
 * apart, units made exact dollars, pesos of each quarter's or month's own FIX and INPC, and what
 * cannot be resolved listed once per series.
 */
class RemittanceConformTest {
    private static final TableSchema C = ConformedTables.REMITTANCE;
    private static final Path EXTRACTS = Path.of("../ingest/src/test/resources/extracts");

    @TempDir
    Path home;
    LakeLocation location;
    RawLake lake;

    @BeforeEach
    void setUp() {
        location = LakeLocation.local(home.resolve("lake"));
        lake = new RawLake(home.resolve("lake"));
    }

    private LedgerEntry load(String fixture, String asName, IngestOptions options) throws Exception {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        Path f = Files.copy(EXTRACTS.resolve(fixture), inbox.resolve(asName), StandardCopyOption.REPLACE_EXISTING);
        return new FileLoader(location, options).load(Inbox.delivery(f));
    }

    private static Object get(Object[] row, String column) {
        return row[C.indexOf(column)];
    }

    @Test
    void placesEachSeriesByItsInegiKeyAndKeepsNoIdentificadoApart() throws Exception {
        LedgerEntry e = load("banxico_remesas_zacatecas.csv", "banxico_remesas_zacatecas.csv", IngestOptions.DEFAULTS);
        new ConformStage(location, ConformOptions.DEFAULTS).run(false);

        List<Object[]> rows = lake.conformed(C, e.period());
        assertThat(rows).hasSize((int) e.counts().loaded());
        Map<String, Object[]> first = rows.stream().filter(r -> get(r, "period").equals("2013Q1"))
                .collect(Collectors.toMap(r -> (String) get(r, "series_id"), Function.identity()));
        assertThat(first.values()).extracting(r -> get(r, "series_id"), r -> get(r, "series_level"),
                        r -> get(r, "state_code"), r -> get(r, "municipality_key"), r -> get(r, "geo_rule"))
                .containsExactlyInAnyOrder(
                        tuple("SE29695", "STATE_TOTAL", "32", null, "NAME"),
                        tuple("SE41901", "MUNICIPALITY", "32", "32020", "NAME"),
                        tuple("SE41902", "MUNICIPALITY", "32", "32010", "NAME"),
                        tuple("SE41903", "MUNICIPALITY", "32", "32014", "NAME"),
                        tuple("SE41958", "NOT_IDENTIFIED", "32", null, "NAME"));
        assertThat(new Unresolved(location).list()).isEmpty();
    }

    @Test
    void makesMillionsOfDollarsExactDollarsAndEachQuartersPesosFromItsOwnMonths() throws Exception {
        LedgerEntry e = load("banxico_remesas_zacatecas.csv", "banxico_remesas_zacatecas.csv", IngestOptions.DEFAULTS);
        new ConformStage(location, ConformOptions.DEFAULTS).run(false);

        Object[] total = lake.conformed(C, e.period()).stream()
                .filter(r -> get(r, "series_id").equals("SE29695") && get(r, "period").equals("2013Q1")).findFirst()
                .orElseThrow();
        assertThat(get(total, "value")).isEqualTo("151.2345");
        assertThat(get(total, "unit")).isEqualTo("Millones de Dólares");
        assertThat(get(total, "usd")).isEqualTo(15_123_450_000L);           // 151,234,500.00 dollars
        assertThat(get(total, "rounding_usd")).isEqualTo(50.0);             // four decimals of millions: to the $100
        // FIX Jan-Mar 2013 mean 12.648866…: 1,912,945,025.90 pesos; INPC of those months 81.357 against 100.255333 in 2018
        assertThat(get(total, "mxn")).isEqualTo(191_294_502_590L);
        assertThat(get(total, "mxn_const")).isEqualTo(235_730_104_625L);
        assertThat(get(total, "base_year")).isEqualTo(2018);
        assertThat(get(total, "year")).isEqualTo(2013);
        assertThat(get(total, "quarter")).isEqualTo(1);
        assertThat(get(total, "month")).isNull();
        assertThat(get(total, "period_start")).isEqualTo(LocalDate.of(2013, 1, 1));
        Object[] jerez = lake.conformed(C, e.period()).stream()
                .filter(r -> get(r, "series_id").equals("SE41901") && get(r, "period").equals("2013Q1")).findFirst()
                .orElseThrow();
        assertThat(get(jerez, "usd")).isEqualTo(2_012_345_600L);            // 20.123456 millions = 20,123,456.00
        assertThat(get(jerez, "rounding_usd")).isEqualTo(0.5);              // six decimals: to the dollar
        Object[] notAvailable = lake.conformed(C, e.period()).stream()
                .filter(r -> get(r, "series_id").equals("SE41902") && get(r, "period").equals("2013Q2")).findFirst()
                .orElseThrow();
        assertThat(get(notAvailable, "value")).isNull();
        assertThat(get(notAvailable, "usd")).isNull();
        assertThat(get(notAvailable, "mxn")).isNull();
        assertThat(get(notAvailable, "mxn_const")).isNull();
    }

    @Test
    void takesMonthlySeriesInThousandsOfDollars() throws Exception {
        LedgerEntry e = load("banxico_remesas_errores.csv", "banxico_remesas_errores.csv", new IngestOptions(1.0, 50_000));
        new ConformStage(location, ConformOptions.DEFAULTS).run(false);

        // thousands of dollars: 310000.125 is 310,000,125.00 dollars, at January 2024's FIX 17.0873
        assertThat(lake.conformed(C, e.period())).filteredOn(r -> get(r, "series_id").equals("SE29708"))
                .extracting(r -> get(r, "period"), r -> get(r, "month"), r -> get(r, "usd"), r -> get(r, "rounding_usd"))
                .containsExactly(tuple("2024-01", 1, 31_000_012_500L, 0.5), tuple("2024-02", 2, 30_500_050_000L, 50.0),
                        tuple("2024-03", 3, 29_800_000_000L, 500.0), tuple("2024-04", 4, 30_100_000_000L, 500.0),
                        tuple("2024-05", 5, 123_450_000L, 50.0));
        assertThat(lake.conformed(C, e.period())).filteredOn(r -> get(r, "period").equals("2024-01")).singleElement()
                .satisfies(r -> assertThat(get(r, "mxn")).isEqualTo(529_706_513_591L));
    }

    @Test
    void listsOnceEachSeriesWhosePlaceOrUnitCannotBeResolved() throws Exception {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        String text = new String(Files.readAllBytes(EXTRACTS.resolve("banxico_remesas_zacatecas.csv")), "windows-1252")
                .replace("Zacatecas, Fresnillo", "Zacatecas, Villa Imaginaria")
                .replace("\"Ingresos por Remesas Familiares, Zacatecas\"", "\"Remesa promedio, Zacatecas\"")
                .replace("\"Millones de Dólares\",\"Millones de Dólares\"\r", "\"Millones de Dólares\",\"Dólares\"\r")
                .replace("Fecha de consulta: 05/05/2026", "Fecha de consulta: 06/05/2026");
        Path f = inbox.resolve("banxico_remesas_con_dudas.csv");
        Files.write(f, text.getBytes("windows-1252"));
        new FileLoader(location, IngestOptions.DEFAULTS).load(Inbox.delivery(f));
        new ConformStage(location, ConformOptions.DEFAULTS).run(false);

        List<UnresolvedValue> unresolved = new Unresolved(location).list();
        assertThat(unresolved).extracting(UnresolvedValue::column, UnresolvedValue::value).containsExactlyInAnyOrder(
                tuple("Título of SE29695 (column 2)", "Remesa promedio, Zacatecas"),
                tuple("Título of SE41902 (column 4) (municipality)", "Villa Imaginaria"));
        assertThat(unresolved).allSatisfy(v -> {
            assertThat(v.sourceFile()).isEqualTo("banxico_remesas_con_dudas.csv");
            assertThat(v.sourceLine()).isEqualTo(20);
        });
        assertThat(unresolved).filteredOn(v -> v.value().equals("Villa Imaginaria")).singleElement()
                .satisfies(v -> assertThat(v.reason()).startsWith("no municipality named 'Villa Imaginaria' in Zacatecas (32)"));
        List<Object[]> rows = lake.conformed(C, "2026-05-06T082925");
        assertThat(rows).filteredOn(r -> get(r, "series_id").equals("SE29695"))
                .allSatisfy(r -> assertThat(get(r, "series_level")).isEqualTo("UNRECOGNIZED"));
        assertThat(rows).filteredOn(r -> get(r, "series_id").equals("SE41902"))
                .allSatisfy(r -> {
                    assertThat(get(r, "series_level")).isEqualTo("MUNICIPALITY");
                    assertThat(get(r, "state_code")).isEqualTo("32");
                    assertThat(get(r, "municipality_key")).isNull();
                    assertThat(get(r, "geo_rule")).isEqualTo("UNRESOLVED");
                });
    }

    @Test
    void aUnitThatIsNoAmountOfDollarsIsListedAndItsValuesConvertedToNothing() throws Exception {
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        String text = new String(Files.readAllBytes(EXTRACTS.resolve("banxico_remesas_zacatecas.csv")), "windows-1252")
                .replace("\"Unidad\",\"Millones de Dólares\"", "\"Unidad\",\"Número de remesas\"");
        Path f = inbox.resolve("banxico_remesas_operaciones.csv");
        Files.write(f, text.getBytes("windows-1252"));
        LedgerEntry e = new FileLoader(location, IngestOptions.DEFAULTS).load(Inbox.delivery(f));
        new ConformStage(location, ConformOptions.DEFAULTS).run(false);

        assertThat(new Unresolved(location).list()).singleElement().satisfies(v -> {
            assertThat(v.column()).isEqualTo("Unidad of SE29695 (column 2)");
            assertThat(v.value()).isEqualTo("Número de remesas");
        });
        assertThat(lake.conformed(C, e.period())).filteredOn(r -> get(r, "series_id").equals("SE29695"))
                .allSatisfy(r -> {
                    assertThat(get(r, "value")).isNotNull();
                    assertThat(get(r, "usd")).isNull();
                    assertThat(get(r, "mxn_const")).isNull();
                });
    }
}
