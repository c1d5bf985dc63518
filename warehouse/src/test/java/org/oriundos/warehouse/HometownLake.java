package org.oriundos.warehouse;

import static org.oriundos.warehouse.FixtureLake.date;
import static org.oriundos.warehouse.FixtureLake.row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.ConformedTables;

/**
 * The fixture story, over two nights. Night 1: registry snapshots of 2008 and 2010 (two in 2010:
 * January and June; in June club A1 is renamed, A3 is gone and A4 appears), the 3x1 projects of
 * 2009 and 2010, the 2010 survey and the 2010 consular activity, and a refused file. Night 2: the
 * 2012 snapshot (A6 appears) and a corrected 2010 3x1 delivery (P3 revised, P5 cancelled, one
 * row rejected).
 */
final class HometownLake {
    static final String A1 = "A-000001";
    static final String A2 = "A-000002";
    static final String A3 = "A-000003";
    static final String A4 = "A-000004";
    static final String A5 = "A-000005";
    static final String A6 = "A-000006";

    static final int BASE_YEAR = 2012;
    static final double INPC_2009 = 95.0;
    static final double INPC_2010 = 99.0;
    static final double INPC_2012 = 105.0;
    static final double FIX_2009 = 13.5;
    static final double FIX_2010 = 12.5;

    private final FixtureLake lake;
    /** Associations the conform stage found later, known only from 3x1 projects. */
    private final List<Object[]> laterAssociations = new ArrayList<>();
    private boolean a6Listed;
    /** The load the reference tables are listed under in the manifest; null: not listed. */
    private String referenceLoad;
    private String jerez = "Jerez";

    HometownLake(Path root) {
        this.lake = new FixtureLake(root);
    }

    FixtureLake lake() {
        return lake;
    }

    void night1() {
        referenceData();
        associations(false);
        registry("2008-06-30", "directorio_ime_2008-06-30.csv", List.of(
                club("IME-101", A1, "Club Zacatecano de Los Ángeles", "LOS_ANGELES", "Los Ángeles", "CA", "32", "32020", 40),
                club("IME-102", A2, "Club Jalisco de Chicago", "CHICAGO", "Chicago", "IL", "14", "14093", 25),
                club("IME-103", A3, "Club Michoacano de Dallas", "DALLAS", "Dallas", "TX", "16", null, 15)));
        registry("2010-01-15", "directorio_ime_2010-01-15.csv", List.of(
                club("IME-101", A1, "Club Zacatecano de Los Ángeles", "LOS_ANGELES", "Los Ángeles", "CA", "32", "32020", 45),
                club("IME-102", A2, "Club Jalisco de Chicago", "CHICAGO", "Chicago", "IL", "14", "14093", 26),
                club("IME-103", A3, "Club Michoacano de Dallas", "DALLAS", "Dallas", "TX", "16", null, 15)));
        registry("2010-06-30", "directorio_ime_2010-06-30.csv", List.of(
                club("IME-101", A1, "Club Social Zacatecano Los Angeles", "LOS_ANGELES", "Los Ángeles", "CA", "32", "32020", 50),
                club("IME-102", A2, "Club Jalisco de Chicago", "CHICAGO", "Chicago", "IL", "14", "14093", 27),
                club("IME-104", A4, "Club Fresnillo de Chicago", "CHICAGO", "Chicago", "IL", "32", "32010", 30)));
        lake.deliver(ConformedTables.PROJECT, "projects", "2009", "3x1_2009.csv", List.of(
                project(2009, "3X1-ZAC-2009-0001", A1, "32", "32020", "AGUA POTABLE", "CONCLUIDO", 100_000, 0, 1200L),
                project(2009, "3X1-JAL-2009-0002", A2, "14", "14093", "PAVIMENTACION", "CONCLUIDO", 50_000, 0, 800L)), 0);
        String projects2010 = lake.deliver(ConformedTables.PROJECT, "projects", "2010", "3x1_2010.csv", List.of(
                project(2010, "3X1-ZAC-2010-0003", A1, "32", "32010", "AGUA POTABLE", "APROBADO", 80_000, 0, 500L),
                project(2010, "3X1-ZAC-2010-0004", A4, "32", "32010", "EDUCACION", "APROBADO", 25_000, 10_000, null),
                project(2010, "3X1-GTO-2010-0005", A5, "11", "11021", "PAVIMENTACION", "APROBADO", 60_000, 0, 300L)), 0);
        links(projects2010, "3x1_2010.csv");
        lake.conformedOnly(ConformedTables.UNRESOLVED, "project-2010", projects2010, List.<Object[]>of(
                row(ConformedTables.UNRESOLVED, "source_table", "project", "period", "2010",
                        "source_file", "3x1_2010.csv", "source_line", 4L, "column", "LOCALIDAD", "value", "Rancho Viejo",
                        "context", "11021", "reason", "no INEGI locality of that name in the municipality",
                        "load_id", projects2010)));
        lake.deliver(ConformedTables.SURVEY_RESPONSE, "survey", "PEW_2010", "pew_2010.csv", List.of(
                respondent("r1", "MX", "32", "0-4", "Y", "Y", A1, 1.5),
                respondent("r2", "MX", "14", "0-4", "N", "N", null, 1.0),
                respondent("r3", "MX", "32", "20+", "DK", "Y", null, 2.0),
                respondent("r4", "SV", null, "20+", "Y", "N", null, 0.5),
                respondent("r5", "MX", "16", null, "REF", "REF", null, 3.0)), 0);
        lake.deliver(ConformedTables.CONSULAR_ACTIVITY, "consular_activity", "2010", "actividad_consular_2010.csv", List.of(
                activity("LOS_ANGELES", "Los Ángeles", "CA", 1, 1000L, 500L),
                activity("LOS_ANGELES", "Los Ángeles", "CA", 2, 1100L, 550L),
                activity("CHICAGO", "Chicago", "IL", 1, 800L, null)), 0);
        lake.refuse("projects", "2011", "3x1_2011.csv", "the header names no FOLIO column");
        lake.writeManifest();
    }

