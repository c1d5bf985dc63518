package org.oriundos.ingest;

import static org.oriundos.ingest.lake.Column.optional;
import static org.oriundos.ingest.lake.Column.required;
import static org.oriundos.ingest.lake.ColumnType.BOOLEAN;
import static org.oriundos.ingest.lake.ColumnType.DATE;
import static org.oriundos.ingest.lake.ColumnType.DECIMAL_2;
import static org.oriundos.ingest.lake.ColumnType.DOUBLE;
import static org.oriundos.ingest.lake.ColumnType.INT32;
import static org.oriundos.ingest.lake.ColumnType.INT64;
import static org.oriundos.ingest.lake.ColumnType.STRING;
import static org.oriundos.ingest.lake.ColumnType.TIMESTAMP;

import java.util.List;
import org.oriundos.ingest.lake.TableSchema;

/**
 * The tables ingest lands in the lake's {@code raw} zone, one per source, partitioned by the
 * delivery's period: {@code raw/<table>/period=<period>/part-NNNNN.parquet}. This is the contract
 * with {@code transform}: values are typed and cleaned (trimmed, blanks collapsed, NFC), not yet
 * conformed (names are still as the provider wrote them). Personal data never appears here.
 */
public final class RawTables {
    private RawTables() {
    }

    /**
     * IME directory snapshots, current and historic layouts. Period: the snapshot date
     * {@code yyyy-MM-dd}. Historic rows have no IME id: {@code organization_id} is then a stable
     * id of the pipeline's own, {@code H-} followed by a hash of the normalised name, US state,
     * origin state and city, and {@code historic} is true.
     */
    public static final TableSchema REGISTRY = TableSchema.withLineage("registry", List.of(
            required("snapshot_date", DATE),
            required("organization_id", STRING),
            required("historic", BOOLEAN),
            optional("registry_key", STRING),      // CLAVE_TOMA_NOTA
            required("name", STRING),              // NOMBRE
            optional("org_type", STRING),          // TIPO: CLUB, FEDERACION, CONFEDERACION, ASOCIACION
            optional("federation", STRING),
            optional("consulate", STRING),         // required in the current layout
            optional("city", STRING),
            optional("us_state", STRING),          // as written: USPS code, name, or a province
            optional("country", STRING),           // null = United States
            optional("origin_state", STRING),      // as written
            optional("origin_municipality", STRING),
            optional("founded_year", INT32),
            optional("founded_date", DATE),        // only when a full dd/mm/yyyy was given
            optional("registered_date", DATE),     // required in the current layout
            optional("members", INT32)));

    /** Monthly activity per consulate. Period: the year {@code yyyy} of the file name. */
    public static final TableSchema CONSULAR_ACTIVITY = TableSchema.withLineage("consular_activity", List.of(
            required("consulate", STRING),
            optional("us_state", STRING),
            required("year", INT32),
            required("month", INT32),
            optional("matriculas_issued", INT64),
            optional("vds_services", INT64),
            optional("vds_referrals", INT64),
            optional("vds_tests", INT64),
            optional("plazas_active", INT64),
            optional("plazas_students", INT64)));

    /**
     * 3x1 project records, both layouts. Period: the fiscal year {@code yyyy} of the file name.
     * {@code layout} is {@code 2013} (codes, CATEGORIA, INV_*) or {@code 2002} (names only,
     * TIPO_OBRA free text, APORTACION_*). Codes are zero-padded ({@code 01}, {@code 007}).
     * Amounts are exact pesos of the fiscal year, in hundredths.
     */
    public static final TableSchema PROJECTS = TableSchema.withLineage("projects", List.of(
            required("fiscal_year", INT32),
            required("folio", STRING),
            required("layout", STRING),
            optional("state_code", STRING),        // CVE_ENT, 2 digits
            optional("state_name", STRING),        // NOM_ENT or ESTADO
            optional("municipality_code", STRING), // CVE_MUN, 3 digits
            optional("municipality_name", STRING), // NOM_MUN or MUNICIPIO
            optional("locality", STRING),
            optional("project_name", STRING),      // NOMBRE_PROYECTO; until 2007 TIPO_OBRA; null when a 2013 file has no title column
            optional("category", STRING),          // CATEGORIA (2013 layout), one of the fourteen
            optional("work_type", STRING),         // TIPO_OBRA (2002 layout), free text
            optional("club_key", STRING),          // CLAVE_CLUB
            required("club_name", STRING),
            optional("federation", STRING),
            optional("club_us_state", STRING),
            required("federal_mxn", DECIMAL_2),
            required("state_mxn", DECIMAL_2),
            required("municipal_mxn", DECIMAL_2),
            required("migrant_mxn", DECIMAL_2),
            required("other_mxn", DECIMAL_2),      // INV_OTROS, blank = 0
            optional("beneficiaries", INT64),
            required("status", STRING),            // APROBADO, EN EJECUCION, CONCLUIDO, CANCELADO
            optional("approved_date", DATE)));

