package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oriundos.transform.RawLake.get;
import static org.oriundos.transform.RawLake.row;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.MunicipalitiesNamed;
import org.oriundos.transform.geography.Municipality;
import org.oriundos.transform.geography.PlaceCorrections;

/**
 * A 3x1 project whose MUNICIPIO holds a locality ("Rancho Los Laureles", a ranch of some
 * municipality) is fixed by its folio, and only it: the other projects that name a locality of
 * that name keep theirs, unlike an alias, which would move every one of them. Before the fix, the
 * analyst sees each unresolved value with its project and the municipalities its title names.
 */
class PlaceCorrectionsTest {
    private static final TableSchema PRJ = ConformedTables.PROJECT;

    @TempDir
    Path home;

    private static Object[] project(int year, String folio, String municipality, String title, String club) {
        return row(RawTables.PROJECTS, "fiscal_year", year, "folio", folio, "layout", "2002", "state_name", "Michoacán",
                "municipality_name", municipality, "project_name", title, "work_type", "Pavimentación",
                "club_name", club, "federal_mxn", 10_000_000L, "state_mxn", 10_000_000L, "municipal_mxn", 10_000_000L,
                "migrant_mxn", 10_000_000L, "other_mxn", 0L, "status", "CONCLUIDO");
    }

    private RawLake lake() {
        RawLake lake = new RawLake(home.resolve("lake"));
        lake.deliver(RawTables.PROJECTS, "2009", "3x1_proyectos_2009.csv", List.of(
                project(2009, "3X1-MICH-2009-0001", "Rancho Los Laureles",
                        "Pavimentación con empedrado en calle Zaragoza, Jacona", "Amigos de Jacona"),
                project(2009, "3X1-MICH-2009-0002", "Rancho Los Laureles",
                        "Electrificación del rancho, municipio de Gabriel Zamora", "Club Lombardía"),
                project(2009, "3X1-MICH-2009-0003", "Zamora", "Drenaje en la colonia centro", "Club Zamora")));
        lake.deliver(RawTables.PROJECTS, "2010", "3x1_proyectos_2010.csv", List.of(
                project(2010, "3X1-MICH-2009-0001", "Rancho Los Laureles",
                        "Pavimentación con empedrado en calle Zaragoza, Jacona (segunda etapa)", "Amigos de Jacona"),
                project(2010, "3X1-MICH-2010-0004", "Rancho Los Laureles", "Agua potable para la ranchería",
                        "Club Michoacano")));
        return lake;
    }

