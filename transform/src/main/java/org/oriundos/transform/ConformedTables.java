package org.oriundos.transform;

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
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.TableSchema;

/**
 * The tables transform writes to the lake's {@code conformed} zone: the contract with
 * {@code warehouse}. Partitioned tables sit in {@code conformed/<table>/period=<period>/},
 * with the same period as the raw partition they come from; the others in
 * {@code conformed/<table>/} and are rewritten whole.
 *
 * <p>Conformed means: Mexican places as INEGI codes ({@code state_code} {@code "01"}…{@code "32"},
 * {@code municipality_key} the 5-digit CVE_ENT+CVE_MUN), US states as USPS codes, every
 * association-bearing record with an {@code association_id}, every 3x1 amount also in constant
 * pesos and dollars, every project in one of the fourteen categories. A value that could not be
 * resolved is {@code null} here and listed in {@link #UNRESOLVED}; nothing is guessed.
 */
public final class ConformedTables {
    private ConformedTables() {
    }

    /** Registry snapshot rows. Partition: the snapshot date {@code yyyy-MM-dd}. */
    public static final TableSchema REGISTRY_SNAPSHOT = TableSchema.withLineage("registry_snapshot", List.of(
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

    /**
     * 3x1 projects. Partition: the fiscal year. Money columns say their unit: {@code *_mxn} nominal
     * pesos of the fiscal year, {@code *_mxn_const} constant pesos of {@code base_year},
     * {@code *_usd} dollars at that year's mean FIX rate; all exact hundredths.
     */
    public static final TableSchema PROJECT = TableSchema.withLineage("project", List.of(
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

    /** Survey respondents. Partition: {@code <SURVEY>_<YEAR>}. */
    public static final TableSchema SURVEY_RESPONSE = TableSchema.withLineage("survey_response", List.of(
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

    /** Consular activity per consulate and month. Partition: the year. */
    public static final TableSchema CONSULAR_ACTIVITY = TableSchema.withLineage("consular_activity", List.of(
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

    /**
     * Banco de México's family remittances, one row per series and period of one SIE export.
     * Partition: the export's consultation time ({@code yyyy-MM-ddTHHmmss}), as in the raw zone:
     * every export whole; which export's value counts for a series and period (the latest
     * consulted) is the warehouse's choice. {@code series_level}: {@code STATE_TOTAL},
     * {@code MUNICIPALITY}, {@code NOT_IDENTIFIED} (the state's No identificado series) or
     * {@code UNRECOGNIZED} (a title of neither form, listed as unresolved). {@code usd} is the
     * delivered value in dollars, exact to the cent; {@code rounding_usd} half a unit of the
     * value's last delivered digit, in dollars (what rounding alone can explain of a difference);
     * {@code mxn} nominal pesos at the mean FIX of the period's months and {@code mxn_const} pesos of
     * {@code base_year} by the mean INPC of those months (both null when a month is not published).
     * A missing value ({@code N/E}, blank) is null in every amount.
     */
    public static final TableSchema REMITTANCE = TableSchema.withLineage("remittance", List.of(
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

    /**
     * One row per association identity (not partitioned). Ids are stable: once given, an id is
     * never renumbered by a later night.
     */
    public static final TableSchema ASSOCIATION = TableSchema.of(LakeLayout.REGISTRY_TABLE, List.of(
            required("association_id", STRING),
            required("name", STRING),
            required("normalized_name", STRING),
            optional("origin_state_code", STRING),
            optional("ime_id", STRING),
            optional("registry_key", STRING)));

    /**
     * For every association-bearing source record, which association it was linked to, by which
     * rule and with what evidence (docs/conform.md, "One identity per association"). Partition:
     * {@code <source_table>-<period>}. {@code score} is 1 for key and override rules, else the match
     * probability of the best candidate (0 when there was none); {@code match_weight} (bits) and
     * {@code match_probability} are the best candidate's (for MATCH, the association linked to),
     * null when no model was needed; {@code candidates} how many candidate associations the model
     * scored; {@code runner_up_*} the best other candidate.
     */
    public static final TableSchema ASSOCIATION_LINK = TableSchema.of("association_link", List.of(
            required("source_table", STRING),
            required("period", STRING),
            required("source_record_id", STRING),   // registry: organization_id; projects: folio; survey: respondent_id
            required("source_file", STRING),
            required("source_line", INT64),
            required("source_name", STRING),
            required("normalized_name", STRING),
            optional("origin_state_code", STRING),
            required("association_id", STRING),
            required("rule", STRING),               // OVERRIDE_LINK, OVERRIDE_APART, IME_ID, HISTORIC_ID, REGISTRY_KEY, KEY_CONFLICT, MATCH, REVIEW, AMBIGUOUS, NEW
            required("score", DOUBLE),
            optional("match_weight", DOUBLE),
            optional("match_probability", DOUBLE),
            required("candidates", INT32),
            optional("runner_up_id", STRING),
            optional("runner_up_weight", DOUBLE),
            required("load_id", STRING)));

    /**
     * The review list: one row per candidate of every record kept apart for review (rules REVIEW,
     * AMBIGUOUS, KEY_CONFLICT), with the match weight broken down by comparison (level and bits)
     * and the two lines of the override file that settle it. Partition: {@code <source_table>-<period>}.
     */
    public static final TableSchema ASSOCIATION_REVIEW = TableSchema.of("association_review", List.of(
            required("source_table", STRING),
            required("period", STRING),
            required("source_record_id", STRING),
            required("source_file", STRING),
            required("source_line", INT64),
            required("source_name", STRING),
            optional("origin_state_code", STRING),
            required("rule", STRING),
            required("association_id", STRING),     // the record's own identity while it is under review
            required("candidate_rank", INT32),
            required("candidate_id", STRING),
            optional("candidate_name", STRING),
            required("match_weight", DOUBLE),
            required("match_probability", DOUBLE),
            optional("prior_bits", DOUBLE),
            optional("name_level", STRING),         // e.g. near_8, or near_8 (same hometown)
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
            required("explanation", STRING),        // the weight's parts in one line
            required("override_link", STRING),      // the override line that links the record to the candidate
            required("override_apart", STRING),     // the override line that keeps it apart
            required("load_id", STRING)));

    /** Values no rule could resolve, with their source row. Partition: {@code <source_table>-<period>}. */
    public static final TableSchema UNRESOLVED = TableSchema.of("unresolved", List.of(
            required("source_table", STRING),
            required("period", STRING),
            required("source_file", STRING),
            required("source_line", INT64),
            required("column", STRING),
            required("value", STRING),
            optional("context", STRING),            // e.g. the state a municipality was looked up in
            required("reason", STRING),
            required("load_id", STRING)));

    /** INEGI states (not partitioned). */
    public static final TableSchema REF_STATE = TableSchema.of("ref_state", List.of(
            required("state_code", STRING),
            required("state_name", STRING),
            required("state_abbr", STRING)));

    /** INEGI municipalities (not partitioned). */
    public static final TableSchema REF_MUNICIPALITY = TableSchema.of("ref_municipality", List.of(
            required("municipality_key", STRING),
            required("state_code", STRING),
            required("municipality_code", STRING),
            required("municipality_name", STRING),
            optional("population_2020", INT64)));

    /**
     * CONAPO's 2020 migration intensity per municipality (not partitioned): grade (Muy alto, Alto,
     * Medio, Bajo, Muy bajo, Nulo), index and national rank (null for Nulo), and the share of
     * households receiving remittances.
     */
    public static final TableSchema REF_MIGRATION_INTENSITY = TableSchema.of("ref_migration_intensity", List.of(
            required("municipality_key", STRING),
            required("grade", STRING),
            optional("intensity_index", DOUBLE),
            optional("national_rank", INT32),
            required("households_receiving_remittances_pct", DOUBLE)));

    /** US states, DC and territories (not partitioned). */
    public static final TableSchema REF_US_STATE = TableSchema.of("ref_us_state", List.of(
            required("usps_code", STRING),
            required("fips_code", STRING),
            required("name", STRING)));

    /** Yearly money reference: mean INPC and mean FIX rate of the year's months (not partitioned). */
    public static final TableSchema REF_YEAR = TableSchema.of("ref_year", List.of(
            required("year", INT32),
            optional("inpc_mean", DOUBLE),
            optional("fix_mean", DOUBLE),
            required("inpc_months", INT32),
            required("fix_months", INT32)));

    /**
     * What the conformed zone holds, one row per conformed partition, rewritten whole by every
     * transform run in {@code conformed/manifest/} ({@link ConformedManifest}). {@code fingerprint} changes when anything the
     * partition was conformed with changes (raw load, reference data, alias or override files,
     * base year, rules), so the warehouse applies exactly the partitions whose
     * {@code (load_id, fingerprint)} differ from what it holds.
     */
    public static final TableSchema MANIFEST = TableSchema.of(LakeLayout.MANIFEST_TABLE, List.of(
            required("table_name", STRING),
            required("period", STRING),
            required("load_id", STRING),
            required("fingerprint", STRING),
            required("rows", INT64)));

    public static List<TableSchema> partitioned() {
        return List.of(REGISTRY_SNAPSHOT, PROJECT, SURVEY_RESPONSE, CONSULAR_ACTIVITY, REMITTANCE, ASSOCIATION_LINK, ASSOCIATION_REVIEW,
                UNRESOLVED);
    }

    public static List<TableSchema> whole() {
        return List.of(ASSOCIATION, REF_STATE, REF_MUNICIPALITY, REF_MIGRATION_INTENSITY, REF_US_STATE, REF_YEAR,
                MANIFEST);
    }
}
