package org.oriundos.ingest.banxico;

import java.time.LocalDate;
import org.oriundos.ingest.lake.Required;

/**
 * One row of the raw {@code remittances} table ({@link
 * org.oriundos.ingest.RawTables#REMITTANCES}): one value of one Banco de México series for one
 * period. Its components are the table's columns, in order.
 */
public record RemittanceRecord(
        @Required String consultedAt, // Fecha de consulta, yyyy-MM-dd HH:mm:ss (Mexico City time, as written)
        @Required String seriesId, // SE29695
        @Required String title, // Título, as delivered
        String stateName, // from the title
        String municipalityName, // from the title; No identificado as written
        @Required String periodicity, // QUARTERLY (Trimestral) or MONTHLY (Mensual)
        @Required String unit, // Unidad, as delivered: Millones de Dólares, Miles de Dólares
        @Required LocalDate periodStart, // first day of the quarter or month
        String value, // the number as delivered; null for N/E or blank
        @Required Integer sourceColumn) {
}
