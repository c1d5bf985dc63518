package org.oriundos.ingest;

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
import static org.oriundos.ingest.lake.ColumnType.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;

/**
 * The raw tables' schemas are derived from their records; the lake's files (and the warehouse,
 * which reads them by name) must see exactly the columns they had when the schemas were spelled
 * out by hand. These are those hand-written schemas, kept as the reference.
 */
class RawTablesSchemaTest {
    private static final TableSchema REGISTRY = TableSchema.withLineage("registry", List.of(
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

    private static final TableSchema CONSULAR_ACTIVITY = TableSchema.withLineage("consular_activity", List.of(
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

    private static final TableSchema PROJECTS = TableSchema.withLineage("projects", List.of(
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

    private static final TableSchema SURVEY = TableSchema.withLineage("survey", List.of(
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

    private static final TableSchema REMITTANCES = TableSchema.withLineage("remittances", List.of(
            required("consulted_at", STRING),      // Fecha de consulta, yyyy-MM-dd HH:mm:ss (Mexico City time, as written)
            required("series_id", STRING),         // SE29695
            required("title", STRING),             // Título, as delivered
            optional("state_name", STRING),        // from the title
            optional("municipality_name", STRING), // from the title; No identificado as written
            required("periodicity", STRING),       // QUARTERLY (Trimestral) or MONTHLY (Mensual)
            required("unit", STRING),              // Unidad, as delivered: Millones de Dólares, Miles de Dólares
            required("period_start", DATE),        // first day of the quarter or month
            optional("value", STRING),             // the number as delivered; null for N/E or blank
            required("source_column", INT32)));

    private static final TableSchema REJECTS = TableSchema.of("rejects", List.of(
            required("source_file", STRING),
            required("source_table", STRING),
            required("period", STRING),
            required("line", INT64),
            optional("column", STRING),
            optional("value", STRING),
            required("reason", STRING),
            required("load_id", STRING),
            optional("reason_code", STRING),   // added after load_id: older files read with null
            optional("reason_args", STRING)));

    private static final TableSchema LEDGER = TableSchema.of("ledger", List.of(
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
            required("status", STRING),
            optional("replaced_load_id", STRING),
            optional("message", STRING),
            required("loaded_at", TIMESTAMP),
            optional("absent_columns", STRING)));

    @Test
    void everyDerivedRawSchemaHasTheColumnsTheLakeHadInTheSameOrderTypesAndNullability() {
        List<TableSchema> expected = List.of(REGISTRY, CONSULAR_ACTIVITY, PROJECTS, SURVEY, REMITTANCES, REJECTS, LEDGER);
        List<TableSchema> derived = new ArrayList<>(RawTables.dataTables());
        derived.add(RawTables.REJECTS);
        derived.add(RawTables.LEDGER);
        assertThat(derived).extracting(TableSchema::name).containsExactlyElementsOf(
                expected.stream().map(TableSchema::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(derived.get(i).columns()).as(expected.get(i).name())
                    .containsExactlyElementsOf(expected.get(i).columns());
            assertThat(ParquetTableWriter.messageType(derived.get(i)))
                    .isEqualTo(ParquetTableWriter.messageType(expected.get(i)));
        }
    }
}
