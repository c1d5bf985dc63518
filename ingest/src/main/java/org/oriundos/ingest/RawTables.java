package org.oriundos.ingest;

import java.util.List;
import org.oriundos.ingest.banxico.RemittanceRecord;
import org.oriundos.ingest.consular.ActivityRecord;
import org.oriundos.ingest.lake.RowType;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.ingest.registry.RegistryRecord;
import org.oriundos.ingest.sedesol.ProjectRecord;
import org.oriundos.ingest.survey.SurveyRecord;

/**
 * The tables ingest lands in the lake's {@code raw} zone, one per source, partitioned by the
 * delivery's period: {@code raw/<table>/period=<period>/part-NNNNN.parquet}. This is the contract
 * with {@code transform}: values are typed and cleaned (trimmed, blanks collapsed, NFC), not yet
 * conformed (names are still as the provider wrote them). Personal data never appears here.
 * A data table's rows are records ({@link ProjectRecord}, {@link RegistryRecord}, …) and its
 * schema is derived from the record by its {@link RowType}.
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
    public static final RowType<RegistryRecord> REGISTRY_ROWS =
            RowType.withLineage("registry", RegistryRecord.class);

    /** The columns of {@link RegistryRecord}, then the lineage. */
    public static final TableSchema REGISTRY = REGISTRY_ROWS.schema();

    /** Monthly activity per consulate. Period: the year {@code yyyy} of the file name. */
    public static final RowType<ActivityRecord> CONSULAR_ACTIVITY_ROWS =
            RowType.withLineage("consular_activity", ActivityRecord.class);

    /** The columns of {@link ActivityRecord}, then the lineage. */
    public static final TableSchema CONSULAR_ACTIVITY = CONSULAR_ACTIVITY_ROWS.schema();

    /**
     * 3x1 project records, both layouts. Period: the fiscal year {@code yyyy} of the file name.
     * {@code layout} is {@code 2013} (codes, CATEGORIA, INV_*) or {@code 2002} (names only,
     * TIPO_OBRA free text, APORTACION_*). Codes are zero-padded ({@code 01}, {@code 007}).
     * Amounts are exact pesos of the fiscal year, in hundredths.
     */
    public static final RowType<ProjectRecord> PROJECTS_ROWS =
            RowType.withLineage("projects", ProjectRecord.class);

    /** The columns of {@link ProjectRecord}, then the lineage. */
    public static final TableSchema PROJECTS = PROJECTS_ROWS.schema();

    /**
     * Survey microdata. Period: {@code <SURVEY>_<YEAR>} of the file name. Yes/no answers keep
     * their code ({@code Y}, {@code N}, {@code DK}, {@code REF}; null when blank). Numeric answers
     * coded 98/99 are null with the reason ({@code DK}/{@code REF}) in the matching
     * {@code *_missing} column.
     */
    public static final RowType<SurveyRecord> SURVEY_ROWS =
            RowType.withLineage("survey", SurveyRecord.class);

    /** The columns of {@link SurveyRecord}, then the lineage. */
    public static final TableSchema SURVEY = SURVEY_ROWS.schema();

    /**
     * Banco de México's remittance series (SIE exports), turned from the export's wide layout (one
     * column per series, one row per period) into long rows: one per series and period. Period: the
     * export's consultation time ({@code Fecha de consulta}), {@code yyyy-MM-ddTHHmmss}, so that every
     * export is a partition of its own and a later one never wipes an earlier one's series; which
     * export's value counts for a series and period is decided downstream (the latest consulted).
     * {@code value} is the number exactly as delivered, in {@code unit} (null for {@code N/E} or a
     * blank cell: not available, not zero). {@code state_name} and {@code municipality_name} are
     * read from the series title ({@code Ingresos por Remesas Familiares, <state>} or
     * {@code Ingresos por Remesas, Distribución por Municipio, <state>, <municipality>}), as
     * Banco de México writes them; both null for a title of another form.
     * {@code _source_line} is the data row's line and {@code source_column} the cell's column
     * (1 is the Fecha column), so every value leads back to one cell of the delivered file.
     */
    public static final RowType<RemittanceRecord> REMITTANCES_ROWS =
            RowType.withLineage("remittances", RemittanceRecord.class);

    /** The columns of {@link RemittanceRecord}, then the lineage. */
    public static final TableSchema REMITTANCES = REMITTANCES_ROWS.schema();    // the cell's column in the file, 1 = Fecha

    /**
     * Every row that could not be loaded, partitioned like the data it belongs to:
     * {@code rejects/<table>/period=<period>/}. Replaced together with that partition.
     * {@code line} is the physical line where the record starts; {@code column} is the header
     * as delivered (null for a whole-row fault); {@code value} never holds personal data.
     */
    public static final RowType<RejectRow> REJECT_ROWS = RowType.of("rejects", RejectRow.class);

    /** The columns of {@link RejectRow}. */
    public static final TableSchema REJECTS = REJECT_ROWS.schema();

    /**
     * The file ledger, append-only: one row per file the pipeline took a decision on, in
     * {@code ledger/<loaded_at>-<load_id>.parquet}. The current delivery of a (table, period) is
     * its latest LOADED entry. {@code load_id} is the first 16 hex digits of the file's SHA-256.
     * Always {@code rows_read = rows_loaded + rows_rejected + rows_skipped}. {@code absent_columns}
     * names the layout's columns the file was taken without (null when it had them all).
     */
    public static final RowType<LedgerRow> LEDGER_ROWS = RowType.of("ledger", LedgerRow.class);

    /** The columns of {@link LedgerRow}. */
    public static final TableSchema LEDGER = LEDGER_ROWS.schema();

    /** The data table of each source. */
    public static List<TableSchema> dataTables() {
        return List.of(REGISTRY, CONSULAR_ACTIVITY, PROJECTS, SURVEY, REMITTANCES);
    }

}
