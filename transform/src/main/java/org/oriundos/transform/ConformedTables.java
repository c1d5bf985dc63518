package org.oriundos.transform;

import java.util.List;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.RowType;
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
    public static final RowType<ConformedRegistrySnapshot> REGISTRY_SNAPSHOT_ROWS =
            RowType.withLineage("registry_snapshot", ConformedRegistrySnapshot.class);

    /** The columns of {@link ConformedRegistrySnapshot}, then the lineage. */
    public static final TableSchema REGISTRY_SNAPSHOT = REGISTRY_SNAPSHOT_ROWS.schema();

    /**
     * 3x1 projects. Partition: the fiscal year. Money columns say their unit: {@code *_mxn} nominal
     * pesos of the fiscal year, {@code *_mxn_const} constant pesos of {@code base_year},
     * {@code *_usd} dollars at that year's mean FIX rate; all exact hundredths.
     */
    public static final RowType<ConformedProject> PROJECT_ROWS =
            RowType.withLineage("project", ConformedProject.class);

    /** The columns of {@link ConformedProject}, then the lineage. */
    public static final TableSchema PROJECT = PROJECT_ROWS.schema();

    /** Survey respondents. Partition: {@code <SURVEY>_<YEAR>}. */
    public static final RowType<ConformedSurveyResponse> SURVEY_RESPONSE_ROWS =
            RowType.withLineage("survey_response", ConformedSurveyResponse.class);

    /** The columns of {@link ConformedSurveyResponse}, then the lineage. */
    public static final TableSchema SURVEY_RESPONSE = SURVEY_RESPONSE_ROWS.schema();

    /** Consular activity per consulate and month. Partition: the year. */
    public static final RowType<ConformedActivity> CONSULAR_ACTIVITY_ROWS =
            RowType.withLineage("consular_activity", ConformedActivity.class);

    /** The columns of {@link ConformedActivity}, then the lineage. */
    public static final TableSchema CONSULAR_ACTIVITY = CONSULAR_ACTIVITY_ROWS.schema();

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
    public static final RowType<ConformedRemittance> REMITTANCE_ROWS =
            RowType.withLineage("remittance", ConformedRemittance.class);

    /** The columns of {@link ConformedRemittance}, then the lineage. */
    public static final TableSchema REMITTANCE = REMITTANCE_ROWS.schema();

    /**
     * One row per association identity (not partitioned). Ids are stable: once given, an id is
     * never renumbered by a later night.
     */
    public static final RowType<ConformedAssociation> ASSOCIATION_ROWS =
            RowType.of(LakeLayout.REGISTRY_TABLE, ConformedAssociation.class);
    public static final TableSchema ASSOCIATION = ASSOCIATION_ROWS.schema();

    /**
     * For every association-bearing source record, which association it was linked to, by which
     * rule and with what evidence (docs/conform.md, "One identity per association"). Partition:
     * {@code <source_table>-<period>}. {@code score} is 1 for key and override rules, else the match
     * probability of the best candidate (0 when there was none); {@code match_weight} (bits) and
     * {@code match_probability} are the best candidate's (for MATCH, the association linked to),
     * null when no model was needed; {@code candidates} how many candidate associations the model
     * scored; {@code runner_up_*} the best other candidate.
     */
    public static final RowType<ConformedAssociationLink> ASSOCIATION_LINK_ROWS =
            RowType.of("association_link", ConformedAssociationLink.class);

    /** The columns of {@link ConformedAssociationLink}. */
    public static final TableSchema ASSOCIATION_LINK = ASSOCIATION_LINK_ROWS.schema();

    /**
     * The review list: one row per candidate of every record kept apart for review (rules REVIEW,
     * AMBIGUOUS, KEY_CONFLICT), with the match weight broken down by comparison (level and bits)
     * and the two lines of the override file that settle it. Partition: {@code <source_table>-<period>}.
     */
    public static final RowType<ConformedAssociationReview> ASSOCIATION_REVIEW_ROWS =
            RowType.of("association_review", ConformedAssociationReview.class);

    /** The columns of {@link ConformedAssociationReview}. */
    public static final TableSchema ASSOCIATION_REVIEW = ASSOCIATION_REVIEW_ROWS.schema();

    /** Values no rule could resolve, with their source row. Partition: {@code <source_table>-<period>}. */
    public static final RowType<UnresolvedValue> UNRESOLVED_ROWS =
            RowType.of("unresolved", UnresolvedValue.class);

    /** The columns of {@link UnresolvedValue}. */
    public static final TableSchema UNRESOLVED = UNRESOLVED_ROWS.schema();

    /** INEGI states (not partitioned). */
    public static final RowType<ConformedState> REF_STATE_ROWS =
            RowType.of("ref_state", ConformedState.class);

    /** The columns of {@link ConformedState}. */
    public static final TableSchema REF_STATE = REF_STATE_ROWS.schema();

    /** INEGI municipalities (not partitioned). */
    public static final RowType<ConformedMunicipality> REF_MUNICIPALITY_ROWS =
            RowType.of("ref_municipality", ConformedMunicipality.class);

    /** The columns of {@link ConformedMunicipality}. */
    public static final TableSchema REF_MUNICIPALITY = REF_MUNICIPALITY_ROWS.schema();

    /**
     * CONAPO's 2020 migration intensity per municipality (not partitioned): grade (Muy alto, Alto,
     * Medio, Bajo, Muy bajo, Nulo), index and national rank (null for Nulo), and the share of
     * households receiving remittances.
     */
    public static final RowType<ConformedMigrationIntensity> REF_MIGRATION_INTENSITY_ROWS =
            RowType.of("ref_migration_intensity", ConformedMigrationIntensity.class);

    /** The columns of {@link ConformedMigrationIntensity}. */
    public static final TableSchema REF_MIGRATION_INTENSITY = REF_MIGRATION_INTENSITY_ROWS.schema();

    /** US states, DC and territories (not partitioned). */
    public static final RowType<ConformedUsState> REF_US_STATE_ROWS =
            RowType.of("ref_us_state", ConformedUsState.class);

    /** The columns of {@link ConformedUsState}. */
    public static final TableSchema REF_US_STATE = REF_US_STATE_ROWS.schema();

    /** Yearly money reference: mean INPC and mean FIX rate of the year's months (not partitioned). */
    public static final RowType<ConformedYear> REF_YEAR_ROWS =
            RowType.of("ref_year", ConformedYear.class);

    /** The columns of {@link ConformedYear}. */
    public static final TableSchema REF_YEAR = REF_YEAR_ROWS.schema();

    /**
     * What the conformed zone holds, one row per conformed partition, rewritten whole by every
     * transform run in {@code conformed/manifest/} ({@link ConformedManifest}). {@code fingerprint} changes when anything the
     * partition was conformed with changes (raw load, reference data, alias or override files,
     * base year, rules), so the warehouse applies exactly the partitions whose
     * {@code (load_id, fingerprint)} differ from what it holds.
     */
    public static final RowType<ConformedManifest.Entry> MANIFEST_ROWS =
            RowType.of(LakeLayout.MANIFEST_TABLE, ConformedManifest.Entry.class);

    /** The columns of {@link ConformedManifest.Entry}. */
    public static final TableSchema MANIFEST = MANIFEST_ROWS.schema();

    public static List<TableSchema> partitioned() {
        return List.of(REGISTRY_SNAPSHOT, PROJECT, SURVEY_RESPONSE, CONSULAR_ACTIVITY, REMITTANCE, ASSOCIATION_LINK, ASSOCIATION_REVIEW,
                UNRESOLVED);
    }

    public static List<TableSchema> whole() {
        return List.of(ASSOCIATION, REF_STATE, REF_MUNICIPALITY, REF_MIGRATION_INTENSITY, REF_US_STATE, REF_YEAR,
                MANIFEST);
    }
}
