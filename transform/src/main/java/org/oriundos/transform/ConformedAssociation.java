package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;

/**
 * One row of the conformed {@code association} table ({@link ConformedTables#ASSOCIATION}): one
 * association identity as the registry keeps it. Its components are the table's columns, in order.
 */
public record ConformedAssociation(
        @Required String associationId,
        @Required String name,
        @Required String normalizedName,
        String originStateCode,        // INEGI 2 digits
        String imeId,                  // the IME's ID_ORGANIZACION, once known
        String registryKey) {          // CLAVE_TOMA_NOTA, once known
}
