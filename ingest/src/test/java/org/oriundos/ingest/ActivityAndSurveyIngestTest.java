package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.oriundos.ingest.TestLake.col;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.lake.TableSchema;

class ActivityAndSurveyIngestTest {
    private static final IngestOptions LENIENT = new IngestOptions(1.0, 50_000);

    @TempDir
    Path tmp;
    TestLake lake;

    @BeforeEach
    void setUp() throws Exception {
        lake = new TestLake(tmp);
    }

    @Test
    void loadsConsularActivityAndRejectsBadMonthsWrongYearsNegativeCountsAndRepeatedMonths() {
        TableSchema A = RawTables.CONSULAR_ACTIVITY;
        LedgerEntry entry = lake.load("consulados_actividad_2023.csv", LENIENT);

        assertThat(entry.counts()).isEqualTo(new FileCounts(6, 2, 4, 0));
        assertThat(lake.rows(A, "2023")).extracting(r -> col(A, r, "consulate"), r -> col(A, r, "month"),
                        r -> col(A, r, "matriculas_issued"), r -> col(A, r, "vds_referrals"))
                .containsExactly(tuple("Los Ángeles", 1, 12345L, 150L), tuple("Los Ángeles", 2, 11980L, null));
        assertThat(lake.rejects("consulados_actividad_2023.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value, RejectedRow::reason)
                .containsExactlyInAnyOrder(
                        tuple(4L, null, null, "the same consulate and month (CHICAGO, month 1) appears more than once"
                                + " in the file; all its rows are rejected"),
                        tuple(5L, "MES", "13", "out of range: must be between 1 and 12"),
                        tuple(6L, "ANIO", "2022", "ANIO 2022 differs from the year of the file name (2023)"),
                        tuple(6L, "MATRICULAS_EXPEDIDAS", "-5", "a count cannot be negative"),
                        tuple(7L, null, null, "the same consulate and month (CHICAGO, month 1) appears more than once"
                                + " in the file; all its rows are rejected"));
    }

    @Test
    void keepsSurveyCodes98And99AsMissingWithTheirReason() {
        TableSchema S = RawTables.SURVEY;
        LedgerEntry entry = lake.load("survey_MMP_2019.csv", LENIENT);

        assertThat(entry.period()).isEqualTo("MMP_2019");
        assertThat(entry.counts()).isEqualTo(new FileCounts(5, 4, 1, 0));
        assertThat(lake.rows(S, "MMP_2019")).extracting(r -> col(S, r, "respondent_id"),
                        r -> col(S, r, "years_in_us"), r -> col(S, r, "years_in_us_missing"),
                        r -> col(S, r, "age"), r -> col(S, r, "age_missing"),
                        r -> col(S, r, "trips_home"), r -> col(S, r, "trips_home_missing"),
                        r -> col(S, r, "sends_remittances"), r -> col(S, r, "member_association"),
                        r -> col(S, r, "weight"), r -> col(S, r, "survey"))
                .containsExactly(
                        tuple("R0001", 12, null, 45, null, 2, null, "Y", "Y", 1.25, "MMP"),
                        tuple("R0002", null, "DK", null, "REF", null, "DK", "DK", "N", 0.8, "MMP"),
                        tuple("R0003", null, "REF", 30, null, null, "REF", "N", "REF", 2.0, "MMP"),
                        tuple("R0005", 3, null, 27, null, 0, null, "Y", "N", 1.0, "MMP"));
        assertThat(lake.rejects("survey_MMP_2019.csv"))
                .extracting(RejectedRow::line, RejectedRow::column, RejectedRow::value, RejectedRow::reason)
                .containsExactly(
                        tuple(5L, "SENDS_REMITTANCES", "MAYBE", "not one of DK, N, REF, Y"),
                        tuple(5L, "WEIGHT", "0", "a weight must be a positive number"));
    }
}
