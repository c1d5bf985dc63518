package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oriundos.ingest.lake.Column.optional;
import static org.oriundos.ingest.lake.Column.required;
import static org.oriundos.ingest.lake.ColumnType.BOOLEAN;
import static org.oriundos.ingest.lake.ColumnType.DATE;
import static org.oriundos.ingest.lake.ColumnType.DECIMAL_2;
import static org.oriundos.ingest.lake.ColumnType.DOUBLE;
import static org.oriundos.ingest.lake.ColumnType.INT32;
import static org.oriundos.ingest.lake.ColumnType.INT64;
import static org.oriundos.ingest.lake.ColumnType.STRING;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.identity.AssociationRegistryStore;

/**
 * The conformed data tables' schemas are derived from their records; the warehouse reads their
 * files by column name, so they must keep exactly the columns they had when the schemas were
 * spelled out by hand. These are those hand-written schemas, kept as the reference.
 */
class ConformedTablesSchemaTest {
    private static final TableSchema REGISTRY_SNAPSHOT = TableSchema.withLineage("registry_snapshot", List.of(
            required("snapshot_date", DATE),
            required("snapshot_year", INT32),
            required("organization_id", STRING),
            required("association_id", STRING),
            required("historic", BOOLEAN),
            optional("registry_key", STRING),
            required("name", STRING),
            optional("org_type", STRING),
            optional("federation", STRING),
            optional("consulate_id", STRING),        // normalised key, e.g. LOS_ANGELES
            optional("consulate_name", STRING),      // display name, e.g. Los Ángeles
            optional("city", STRING),
            optional("us_state_code", STRING),       // USPS; null if foreign or unresolved
            optional("country", STRING),             // null = United States
            optional("origin_state_code", STRING),   // INEGI 2 digits
            optional("origin_municipality_key", STRING), // INEGI 5 digits
            optional("founded_year", INT32),
            optional("registered_date", DATE),
            optional("members", INT32)));

    private static final TableSchema PROJECT = TableSchema.withLineage("project", List.of(
            required("fiscal_year", INT32),
            required("folio", STRING),
            required("layout", STRING),
            optional("state_code", STRING),
            optional("municipality_key", STRING),
            required("geo_rule", STRING),            // GeoRule: CODE, NAME, ALIAS, FORMER_NAME, DISTRICT, SHORT_NAME, PARENT, UNRESOLVED
            optional("locality", STRING),
            optional("project_name", STRING),        // null when a 2013-layout file had no NOMBRE_PROYECTO
            required("category", STRING),            // one of the fourteen CATEGORIA values
            required("category_rule", STRING),       // CATEGORIA, KEYWORD:<keyword> or UNMATCHED
            optional("work_type", STRING),
            required("association_id", STRING),
            optional("club_key", STRING),
            required("club_name", STRING),
            optional("federation", STRING),
            optional("club_us_state_code", STRING),
            required("status", STRING),
            optional("approved_date", DATE),
            optional("beneficiaries", INT64),
            required("federal_mxn", DECIMAL_2),
            required("state_mxn", DECIMAL_2),
            required("municipal_mxn", DECIMAL_2),
            required("migrant_mxn", DECIMAL_2),
            required("other_mxn", DECIMAL_2),
            required("total_mxn", DECIMAL_2),
            required("base_year", INT32),
            required("federal_mxn_const", DECIMAL_2),
            required("state_mxn_const", DECIMAL_2),
            required("municipal_mxn_const", DECIMAL_2),
            required("migrant_mxn_const", DECIMAL_2),
            required("other_mxn_const", DECIMAL_2),
            required("total_mxn_const", DECIMAL_2),
            required("federal_usd", DECIMAL_2),
            required("state_usd", DECIMAL_2),
            required("municipal_usd", DECIMAL_2),
            required("migrant_usd", DECIMAL_2),
            required("other_usd", DECIMAL_2),
            required("total_usd", DECIMAL_2)));

    private static final TableSchema SURVEY_RESPONSE = TableSchema.withLineage("survey_response", List.of(
            required("survey", STRING),
            required("year", INT32),
            required("respondent_id", STRING),
            optional("country_of_birth", STRING),
            required("born_in_mexico", BOOLEAN),
            optional("origin_state_code", STRING),
            optional("us_state_code", STRING),
            optional("years_in_us", INT32),
            optional("years_in_us_band", STRING),    // 0-4, 5-9, 10-19, 20+ or null
            optional("years_in_us_missing", STRING),
            optional("age", INT32),
            optional("age_missing", STRING),
            optional("sex", STRING),
            optional("education", STRING),
            optional("income_band", STRING),
            optional("sends_remittances", STRING),   // Y, N, DK, REF or null
            optional("calls_home_weekly", STRING),
            optional("trips_home", INT32),
            optional("trips_home_missing", STRING),
            optional("member_association", STRING),
            optional("association_name", STRING),
            optional("association_id", STRING),
            required("weight", DOUBLE)));

