package org.oriundos.ingest.sedesol;

import java.time.LocalDate;
import org.oriundos.ingest.lake.Money;
import org.oriundos.ingest.lake.Required;

/**
 * One row of the raw {@code projects} table ({@link org.oriundos.ingest.RawTables#PROJECTS}): one
 * 3x1 project record as delivered, typed and cleaned, either layout. Its components are the
 * table's columns, in order.
 */
public record ProjectRecord(
        @Required Integer fiscalYear,
        @Required String folio,
        @Required String layout,
        String stateCode, // CVE_ENT, 2 digits
        String stateName, // NOM_ENT or ESTADO
        String municipalityCode, // CVE_MUN, 3 digits
        String municipalityName, // NOM_MUN or MUNICIPIO
        String locality,
        String projectName, // NOMBRE_PROYECTO; until 2007 TIPO_OBRA; null when a 2013 file has no title column
        String category, // CATEGORIA (2013 layout), one of the fourteen
        String workType, // TIPO_OBRA (2002 layout), free text
        String clubKey, // CLAVE_CLUB
        @Required String clubName,
        String federation,
        String clubUsState,
        @Required @Money Long federalMxn,
        @Required @Money Long stateMxn,
        @Required @Money Long municipalMxn,
        @Required @Money Long migrantMxn,
        @Required @Money Long otherMxn, // INV_OTROS, blank = 0
        Long beneficiaries,
        @Required String status, // APROBADO, EN EJECUCION, CONCLUIDO, CANCELADO
        LocalDate approvedDate) {
}
