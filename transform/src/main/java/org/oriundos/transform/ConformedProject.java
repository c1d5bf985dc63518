package org.oriundos.transform;

import java.time.LocalDate;
import org.oriundos.ingest.lake.Money;
import org.oriundos.ingest.lake.Required;

/**
 * One row of the conformed {@code project} table ({@link ConformedTables#PROJECT}): one 3x1
 * project, conformed. Its components are the table's columns, in order; the lineage columns that
 * end the row are not in it.
 */
public record ConformedProject(
        @Required Integer fiscalYear,
        @Required String folio,
        @Required String layout,
        String stateCode,
        String municipalityKey,
        @Required String geoRule, // GeoRule: CODE, NAME, ALIAS, FORMER_NAME, DISTRICT, SHORT_NAME, PARENT, UNRESOLVED
        String locality,
        String projectName, // null when a 2013-layout file had no NOMBRE_PROYECTO
        @Required String category, // one of the fourteen CATEGORIA values
        @Required String categoryRule, // CATEGORIA, KEYWORD:<keyword> or UNMATCHED
        String workType,
        @Required String associationId,
        String clubKey,
        @Required String clubName,
        String federation,
        String clubUsStateCode,
        @Required String status,
        LocalDate approvedDate,
        Long beneficiaries,
        @Required @Money Long federalMxn,
        @Required @Money Long stateMxn,
        @Required @Money Long municipalMxn,
        @Required @Money Long migrantMxn,
        @Required @Money Long otherMxn,
        @Required @Money Long totalMxn,
        @Required Integer baseYear,
        @Required @Money Long federalMxnConst,
        @Required @Money Long stateMxnConst,
        @Required @Money Long municipalMxnConst,
        @Required @Money Long migrantMxnConst,
        @Required @Money Long otherMxnConst,
        @Required @Money Long totalMxnConst,
        @Required @Money Long federalUsd,
        @Required @Money Long stateUsd,
        @Required @Money Long municipalUsd,
        @Required @Money Long migrantUsd,
        @Required @Money Long otherUsd,
        @Required @Money Long totalUsd) {
}