    private static final TableSchema CONSULAR_ACTIVITY = TableSchema.withLineage("consular_activity", List.of(
            required("consulate_id", STRING),
            required("consulate_name", STRING),
            optional("us_state_code", STRING),
            required("year", INT32),
            required("month", INT32),
            optional("matriculas_issued", INT64),
            optional("vds_services", INT64),
            optional("vds_referrals", INT64),
            optional("vds_tests", INT64),
            optional("plazas_active", INT64),
            optional("plazas_students", INT64)));

    private static final TableSchema REMITTANCE = TableSchema.withLineage("remittance", List.of(
            required("consulted_at", STRING),
            required("series_id", STRING),
            required("title", STRING),
            required("series_level", STRING),
            optional("state_code", STRING),
            optional("municipality_key", STRING),
            required("geo_rule", STRING),
            required("periodicity", STRING),         // QUARTERLY or MONTHLY
            required("period_start", DATE),
            required("period", STRING),              // 2013Q1, 2013-01
            required("year", INT32),
            optional("quarter", INT32),
            optional("month", INT32),
            required("unit", STRING),
            optional("value", STRING),               // as delivered, in unit
            optional("usd", DECIMAL_2),
            optional("rounding_usd", DOUBLE),
            required("base_year", INT32),
            optional("mxn", DECIMAL_2),
            optional("mxn_const", DECIMAL_2),
            required("source_column", INT32)));

    private static final TableSchema MANIFEST = TableSchema.of("manifest", List.of(
            required("table_name", STRING),
            required("period", STRING),
            required("load_id", STRING),
            required("fingerprint", STRING),
            required("rows", INT64)));

    private static final TableSchema ASSOCIATION = TableSchema.of("association", List.of(
            required("association_id", STRING),
            required("name", STRING),
            required("normalized_name", STRING),
            optional("origin_state_code", STRING),
            optional("ime_id", STRING),
            optional("registry_key", STRING)));

    /** The registry's key file (transform's own memory, read back by every night). */
    private static final TableSchema ASSOCIATION_KEY = TableSchema.of("association_key", List.of(
            required("association_id", STRING),
            required("key_type", STRING),
            optional("key_value", STRING),
            optional("origin_state_code", STRING),
            optional("federation", STRING),
            optional("rule", STRING),
            optional("score", DOUBLE),
            optional("name", STRING),
            optional("normalized_name", STRING),
            optional("ime_id", STRING),
            optional("registry_key", STRING),
            optional("source_table", STRING),
            optional("period", STRING),
            optional("record_id", STRING),
            optional("load_id", STRING),
            optional("municipality_key", STRING),
            optional("us_state_code", STRING),
            optional("city", STRING),
            optional("consulate_id", STRING),
            optional("historic_id", STRING),
            optional("match_weight", DOUBLE),
            optional("match_probability", DOUBLE),
            optional("candidates", INT32),
            optional("runner_up_id", STRING),
            optional("runner_up_weight", DOUBLE),
            optional("review", STRING)));

    private static final TableSchema ASSOCIATION_LINK = TableSchema.of("association_link", List.of(
            required("source_table", STRING),
            required("period", STRING),
            required("source_record_id", STRING),
            required("source_file", STRING),
            required("source_line", INT64),
            required("source_name", STRING),
            required("normalized_name", STRING),
            optional("origin_state_code", STRING),
            required("association_id", STRING),
            required("rule", STRING),
            required("score", DOUBLE),
            optional("match_weight", DOUBLE),
            optional("match_probability", DOUBLE),
            required("candidates", INT32),
            optional("runner_up_id", STRING),
            optional("runner_up_weight", DOUBLE),
            required("load_id", STRING)));

