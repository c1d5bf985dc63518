package org.oriundos.ingest.registry;

import java.time.LocalDate;
import org.oriundos.ingest.lake.Required;

/**
 * One row of the raw {@code registry} table ({@link org.oriundos.ingest.RawTables#REGISTRY}): one
 * club of an IME directory snapshot, current or historic layout. Its components are the table's
 * columns, in order.
 */
public record RegistryRecord(
        @Required LocalDate snapshotDate,
        @Required String organizationId,
        @Required Boolean historic,
        String registryKey, // CLAVE_TOMA_NOTA
        @Required String name, // NOMBRE
        String orgType, // TIPO: CLUB, FEDERACION, CONFEDERACION, ASOCIACION
        String federation,
        String consulate, // required in the current layout
        String city,
        String usState, // as written: USPS code, name, or a province
        String country, // null = United States
        String originState, // as written
        String originMunicipality,
        Integer foundedYear,
        LocalDate foundedDate, // only when a full dd/mm/yyyy was given
        LocalDate registeredDate, // required in the current layout
        Integer members) {
}
