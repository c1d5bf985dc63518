package org.oriundos.jobs.status;

import java.io.Serializable;
import java.util.List;

/**
 * What {@code buildWarehouse} did.
 *
 * @param changed                the warehouse was published anew ({@code false}: left as it was)
 * @param published              the published warehouse file
 * @param partitionsApplied      conformed partitions applied to it
 * @param checksPassed           quality checks it passed
 * @param warnings               quality checks that warn, with their row counts (the rows stay in audit_quality_warning)
 * @param factProjectFundingRows rows of fact_project_funding, or null when it has none
 * @param remittanceNotes        what the Banco de México exports it applied changed, one sentence each
 */
public record WarehouseResult(boolean changed, String published, int partitionsApplied, int checksPassed,
                              List<QualityWarning> warnings, Long factProjectFundingRows,
                              List<String> remittanceNotes) implements Serializable {

    public WarehouseResult {
        warnings = List.copyOf(warnings);
        remittanceNotes = List.copyOf(remittanceNotes);
    }

    /** A quality check that warned, and on how many rows. */
    public record QualityWarning(String check, int rows) implements Serializable {
    }
}