    private static final TableSchema ASSOCIATION_REVIEW = TableSchema.of("association_review", List.of(
            required("source_table", STRING),
            required("period", STRING),
            required("source_record_id", STRING),
            required("source_file", STRING),
            required("source_line", INT64),
            required("source_name", STRING),
            optional("origin_state_code", STRING),
            required("rule", STRING),
            required("association_id", STRING),
            required("candidate_rank", INT32),
            required("candidate_id", STRING),
            optional("candidate_name", STRING),
            required("match_weight", DOUBLE),
            required("match_probability", DOUBLE),
            optional("prior_bits", DOUBLE),
            optional("name_level", STRING),
            optional("name_bits", DOUBLE),
            optional("municipality_level", STRING),
            optional("municipality_bits", DOUBLE),
            optional("us_state_level", STRING),
            optional("us_state_bits", DOUBLE),
            optional("city_level", STRING),
            optional("city_bits", DOUBLE),
            optional("federation_level", STRING),
            optional("federation_bits", DOUBLE),
            optional("consulate_level", STRING),
            optional("consulate_bits", DOUBLE),
            optional("time_level", STRING),
            optional("time_bits", DOUBLE),
            required("explanation", STRING),
            required("override_link", STRING),
            required("override_apart", STRING),
            required("load_id", STRING)));

    private static final TableSchema UNRESOLVED = TableSchema.of("unresolved", List.of(
            required("source_table", STRING),
            required("period", STRING),
            required("source_file", STRING),
            required("source_line", INT64),
            required("column", STRING),
            required("value", STRING),
            optional("context", STRING),
            required("reason", STRING),
            required("load_id", STRING),
            optional("reason_code", STRING),         // added after load_id: older files read with null
            optional("reason_args", STRING)));

    private static final TableSchema REF_STATE = TableSchema.of("ref_state", List.of(
            required("state_code", STRING),
            required("state_name", STRING),
            required("state_abbr", STRING)));

    private static final TableSchema REF_MUNICIPALITY = TableSchema.of("ref_municipality", List.of(
            required("municipality_key", STRING),
            required("state_code", STRING),
            required("municipality_code", STRING),
            required("municipality_name", STRING),
            optional("population_2020", INT64)));

    private static final TableSchema REF_MIGRATION_INTENSITY = TableSchema.of("ref_migration_intensity", List.of(
            required("municipality_key", STRING),
            required("grade", STRING),
            optional("intensity_index", DOUBLE),
            optional("national_rank", INT32),
            required("households_receiving_remittances_pct", DOUBLE)));

    private static final TableSchema REF_US_STATE = TableSchema.of("ref_us_state", List.of(
            required("usps_code", STRING),
            required("fips_code", STRING),
            required("name", STRING)));

    private static final TableSchema REF_YEAR = TableSchema.of("ref_year", List.of(
            required("year", INT32),
            optional("inpc_mean", DOUBLE),
            optional("fix_mean", DOUBLE),
            required("inpc_months", INT32),
            required("fix_months", INT32)));

    @Test
    void everyDerivedConformedSchemaHasTheColumnsTheLakeHadInTheSameOrderTypesAndNullability() {
        List<TableSchema> expected = List.of(REGISTRY_SNAPSHOT, PROJECT, SURVEY_RESPONSE, CONSULAR_ACTIVITY, REMITTANCE, MANIFEST,
                ASSOCIATION, ASSOCIATION_KEY, ASSOCIATION_LINK, ASSOCIATION_REVIEW, UNRESOLVED, REF_STATE, REF_MUNICIPALITY, REF_MIGRATION_INTENSITY,
                REF_US_STATE, REF_YEAR);
        List<TableSchema> derived = List.of(ConformedTables.REGISTRY_SNAPSHOT, ConformedTables.PROJECT, ConformedTables.SURVEY_RESPONSE, ConformedTables.CONSULAR_ACTIVITY, ConformedTables.REMITTANCE,
                ConformedTables.MANIFEST, ConformedTables.ASSOCIATION, AssociationRegistryStore.KEYS,
                ConformedTables.ASSOCIATION_LINK, ConformedTables.ASSOCIATION_REVIEW, ConformedTables.UNRESOLVED,
                ConformedTables.REF_STATE, ConformedTables.REF_MUNICIPALITY, ConformedTables.REF_MIGRATION_INTENSITY,
                ConformedTables.REF_US_STATE, ConformedTables.REF_YEAR);
        assertThat(derived).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(derived.get(i).name()).isEqualTo(expected.get(i).name());
            assertThat(derived.get(i).columns()).as(expected.get(i).name())
                    .containsExactlyElementsOf(expected.get(i).columns());
            assertThat(ParquetTableWriter.messageType(derived.get(i)))
                    .isEqualTo(ParquetTableWriter.messageType(expected.get(i)));
        }
    }
}