    void night2() {
        associations(true);
        registry("2012-06-30", "directorio_ime_2012-06-30.csv", List.of(
                club("IME-101", A1, "Club Social Zacatecano Los Angeles", "LOS_ANGELES", "Los Ángeles", "CA", "32", "32020", 55),
                club("IME-102", A2, "Club Jalisco de Chicago", "CHICAGO", "Chicago", "IL", "14", "14093", 28),
                club("IME-104", A4, "Club Fresnillo de Chicago", "CHICAGO", "Chicago", "IL", "32", "32010", 31),
                club("IME-106", A6, "Club Tepatitlán de Houston", "HOUSTON", "Houston", "TX", "14", "14093", 20)));
        String corrected = lake.deliver(ConformedTables.PROJECT, "projects", "2010", "3x1_2010_corregido.csv", List.of(
                project(2010, "3X1-ZAC-2010-0003", A1, "32", "32010", "AGUA POTABLE", "EN EJECUCION", 90_000, 0, 500L),
                project(2010, "3X1-ZAC-2010-0004", A4, "32", "32010", "EDUCACION", "APROBADO", 25_000, 10_000, null),
                project(2010, "3X1-GTO-2010-0005", A5, "11", "11021", "PAVIMENTACION", "CANCELADO", 60_000, 0, 300L)), 1);
        links(corrected, "3x1_2010_corregido.csv");
        lake.conformedOnly(ConformedTables.UNRESOLVED, "project-2010", corrected, List.of());
        lake.writeManifest();
    }

    /**
     * The reference tables written again under a new load, as transform writes them on every run:
     * the same rows, or with Jerez (32020) under its full name (the manifest is the caller's to write).
     */
    void referenceDataAgain(String loadId, boolean renameJerez) {
        referenceLoad = loadId;
        if (renameJerez) {
            jerez = "Jerez de García Salinas";
        }
        referenceData();
    }

    private void reference(TableSchema table, List<Object[]> rows) {
        if (referenceLoad == null) {
            lake.whole(table, rows);
        } else {
            lake.wholeUnderLoad(table, referenceLoad + "-" + table.name(), rows);
        }
    }