    /**
     * Survey microdata. Period: {@code <SURVEY>_<YEAR>} of the file name. Yes/no answers keep
     * their code ({@code Y}, {@code N}, {@code DK}, {@code REF}; null when blank). Numeric answers
     * coded 98/99 are null with the reason ({@code DK}/{@code REF}) in the matching
     * {@code *_missing} column.
     */
    public static final TableSchema SURVEY = TableSchema.withLineage("survey", List.of(
            required("respondent_id", STRING),
            required("survey", STRING),
            required("year", INT32),
            optional("country_of_birth", STRING),
            optional("mx_state_of_origin", STRING),
            optional("us_state", STRING),
            optional("years_in_us", INT32),
            optional("years_in_us_missing", STRING),
            optional("age", INT32),
            optional("age_missing", STRING),
            optional("sex", STRING),
            optional("education", STRING),
            optional("income_band", STRING),
            optional("sends_remittances", STRING),
            optional("calls_home_weekly", STRING),
            optional("trips_home", INT32),
            optional("trips_home_missing", STRING),
            optional("member_association", STRING),
            optional("association_name", STRING),
            required("weight", DOUBLE)));

    /**
     * Every row that could not be loaded, partitioned like the data it belongs to:
     * {@code rejects/<table>/period=<period>/}. Replaced together with that partition.
     * {@code line} is the physical line where the record starts; {@code column} is the header
     * as delivered (null for a whole-row fault); {@code value} never holds personal data.
     */
    public static final TableSchema REJECTS = TableSchema.of("rejects", List.of(
            required("source_file", STRING),
            required("source_table", STRING),
            required("period", STRING),
            required("line", INT64),
            optional("column", STRING),
            optional("value", STRING),
            required("reason", STRING),
            required("load_id", STRING)));

    /**
     * The file ledger, append-only: one row per file the pipeline took a decision on, in
     * {@code ledger/<loaded_at>-<load_id>.parquet}. The current delivery of a (table, period) is
     * its latest LOADED entry. {@code load_id} is the first 16 hex digits of the file's SHA-256.
     * Always {@code rows_read = rows_loaded + rows_rejected + rows_skipped}. {@code absent_columns}
     * names the layout's columns the file was taken without (null when it had them all).
     */
    public static final TableSchema LEDGER = TableSchema.of("ledger", List.of(
            required("load_id", STRING),
            required("file_name", STRING),
            required("source_table", STRING),
            required("period", STRING),
            required("sha256", STRING),
            required("bytes", INT64),
            optional("encoding", STRING),
            optional("layout", STRING),
            required("rows_read", INT64),
            required("rows_loaded", INT64),
            required("rows_rejected", INT64),
            required("rows_skipped", INT64),
            required("status", STRING),            // LOADED, FAILED
            optional("replaced_load_id", STRING),  // the delivery this one replaced
            optional("message", STRING),
            required("loaded_at", TIMESTAMP),
            optional("absent_columns", STRING)));  // the layout's columns the file did not have, comma-separated

    /** The data table of each source. */
    public static List<TableSchema> dataTables() {
        return List.of(REGISTRY, CONSULAR_ACTIVITY, PROJECTS, SURVEY);
    }

}
