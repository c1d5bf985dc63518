package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oriundos.transform.RawLake.activity;
import static org.oriundos.transform.RawLake.club;
import static org.oriundos.transform.RawLake.get;
import static org.oriundos.transform.RawLake.historicClub;
import static org.oriundos.transform.RawLake.newProject;
import static org.oriundos.transform.RawLake.oldProject;
import static org.oriundos.transform.RawLake.respondent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.identity.LinkageModel;
import org.oriundos.transform.money.MissingReferenceDataException;

class ConformStageTest {
    private static final TableSchema REG = ConformedTables.REGISTRY_SNAPSHOT;
    private static final TableSchema PRJ = ConformedTables.PROJECT;
    private static final TableSchema SRV = ConformedTables.SURVEY_RESPONSE;
    private static final TableSchema ACT = ConformedTables.CONSULAR_ACTIVITY;
    private static final TableSchema LINK = ConformedTables.ASSOCIATION_LINK;

    @TempDir
    Path home;

    private RawLake night1(Path root) {
        RawLake lake = new RawLake(root);
        lake.deliver(RawTables.REGISTRY, "2010-01-15", "ime_directorio_2010-01-15.csv", List.of(
                club("2010-01-15", "IME-101", "Club Zacatecano de Los Ángeles", "Los Angeles", "California", "Zacatecas", "Jerez", "TN-2009-00001"),
                club("2010-01-15", "IME-102", "Club Jalisco de Chicago", "Chicago", "IL", "Jalisco", "Tepatitlán de Morelos", null),
                club("2010-01-15", "IME-103", "Club Michoacano de Dallas", "Dallas", "tx", "Michoacán", "Zamora", null),
                club("2010-01-15", "IME-104", "Club Mexiquense", "Houston", "Texas", "Edo. de México", "Toluca", null),
                club("2010-01-15", "IME-105", "Club Jerez Zacatecas", "Chicago", "IL", "Zacatecaz", "Jerez", null),
                club("2010-01-15", "IME-106", "Club Jerezano", "Chicago", "IL", "Zacatecas", "Jerez de García Salinas", null)));
        lake.deliver(RawTables.PROJECTS, "2010", "3x1_proyectos_2010.csv", List.of(
                oldProject(2010, "3X1-ZAC-2010-0001", "Zacatecas", "Jerez", "Ampliación de red de agua potable", "CLUB ZACATECANO L.A.", 250_000, 250_000),
                oldProject(2010, "3X1-DF-2010-0002", "Distrito Federal", "Iztapalapa", "Pavimentación con concreto hidráulico", "Club Capitalino", 100_000, 100_000),
                oldProject(2010, "3X1-ZAC-2010-0003", "Zac.", "Gral. Francisco R. Murguía", "Construcción de lienzo charro", "Club Zacatecanos de Los Angeles", 50_000, 50_000),
                oldProject(2010, "3X1-JAL-2010-0004", "Jalisco", "Villa Hidalgo", "Adquisición de uniformes para la banda", "Club Villa Hidalgo", 10_000, 10_000)));
        lake.deliver(RawTables.PROJECTS, "2013", "3x1_proyectos_2013.csv", List.of(
                newProject(2013, "3X1-JAL-2013-0001", "14", "093", "EDUCACION", null, "Club Jalisco de Chicago", "IL", 100_000_000L),
                newProject(2013, "3X1-ZAC-2013-0002", "32", "020", "AGUA POTABLE", "TN-2009-00001", "Club Jerez Unido", "CA", 25_000_000L)));
        lake.deliver(RawTables.SURVEY, "LNS_2006", "survey_LNS_2006.csv", List.of(
                respondent("r1", "México", "Zacatecas", "CA", 12, "Club Zacatecano de Los Angeles", 1.5),
                respondent("r2", "El Salvador", null, "Texas", 3, null, 1.0),
                respondent("r3", "Mexico", "Michoacan", "Illinois", 25, "club michoacano de dallas", 2.0)));
        lake.deliver(RawTables.CONSULAR_ACTIVITY, "2010", "consulados_actividad_2010.csv", List.of(
                activity("Los Ángeles", "CA", 1, 1000),
                activity("LOS ANGELES", "California", 2, 1100),
                activity("Chicago", "Ill.", 1, 800)));
        return lake;
    }