    private void referenceData() {
        TableSchema s = ConformedTables.REF_STATE;
        reference(s, List.of(
                row(s, "state_code", "11", "state_name", "Guanajuato", "state_abbr", "Gto."),
                row(s, "state_code", "14", "state_name", "Jalisco", "state_abbr", "Jal."),
                row(s, "state_code", "16", "state_name", "Michoacán de Ocampo", "state_abbr", "Mich."),
                row(s, "state_code", "32", "state_name", "Zacatecas", "state_abbr", "Zac.")));
        TableSchema m = ConformedTables.REF_MUNICIPALITY;
        reference(m, List.of(
                row(m, "municipality_key", "11021", "state_code", "11", "municipality_code", "021",
                        "municipality_name", "Moroleón", "population_2020", 47261L),
                row(m, "municipality_key", "14093", "state_code", "14", "municipality_code", "093",
                        "municipality_name", "Tepatitlán de Morelos", "population_2020", 150190L),
                row(m, "municipality_key", "32010", "state_code", "32", "municipality_code", "010",
                        "municipality_name", "Fresnillo", "population_2020", 240532L),
                row(m, "municipality_key", "32020", "state_code", "32", "municipality_code", "020",
                        "municipality_name", jerez, "population_2020", 59910L)));
        TableSchema u = ConformedTables.REF_US_STATE;
        reference(u, List.of(
                row(u, "usps_code", "CA", "fips_code", "06", "name", "California"),
                row(u, "usps_code", "IL", "fips_code", "17", "name", "Illinois"),
                row(u, "usps_code", "TX", "fips_code", "48", "name", "Texas")));
        TableSchema y = ConformedTables.REF_YEAR;
        reference(y, List.of(
                row(y, "year", 2006, "inpc_mean", 84.0, "fix_mean", 10.9, "inpc_months", 12, "fix_months", 12),
                row(y, "year", 2007, "inpc_mean", 87.0, "fix_mean", 10.9, "inpc_months", 12, "fix_months", 12),
                row(y, "year", 2008, "inpc_mean", 90.0, "fix_mean", 11.1, "inpc_months", 12, "fix_months", 12),
                row(y, "year", 2009, "inpc_mean", INPC_2009, "fix_mean", FIX_2009, "inpc_months", 12, "fix_months", 12),
                row(y, "year", 2010, "inpc_mean", INPC_2010, "fix_mean", FIX_2010, "inpc_months", 12, "fix_months", 12),
                row(y, "year", 2011, "inpc_mean", 102.0, "fix_mean", 12.4, "inpc_months", 12, "fix_months", 12),
                row(y, "year", 2012, "inpc_mean", INPC_2012, "fix_mean", 13.2, "inpc_months", 12, "fix_months", 12),
                row(y, "year", 2013, "inpc_mean", 109.0, "fix_mean", null, "inpc_months", 12, "fix_months", 0)));
    }

    /**
     * Adds an association known only from 3x1 projects to the association table, rewritten whole
     * as the conform stage rewrites it (the manifest is the caller's to write).
     */
    void addAssociationKnownFrom3x1(String associationId, String name, String normalizedName, String originState) {
        laterAssociations.add(row(ConformedTables.ASSOCIATION, "association_id", associationId, "name", name,
                "normalized_name", normalizedName, "origin_state_code", originState));
        associations(a6Listed);
    }

    private void associations(boolean withA6) {
        a6Listed = withA6;
        TableSchema a = ConformedTables.ASSOCIATION;
        List<Object[]> rows = new ArrayList<>(List.of(
                row(a, "association_id", A1, "name", "Club Social Zacatecano Los Angeles",
                        "normalized_name", "social zacatecano los angeles", "origin_state_code", "32", "ime_id", "IME-101"),
                row(a, "association_id", A2, "name", "Club Jalisco de Chicago", "normalized_name", "jalisco chicago",
                        "origin_state_code", "14", "ime_id", "IME-102"),
                row(a, "association_id", A3, "name", "Club Michoacano de Dallas", "normalized_name", "michoacano dallas",
                        "origin_state_code", "16", "ime_id", "IME-103"),
                row(a, "association_id", A4, "name", "Club Fresnillo de Chicago", "normalized_name", "fresnillo chicago",
                        "origin_state_code", "32", "ime_id", "IME-104"),
                row(a, "association_id", A5, "name", "Club Guanajuato Unido", "normalized_name", "guanajuato unido",
                        "origin_state_code", "11")));
        if (withA6) {
            rows.add(row(a, "association_id", A6, "name", "Club Tepatitlán de Houston",
                    "normalized_name", "tepatitlan houston", "origin_state_code", "14", "ime_id", "IME-106"));
        }
        rows.addAll(laterAssociations);
        lake.whole(a, rows);
    }

    private void registry(String date, String file, List<Object[]> rows) {
        for (Object[] r : rows) {
            r[ConformedTables.REGISTRY_SNAPSHOT.indexOf("snapshot_date")] = date(date);
            r[ConformedTables.REGISTRY_SNAPSHOT.indexOf("snapshot_year")] = Integer.parseInt(date.substring(0, 4));
        }
        lake.deliver(ConformedTables.REGISTRY_SNAPSHOT, "registry", date, file, rows, 0);
    }