    @Test
    void aCorrectionByFolioFixesThatProjectInEveryYearAndMovesNoOtherProjectOfTheSameName() throws IOException {
        RawLake lake = lake();
        ConformOptions options = ConformOptions.forHome(home, 2018);
        new ConformStage(lake.lake, options).run(false);

        List<UnresolvedRecord> before = new UnresolvedRecords(lake.lake).list();
        assertThat(before).extracting(UnresolvedRecord::recordId).containsExactly("3X1-MICH-2009-0001",
                "3X1-MICH-2009-0002", "3X1-MICH-2009-0001", "3X1-MICH-2010-0004");
        UnresolvedRecord first = before.get(0);
        assertThat(first.value().column()).isEqualTo("MUNICIPIO");
        assertThat(first.value().value()).isEqualTo("Rancho Los Laureles");
        assertThat(first.title()).isEqualTo("Pavimentación con empedrado en calle Zaragoza, Jacona");
        assertThat(first.club()).isEqualTo("Amigos de Jacona");
        assertThat(first.stateCode()).isEqualTo("16");
        assertThat(first.suggestions()).extracting(Municipality::key).containsExactly("16043");
        // "Gabriel Zamora" is a municipality of its own: Zamora, inside its name, is not suggested too
        assertThat(before.get(1).suggestions()).extracting(Municipality::key).containsExactly("16033");
        assertThat(before.get(3).suggestions()).isEmpty();

        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf").resolve("place_corrections.csv"), """
                source_table,period,record_id,state,municipality,reason
                # the title says Jacona; Rancho Los Laureles is one of its localities
                projects,,3X1-MICH-2009-0001,16,043,Rancho Los Laureles is a locality of Jacona
                """, StandardCharsets.UTF_8);
        ConformSummary second = new ConformStage(lake.lake, options).run(false);

        assertThat(second.partitionsConformed()).as("the correction file is part of the fingerprint").isNotEmpty();
        for (String period : List.of("2009", "2010")) {
            Object[] fixed = lake.conformed(PRJ, period).stream()
                    .filter(r -> "3X1-MICH-2009-0001".equals(get(PRJ, r, "folio"))).findFirst().orElseThrow();
            assertThat(get(PRJ, fixed, "state_code")).isEqualTo("16");
            assertThat(get(PRJ, fixed, "municipality_key")).isEqualTo("16043");
            assertThat(get(PRJ, fixed, "geo_rule")).isEqualTo("CORRECTION");
        }
        assertThat(new UnresolvedRecords(lake.lake).list()).extracting(UnresolvedRecord::recordId)
                .as("the other projects of a place of that name are not moved").containsExactly("3X1-MICH-2009-0002",
                        "3X1-MICH-2010-0004");
        Object[] zamora = lake.conformed(PRJ, "2009").stream()
                .filter(r -> "3X1-MICH-2009-0003".equals(get(PRJ, r, "folio"))).findFirst().orElseThrow();
        assertThat(get(PRJ, zamora, "municipality_key")).isEqualTo("16108");
        assertThat(get(PRJ, zamora, "geo_rule")).isEqualTo("ALIAS"); // "Michoacán" is the shipped alias of the state
    }

    @Test
    void aLineForOnePeriodWinsOverOneForEveryPeriodAndMinusKeepsTheStateOnly() throws IOException {
        GeographyCatalog catalog = GeographyCatalog.shipped();
        PlaceCorrections c = PlaceCorrections.parse(catalog, new StringReader("""
                source_table,period,record_id,state,municipality,reason
                projects,,3X1-MICH-2009-0001,16,043,every year
                projects,2010,3X1-MICH-2009-0001,16,16108,"the second stage was built in Zamora, not Jacona"
                registry,,IME-2231,32,-,a federation of the whole state
                """), "place_corrections.csv");

        assertThat(c.of("projects", "2009", "3X1-MICH-2009-0001")).hasValueSatisfying(x ->
                assertThat(x.municipalityKey()).isEqualTo("16043"));
        assertThat(c.of("projects", "2010", "3X1-MICH-2009-0001")).hasValueSatisfying(x ->
                assertThat(x.municipalityKey()).isEqualTo("16108"));
        assertThat(c.of("registry", "2012-06-30", "IME-2231")).hasValueSatisfying(x -> {
            assertThat(x.stateCode()).isEqualTo("32");
            assertThat(x.municipalityKey()).isNull();
        });
        assertThat(c.of("registry", "2012-06-30", "3X1-MICH-2009-0001")).isEmpty();
    }

    @Test
    void aLineThatCannotBeAppliedStopsTheRunWithItsFileAndLine() {
        GeographyCatalog catalog = GeographyCatalog.shipped();
        assertThatThrownBy(() -> PlaceCorrections.parse(catalog, new StringReader("""
                source_table,period,record_id,state,municipality,reason
                projects,2009,3X1-MICH-2009-0001,16,999,no such municipality
                """), "place_corrections.csv"))
                .hasMessageContaining("place_corrections.csv line 2").hasMessageContaining("'999' is not an INEGI municipality");
        assertThatThrownBy(() -> PlaceCorrections.parse(catalog, new StringReader("""
                source_table,period,record_id,state,municipality,reason
                survey,LNS_2006,r1,16,043,surveys are corrected by alias
                """), "place_corrections.csv")).hasMessageContaining("line 2: source_table 'survey' is not projects");
        assertThatThrownBy(() -> PlaceCorrections.parse(catalog, new StringReader("""
                source_table,period,record_id,state,municipality,reason
                projects,,F1,33,001,x
                """), "place_corrections.csv")).hasMessageContaining("state '33' is not an INEGI state code");
        assertThatThrownBy(() -> PlaceCorrections.parse(catalog, new StringReader("""
                source_table,period,record_id,state,municipality,reason
                projects,,F1,16,043,x
                projects,,F1,16,108,y
                """), "place_corrections.csv")).hasMessageContaining("line 3: projects F1 is corrected twice");
        assertThatThrownBy(() -> PlaceCorrections.parse(catalog, new StringReader("""
                source_table,period,record_id,state,municipality,reason
                projects,,F1,16,32020,the key of another state
                """), "place_corrections.csv")).hasMessageContaining("not an INEGI municipality of state 16");
    }

    @Test
    void suggestsTheMunicipalitiesATextNamesAsWholeWordsLongestFirst() {
        MunicipalitiesNamed named = new MunicipalitiesNamed(GeographyCatalog.shipped());

        assertThat(named.in("32", "Obra de agua potable entre Jerez y Fresnillo")).extracting(Municipality::key)
                .containsExactly("32010", "32020");
        assertThat(named.in("32", "Lienzo charro en Villa de Cos")).extracting(Municipality::key).containsExactly("32051");
        // whole words only, within the state only
        assertThat(named.in("32", "Obra en Jerezano")).isEmpty();
        assertThat(named.in("14", "Obra en Jerez")).isEmpty();
        assertThat(named.in(null, "Obra en Jerez")).isEmpty();
    }
}