    private static Object[] byColumn(List<Object[]> rows, TableSchema s, String column, Object value) {
        return rows.stream().filter(r -> value.equals(get(s, r, column))).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
    }

    @Test
    void conformsPlacesToInegiCodesFromCodesNamesAndAliases() {
        RawLake lake = night1(home.resolve("lake"));
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);

        List<Object[]> registry = lake.conformed(REG, "2010-01-15");
        assertThat(registry).hasSize(6);
        Object[] zac = byColumn(registry, REG, "organization_id", "IME-101");
        assertThat(get(REG, zac, "origin_state_code")).isEqualTo("32");
        assertThat(get(REG, zac, "origin_municipality_key")).isEqualTo("32020");
        assertThat(get(REG, zac, "us_state_code")).isEqualTo("CA");
        assertThat(get(REG, zac, "consulate_id")).isEqualTo("LOS_ANGELES");
        assertThat(get(REG, zac, "consulate_name")).isEqualTo("Los Ángeles");
        assertThat(get(REG, zac, "snapshot_year")).isEqualTo(2010);
        assertThat(get(REG, zac, "_source_file")).isEqualTo("ime_directorio_2010-01-15.csv");
        Object[] mex = byColumn(registry, REG, "organization_id", "IME-104");
        assertThat(get(REG, mex, "origin_state_code")).isEqualTo("15");
        assertThat(get(REG, mex, "origin_municipality_key")).isEqualTo("15106");
        assertThat(get(REG, byColumn(registry, REG, "organization_id", "IME-103"), "origin_municipality_key")).isEqualTo("16108");
        assertThat(get(REG, byColumn(registry, REG, "organization_id", "IME-103"), "us_state_code")).isEqualTo("TX");

        List<Object[]> projects = lake.conformed(PRJ, "2010");
        Object[] df = byColumn(projects, PRJ, "folio", "3X1-DF-2010-0002");
        assertThat(get(PRJ, df, "state_code")).isEqualTo("09");
        assertThat(get(PRJ, df, "municipality_key")).isEqualTo("09007");
        assertThat(get(PRJ, df, "geo_rule")).isEqualTo("ALIAS");
        Object[] gral = byColumn(projects, PRJ, "folio", "3X1-ZAC-2010-0003");
        assertThat(get(PRJ, gral, "municipality_key")).isEqualTo("32014");
        assertThat(get(PRJ, gral, "geo_rule")).isEqualTo("NAME");
        assertThat(get(PRJ, byColumn(projects, PRJ, "folio", "3X1-JAL-2010-0004"), "municipality_key"))
                .as("Villa Hidalgo of Jalisco, not of Zacatecas").isEqualTo("14116");
        Object[] coded = byColumn(lake.conformed(PRJ, "2013"), PRJ, "folio", "3X1-JAL-2013-0001");
        assertThat(get(PRJ, coded, "municipality_key")).isEqualTo("14093");
        assertThat(get(PRJ, coded, "geo_rule")).isEqualTo("CODE");
        assertThat(get(PRJ, coded, "club_us_state_code")).isEqualTo("IL");

