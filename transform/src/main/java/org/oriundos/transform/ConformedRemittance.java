package org.oriundos.transform;

import java.time.LocalDate;
import org.oriundos.ingest.lake.Money;
import org.oriundos.ingest.lake.Required;

/**
 * One row of the conformed {@code remittance} table ({@link ConformedTables#REMITTANCE}): one
 * value of one remittance series for one period, conformed. Its components are the table's
 * columns, in order; the lineage columns that end the row are not in it.
 */
public record ConformedRemittance(
        @Required String consultedAt,
        @Required String seriesId,
        @Required String title,
        @Required String seriesLevel,
        String stateCode,
        String municipalityKey,
        @Required String geoRule,
        @Required String periodicity, // QUARTERLY or MONTHLY
        @Required LocalDate periodStart,
        @Required String period, // 2013Q1, 2013-01
        @Required Integer year,
        Integer quarter,
        Integer month,
        @Required String unit,
        String value, // as delivered, in unit
        @Money Long usd,
        Double roundingUsd,
        @Required Integer baseYear,
        @Money Long mxn,
        @Money Long mxnConst,
        @Required Integer sourceColumn) {
}