    private static Object[] club(String orgId, String associationId, String name, String consulateId,
                                 String consulateName, String usState, String originState, String originMunicipality,
                                 int members) {
        return row(ConformedTables.REGISTRY_SNAPSHOT, "organization_id", orgId, "association_id", associationId,
                "historic", false, "registry_key", "TN-" + orgId, "name", name, "org_type", "CLUB",
                "consulate_id", consulateId, "consulate_name", consulateName, "us_state_code", usState,
                "origin_state_code", originState, "origin_municipality_key", originMunicipality,
                "founded_year", 1995, "registered_date", date("2006-03-01"), "members", members);
    }

    /** A 1:1:1:1 project of {@code share} pesos per partner plus {@code other} pesos. */
    static Object[] project(int year, String folio, String associationId, String state, String municipality,
                            String category, String status, long share, long other, Long beneficiaries) {
        long cents = share * 100;
        long otherCents = other * 100;
        long total = 4 * cents + otherCents;
        double inpc = year == 2009 ? INPC_2009 : INPC_2010;
        double fix = year == 2009 ? FIX_2009 : FIX_2010;
        TableSchema p = ConformedTables.PROJECT;
        return row(p, "fiscal_year", year, "folio", folio, "layout", "2013", "state_code", state,
                "municipality_key", municipality, "geo_rule", "CODE", "project_name", "Obra " + folio,
                "category", category, "category_rule", "CATEGORIA", "association_id", associationId,
                "club_name", "club " + associationId, "status", status, "beneficiaries", beneficiaries,
                "federal_mxn", cents, "state_mxn", cents, "municipal_mxn", cents, "migrant_mxn", cents,
                "other_mxn", otherCents, "total_mxn", total, "base_year", BASE_YEAR,
                "federal_mxn_const", constant(cents, inpc), "state_mxn_const", constant(cents, inpc),
                "municipal_mxn_const", constant(cents, inpc), "migrant_mxn_const", constant(cents, inpc),
                "other_mxn_const", constant(otherCents, inpc), "total_mxn_const", constant(total, inpc),
                "federal_usd", dollars(cents, fix), "state_usd", dollars(cents, fix),
                "municipal_usd", dollars(cents, fix), "migrant_usd", dollars(cents, fix),
                "other_usd", dollars(otherCents, fix), "total_usd", dollars(total, fix));
    }

    static long constant(long cents, double inpc) {
        return Math.round(cents * INPC_2012 / inpc);
    }

    static long dollars(long cents, double fix) {
        return Math.round(cents / fix);
    }

    private static Object[] respondent(String id, String country, String originState, String band, String member,
                                       String remits, String associationId, double weight) {
        return row(ConformedTables.SURVEY_RESPONSE, "survey", "PEW", "year", 2010, "respondent_id", id,
                "country_of_birth", country, "born_in_mexico", "MX".equals(country), "origin_state_code", originState,
                "us_state_code", "CA", "years_in_us_band", band, "member_association", member,
                "sends_remittances", remits, "association_id", associationId, "weight", weight);
    }

    private static Object[] activity(String consulateId, String name, String usState, int month, Long matriculas,
                                     Long vds) {
        return row(ConformedTables.CONSULAR_ACTIVITY, "consulate_id", consulateId, "consulate_name", name,
                "us_state_code", usState, "year", 2010, "month", month, "matriculas_issued", matriculas,
                "vds_services", vds);
    }

    private void links(String loadId, String file) {
        TableSchema l = ConformedTables.ASSOCIATION_LINK;
        lake.conformedOnly(l, "project-2010", loadId, List.of(
                row(l, "source_table", "project", "period", "2010", "source_record_id", "3X1-ZAC-2010-0003",
                        "source_file", file, "source_line", 2L, "source_name", "Club Zacatecano L.A.",
                        "normalized_name", "zacatecano la", "origin_state_code", "32", "association_id", A1,
                        "rule", "SIMILAR_NAME", "score", 0.91, "candidates", 0, "load_id", loadId),
                row(l, "source_table", "project", "period", "2010", "source_record_id", "3X1-GTO-2010-0005",
                        "source_file", file, "source_line", 4L, "source_name", "Club Guanajuato Unido",
                        "normalized_name", "guanajuato unido", "origin_state_code", "11", "association_id", A5,
                        "rule", "NEW", "score", 1.0, "candidates", 0, "load_id", loadId)));
    }
}