        List<Object[]> activity = lake.conformed(ACT, "2010");
        assertThat(activity).extracting(r -> get(ACT, r, "consulate_id")).containsExactly("LOS_ANGELES", "LOS_ANGELES", "CHICAGO");
        assertThat(activity).extracting(r -> get(ACT, r, "us_state_code")).containsExactly("CA", "CA", "IL");
    }

    @Test
    void listsEveryUnresolvedValueWithItsSourceAndAnAliasFileResolvesItOnTheNextRun() throws IOException {
        RawLake lake = night1(home.resolve("lake"));
        Path aliases = home.resolve("conf").resolve("geography_aliases.csv");
        ConformOptions options = ConformOptions.forHome(home, 2018);
        ConformSummary first = new ConformStage(lake.lake, options).run(false);

        List<UnresolvedValue> unresolved = new Unresolved(lake.lake).list();
        assertThat(first.unresolvedValues()).isEqualTo(unresolved.size());
        assertThat(unresolved).extracting(UnresolvedValue::sourceTable, UnresolvedValue::column, UnresolvedValue::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("projects", "TIPO_OBRA", "Adquisición de uniformes para la banda"),
                        org.assertj.core.groups.Tuple.tuple("registry", "ENTIDAD_ORIGEN", "Zacatecaz"),
                        org.assertj.core.groups.Tuple.tuple("registry", "MUNICIPIO_ORIGEN", "Jerez"),
                        org.assertj.core.groups.Tuple.tuple("registry", "MUNICIPIO_ORIGEN", "Jerez de García Salinas"));
        UnresolvedValue jerez = unresolved.get(3);
        assertThat(jerez.sourceFile()).isEqualTo("ime_directorio_2010-01-15.csv");
        assertThat(jerez.sourceLine()).isEqualTo(7L);
        assertThat(jerez.period()).isEqualTo("2010-01-15");
        assertThat(jerez.context()).isEqualTo("state Zacatecas (32)");
        assertThat(jerez.reason()).contains("no municipality named 'Jerez de García Salinas' in Zacatecas (32)");
        Object[] jerezano = byColumn(lake.conformed(REG, "2010-01-15"), REG, "organization_id", "IME-106");
        assertThat(get(REG, jerezano, "origin_state_code")).isEqualTo("32");
        assertThat(get(REG, jerezano, "origin_municipality_key")).isNull();
        Object[] banda = byColumn(lake.conformed(PRJ, "2010"), PRJ, "folio", "3X1-JAL-2010-0004");
        assertThat(get(PRJ, banda, "category")).isEqualTo("OTRO");
        assertThat(get(PRJ, banda, "category_rule")).isEqualTo("UNMATCHED");
        Map<String, String> idsBefore = associationIds(lake);

        Files.createDirectories(aliases.getParent());
        Files.writeString(aliases, """
                kind,state,name,code
                MUNICIPALITY,32,Jerez de García Salinas,020
                STATE,,Zacatecaz,32
                """, StandardCharsets.UTF_8);
        ConformSummary second = new ConformStage(lake.lake, options).run(false);

        assertThat(second.partitionsConformed()).as("the alias file changed every fingerprint").hasSize(5);
        assertThat(new Unresolved(lake.lake).list()).extracting(UnresolvedValue::column).containsExactly("TIPO_OBRA");
        assertThat(second.unresolvedValues()).isEqualTo(1);
        assertThat(new ConformStage(lake.lake, options).run(false).unresolvedValues())
                .as("a run with nothing new still reports what is unresolved").isEqualTo(1);
        jerezano = byColumn(lake.conformed(REG, "2010-01-15"), REG, "organization_id", "IME-106");
        assertThat(get(REG, jerezano, "origin_municipality_key")).isEqualTo("32020");
        assertThat(get(REG, byColumn(lake.conformed(REG, "2010-01-15"), REG, "organization_id", "IME-105"),
                "origin_state_code")).isEqualTo("32");
        assertThat(associationIds(lake)).as("resolving places renumbers no association").isEqualTo(idsBefore);
    }

    @Test
    void categorisesProjectsAndExplainsTheRule() {
        RawLake lake = night1(home.resolve("lake"));
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        List<Object[]> projects = lake.conformed(PRJ, "2010");
        assertThat(projects).extracting(r -> get(PRJ, r, "category"), r -> get(PRJ, r, "category_rule")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AGUA POTABLE", "KEYWORD:agua potable"),
                org.assertj.core.groups.Tuple.tuple("PAVIMENTACION", "KEYWORD:pavimentación"),
                org.assertj.core.groups.Tuple.tuple("DEPORTE", "KEYWORD:lienzo charro"),
                org.assertj.core.groups.Tuple.tuple("OTRO", "UNMATCHED"));
        assertThat(lake.conformed(PRJ, "2013")).extracting(r -> get(PRJ, r, "category_rule")).containsOnly("CATEGORIA");
    }

    @Test
    void convertsEveryAmountToConstantPesosAndDollars() {
        RawLake lake = night1(home.resolve("lake"));
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        Object[] water = byColumn(lake.conformed(PRJ, "2010"), PRJ, "folio", "3X1-ZAC-2010-0001");
        // 1,000,000.00 pesos of 2010: × INPC 2018 100.255333 / INPC 2010 73.406083 = 1,365,763.28;
        // / FIX 2010 12.630283 = 79,174.79 dollars
        assertThat(get(PRJ, water, "total_mxn")).isEqualTo(100_000_000L);
        assertThat(get(PRJ, water, "total_mxn_const")).isEqualTo(136_576_328L);
        assertThat(get(PRJ, water, "total_usd")).isEqualTo(7_917_479L);
        assertThat(get(PRJ, water, "migrant_mxn")).isEqualTo(25_000_000L);
        assertThat(get(PRJ, water, "migrant_mxn_const")).isEqualTo(34_144_082L);
        assertThat(get(PRJ, water, "base_year")).isEqualTo(2018);
        Object[] y2013 = byColumn(lake.conformed(PRJ, "2013"), PRJ, "folio", "3X1-ZAC-2013-0002");
        // 250,000.00 pesos of 2013 / FIX 2013 12.772391 = 19,573.47 dollars
        assertThat(get(PRJ, y2013, "federal_usd")).isEqualTo(1_957_347L);
        assertThat(get(PRJ, y2013, "other_usd")).isEqualTo(0L);

        List<Object[]> years = lake.conformedWhole(ConformedTables.REF_YEAR);
        Object[] y2018 = years.stream().filter(r -> (Integer) r[0] == 2018).findFirst().orElseThrow();
        assertThat((Double) y2018[1]).isCloseTo(100.255333, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(y2018[2]).isEqualTo(19.2421);
        assertThat(y2018[3]).isEqualTo(12);
        Object[] y1991 = years.stream().filter(r -> (Integer) r[0] == 1991).findFirst().orElseThrow();
        assertThat(y1991[2]).as("only 2 months of FIX in 1991").isNull();
        assertThat(y1991[4]).isEqualTo(2);
    }

    @Test
    void aConstantPesoBaseYearOtherThan2018IsUsedAndChangesTheFingerprint() {
        RawLake lake = night1(home.resolve("lake"));
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        Map<String, String> before = manifestFingerprints(lake);
        ConformSummary rerun = new ConformStage(lake.lake, new ConformOptions(2010, null, null)).run(false);
        assertThat(rerun.partitionsConformed()).hasSize(5);
        Object[] water = byColumn(lake.conformed(PRJ, "2010"), PRJ, "folio", "3X1-ZAC-2010-0001");
        assertThat(get(PRJ, water, "base_year")).isEqualTo(2010);
        assertThat(get(PRJ, water, "total_mxn_const")).isEqualTo(100_000_000L);
        assertThat(manifestFingerprints(lake).get("project|2010")).isNotEqualTo(before.get("project|2010"));
    }

    @Test
    void aYearWithoutReferenceDataFailsNamingTheYearAndThePartition() {
        RawLake lake = new RawLake(home.resolve("lake"));
        lake.deliver(RawTables.PROJECTS, "2026", "3x1_proyectos_2026.csv", List.<Object[]>of(
                newProject(2026, "3X1-ZAC-2026-0001", "32", "020", "AGUA POTABLE", null, "Club Jerez", "CA", 1_000L)));
        assertThatThrownBy(() -> new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false))
                .isInstanceOf(MissingReferenceDataException.class)
                .hasMessageContaining("no INPC for 2026")
                .hasMessageContaining("3x1_proyectos_2026.csv line 2 (partition projects/2026)");
        assertThat(lake.conformed(PRJ, "2026")).as("nothing half-written is left in place").isEmpty();
    }

    @Test
    void linksTheSameAssociationAcrossRegistryProjectsAndSurveysAndExplainsEveryLink() {
        RawLake lake = night1(home.resolve("lake"));
        ConformSummary summary = new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);

        String zacatecano = (String) get(REG, byColumn(lake.conformed(REG, "2010-01-15"), REG, "organization_id", "IME-101"), "association_id");
        String jalisco = (String) get(REG, byColumn(lake.conformed(REG, "2010-01-15"), REG, "organization_id", "IME-102"), "association_id");
        String michoacano = (String) get(REG, byColumn(lake.conformed(REG, "2010-01-15"), REG, "organization_id", "IME-103"), "association_id");
        assertThat(zacatecano).isEqualTo("HTA-000001");

        List<Object[]> links2010 = lake.conformed(LINK, "projects-2010");
        assertThat(links2010).hasSize(4);
        Object[] la = byColumn(links2010, LINK, "source_record_id", "3X1-ZAC-2010-0001");
        assertThat(get(LINK, la, "association_id")).isEqualTo(zacatecano);
        assertThat(get(LINK, la, "rule")).isEqualTo("MATCH");
        assertThat((Double) get(LINK, la, "match_weight")).isGreaterThanOrEqualTo(LinkageModel.shipped().upper());
        assertThat((Double) get(LINK, la, "score")).isEqualTo(LinkageModel.probability((Double) get(LINK, la, "match_weight")));
        assertThat(get(LINK, la, "candidates")).isEqualTo(1);
        assertThat(get(LINK, la, "normalized_name")).isEqualTo("CLUB ZACATECANO LOS ANGELES");
        assertThat(get(LINK, la, "source_name")).isEqualTo("CLUB ZACATECANO L.A.");
        assertThat(get(LINK, la, "source_line")).isEqualTo(2L);
        // another hometown (Gral. Francisco R. Murguía), nothing else to go by: kept apart, not guessed
        Object[] otherTown = byColumn(links2010, LINK, "source_record_id", "3X1-ZAC-2010-0003");
        assertThat(get(LINK, otherTown, "association_id")).isNotEqualTo(zacatecano);
        assertThat(get(LINK, otherTown, "rule")).isEqualTo("NEW");
        assertThat(get(LINK, byColumn(links2010, LINK, "source_record_id", "3X1-DF-2010-0002"), "rule")).isEqualTo("NEW");

        List<Object[]> links2013 = lake.conformed(LINK, "projects-2013");
        assertThat(get(LINK, byColumn(links2013, LINK, "source_record_id", "3X1-ZAC-2013-0002"), "rule")).isEqualTo("REGISTRY_KEY");
        assertThat(get(LINK, byColumn(links2013, LINK, "source_record_id", "3X1-JAL-2013-0001"), "rule")).isEqualTo("MATCH");
        assertThat(get(PRJ, byColumn(lake.conformed(PRJ, "2013"), PRJ, "folio", "3X1-ZAC-2013-0002"), "association_id")).isEqualTo(zacatecano);
        assertThat(get(PRJ, byColumn(lake.conformed(PRJ, "2013"), PRJ, "folio", "3X1-JAL-2013-0001"), "association_id")).isEqualTo(jalisco);

        List<Object[]> survey = lake.conformed(SRV, "LNS_2006");
        Object[] r1 = byColumn(survey, SRV, "respondent_id", "r1");
        assertThat(get(SRV, r1, "association_id")).isEqualTo(zacatecano);
        assertThat(get(SRV, r1, "born_in_mexico")).isEqualTo(true);
        assertThat(get(SRV, r1, "origin_state_code")).isEqualTo("32");
        assertThat(get(SRV, r1, "years_in_us_band")).isEqualTo("10-19");
        Object[] r2 = byColumn(survey, SRV, "respondent_id", "r2");
        assertThat(get(SRV, r2, "born_in_mexico")).isEqualTo(false);
        assertThat(get(SRV, r2, "us_state_code")).isEqualTo("TX");
        assertThat(get(SRV, r2, "association_id")).isNull();
        // the respondent lives in Illinois; the registry's Club Michoacano de Dallas is in Texas
        Object[] r3 = byColumn(lake.conformed(LINK, "survey-LNS_2006"), LINK, "source_record_id", "r3");
        assertThat(get(LINK, r3, "association_id")).isNotEqualTo(michoacano);
        assertThat((Double) get(LINK, r3, "match_weight")).isLessThan(LinkageModel.shipped().lower());
        assertThat(lake.conformed(LINK, "survey-LNS_2006")).hasSize(2);

        assertThat(summary.linksByRule()).containsEntry("NEW", 10L).containsEntry("MATCH", 3L)
                .containsEntry("REGISTRY_KEY", 1L);
        List<Object[]> associations = lake.conformedWhole(ConformedTables.ASSOCIATION);
        assertThat(associations).hasSize(10);
        Object[] first = associations.get(0);
        assertThat(first).containsExactly("HTA-000001", "Club Zacatecano de Los Ángeles", "CLUB ZACATECANO LOS ANGELES", "32",
                "IME-101", "TN-2009-00001");
    }

    @Test
    void theOverrideFileWinsOverTheRulesOnTheNextRun() throws IOException {
        RawLake lake = night1(home.resolve("lake"));
        ConformOptions options = ConformOptions.forHome(home, 2018);
        new ConformStage(lake.lake, options).run(false);
        String capitalino = (String) get(PRJ, byColumn(lake.conformed(PRJ, "2010"), PRJ, "folio", "3X1-DF-2010-0002"), "association_id");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf").resolve("association_overrides.csv"), """
                action,source_table,period,source_record_id,association_id,reason
                APART,projects,,3X1-ZAC-2010-0001,,the project's club is another Zacatecano club of Los Angeles
                LINK,survey,LNS_2006,r3,%s,respondent's club is the Capitalino
                """.formatted(capitalino), StandardCharsets.UTF_8);

        new ConformStage(lake.lake, options).run(false);

        Object[] apart = byColumn(lake.conformed(LINK, "projects-2010"), LINK, "source_record_id", "3X1-ZAC-2010-0001");
        assertThat(get(LINK, apart, "rule")).isEqualTo("OVERRIDE_APART");
        assertThat(get(LINK, apart, "association_id")).isEqualTo("HTA-000011"); // the next number: a new identity
        Object[] forced = byColumn(lake.conformed(LINK, "survey-LNS_2006"), LINK, "source_record_id", "r3");
        assertThat(get(LINK, forced, "rule")).isEqualTo("OVERRIDE_LINK");
        assertThat(get(SRV, byColumn(lake.conformed(SRV, "LNS_2006"), SRV, "respondent_id", "r3"), "association_id")).isEqualTo(capitalino);
    }

    @Test
    void conformingTheSameInputsTwiceGivesTheSameIdsAndTheSameBytes() {
        RawLake a = night1(home.resolve("a"));
        RawLake b = night1(home.resolve("b"));
        new ConformStage(a.lake, ConformOptions.DEFAULTS).run(false);
        new ConformStage(b.lake, ConformOptions.DEFAULTS).run(true);
        List<String> filesA = a.conformedFiles();
        assertThat(filesA).isEqualTo(b.conformedFiles());

        ConformSummary nothing = new ConformStage(a.lake, ConformOptions.DEFAULTS).run(false);
        assertThat(nothing.partitionsConformed()).as("nothing new, nothing done").isEmpty();
        ConformSummary rebuild = new ConformStage(a.lake, ConformOptions.DEFAULTS).run(true);
        assertThat(rebuild.partitionsConformed()).containsExactly("registry/2010-01-15", "projects/2010", "projects/2013",
                "survey/LNS_2006", "consular_activity/2010");
        assertThat(a.conformedFiles()).as("a full rebuild gives the same bytes").isEqualTo(filesA);
    }

    @Test
    void aRunCutShortAfterSavingTheRegistryIsCompletedWithTheSameIdsAndBytes() throws IOException {
        RawLake lake = night1(home.resolve("lake"));
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        List<String> files = lake.conformedFiles();
        // as if the run died after saving the registry, before the manifest listed the partitions,
        // leaving a half-written generation of a partition (and, from a release before generations,
        // a half-written partition in the old staging folder)
        RawLake.deleteTree(home.resolve("lake/conformed/manifest"));
        Path pending = home.resolve("lake/conformed/project/period=2013/_pending-000009/part-00000.parquet");
        Files.createDirectories(pending.getParent());
        Files.writeString(pending, "half a file");
        Path leftover = home.resolve("lake/conformed/_staging/project/period=2013/part-00000.parquet");
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "half a file");

        ConformSummary rerun = new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);

        assertThat(rerun.partitionsConformed()).hasSize(5);
        assertThat(lake.conformedFiles()).isEqualTo(files);
        assertThat(home.resolve("lake/conformed/_staging")).doesNotExist();
        assertThat(pending.getParent()).doesNotExist();
    }

    @Test
    void aNewNightNeverRenumbersExistingAssociations() {
        RawLake lake = night1(home.resolve("lake"));
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        Map<String, String> night1Ids = associationIds(lake);

        // an older historic snapshot arrives late: it sorts first, yet must not take over low numbers
        lake.deliver(RawTables.REGISTRY, "2003-12-31", "directorio_oriundos_2003.csv", List.of(
                historicClub("2003-12-31", "H-1a2b3c4d", "Club Zacatecano de Los Angeles", "CA", "Zacatecas"),
                historicClub("2003-12-31", "H-5e6f7a8b", "Club Atotonilco", "IL", "Jalisco")));
        lake.deliver(RawTables.REGISTRY, "2012-06-30", "ime_directorio_2012-06-30.csv", List.of(
                club("2012-06-30", "IME-101", "Federación Zacatecana del Sur de California", "Los Angeles", "CA", "Zacatecas", "Jerez", "TN-2009-00001"),
                club("2012-06-30", "IME-107", "Club Tepatitlán de Houston", "Houston", "TX", "Jalisco", "Tepatitlán de Morelos", null)));
        ConformSummary night2 = new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);

        assertThat(night2.partitionsConformed()).containsExactly("registry/2003-12-31", "registry/2012-06-30");
        Map<String, String> ids = associationIds(lake);
        assertThat(ids).containsAllEntriesOf(night1Ids);
        List<Object[]> links2003 = lake.conformed(LINK, "registry-2003-12-31");
        // the same name, but listed in Chicago while HTA-000001 is in Los Angeles: a name made of places
        // (Zacatecano, Los Angeles) is no evidence against the city, so it is kept apart, a new association
        assertThat(get(LINK, links2003.get(0), "association_id")).isEqualTo("HTA-000011");
        assertThat(get(LINK, links2003.get(0), "rule")).isEqualTo("NEW");
        assertThat((Integer) get(LINK, links2003.get(0), "candidates")).isPositive();
        assertThat((Double) get(LINK, links2003.get(0), "match_weight")).isLessThan(LinkageModel.shipped().lower());
        assertThat(get(LINK, links2003.get(1), "association_id")).isEqualTo("HTA-000012");
        Object[] renamed = byColumn(lake.conformed(LINK, "registry-2012-06-30"), LINK, "source_record_id", "IME-101");
        assertThat(get(LINK, renamed, "rule")).isEqualTo("IME_ID");
        assertThat(get(LINK, renamed, "association_id")).isEqualTo("HTA-000001");

        List<String> incremental = lake.conformedFiles();
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(true);
        assertThat(associationIds(lake)).as("a full rebuild keeps the registry's ids").isEqualTo(ids);
        assertThat(lake.conformedFiles()).isEqualTo(incremental);
    }

    @Test
    void writesTheReferenceTablesAndAManifestOfEveryPartition() {
        RawLake lake = night1(home.resolve("lake"));
        new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        assertThat(lake.conformedWhole(ConformedTables.REF_STATE)).hasSize(32);
        assertThat(lake.conformedWhole(ConformedTables.REF_MUNICIPALITY)).hasSize(2478);
        assertThat(lake.conformedWhole(ConformedTables.REF_US_STATE)).anySatisfy(r -> assertThat(r).containsExactly("CA", "06", "California"));
        Map<String, String> manifest = manifestFingerprints(lake);
        assertThat(manifest.keySet()).contains("registry_snapshot|2010-01-15", "association_link|registry-2010-01-15",
                "unresolved|registry-2010-01-15", "project|2010", "project|2013", "survey_response|LNS_2006",
                "consular_activity|2010", "association|all", "ref_state|all", "ref_year|all");
        List<Object[]> rows = lake.conformedWhole(ConformedTables.MANIFEST);
        Object[] projects2010 = rows.stream().filter(r -> "project".equals(r[0]) && "2010".equals(r[1])).findFirst().orElseThrow();
        assertThat(projects2010[4]).isEqualTo(4L);
        assertThat(projects2010[2]).isEqualTo(get(PRJ, lake.conformed(PRJ, "2010").get(0), "_load_id"));

        lake.deliver(RawTables.PROJECTS, "2010", "3x1_proyectos_2010_v2.csv", List.<Object[]>of(
                oldProject(2010, "3X1-ZAC-2010-0001", "Zacatecas", "Jerez", "Ampliación de red de agua potable", "CLUB ZACATECANO L.A.", 260_000, 260_000)));
        ConformSummary redelivered = new ConformStage(lake.lake, ConformOptions.DEFAULTS).run(false);
        assertThat(redelivered.partitionsConformed()).containsExactly("projects/2010");
        assertThat(lake.conformed(PRJ, "2010")).hasSize(1);
        Map<String, String> after = manifestFingerprints(lake);
        assertThat(after.get("project|2010")).isNotEqualTo(manifest.get("project|2010"));
        assertThat(after.get("project|2013")).isEqualTo(manifest.get("project|2013"));
    }

    private static Map<String, String> associationIds(RawLake lake) {
        Map<String, String> ids = new HashMap<>();
        for (String period : List.of("2010-01-15")) {
            for (Object[] r : lake.conformed(REG, period)) {
                ids.put((String) get(REG, r, "organization_id"), (String) get(REG, r, "association_id"));
            }
        }
        for (String period : List.of("2010", "2013")) {
            for (Object[] r : lake.conformed(PRJ, period)) {
                ids.put((String) get(PRJ, r, "folio"), (String) get(PRJ, r, "association_id"));
            }
        }
        return ids;
    }

    private static Map<String, String> manifestFingerprints(RawLake lake) {
        return lake.conformedWhole(ConformedTables.MANIFEST).stream()
                .collect(Collectors.toMap(r -> r[0] + "|" + r[1], r -> r[2] + "/" + r[3]));
    }
}
