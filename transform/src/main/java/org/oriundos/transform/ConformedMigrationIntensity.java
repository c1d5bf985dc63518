package org.oriundos.transform;

import org.oriundos.ingest.lake.Required;
import org.oriundos.transform.geography.MigrationIntensity;

/**
 * One row of {@code ref_migration_intensity} ({@link ConformedTables#REF_MIGRATION_INTENSITY}):
 * CONAPO's 2020 grade of one municipality. Its components are the table's columns, in order.
 */
public record ConformedMigrationIntensity(
        @Required String municipalityKey,
        @Required String grade,
        Double intensityIndex,
        Integer nationalRank,
        double householdsReceivingRemittancesPct) {

    static ConformedMigrationIntensity of(MigrationIntensity.Grade g) {
        return new ConformedMigrationIntensity(g.municipalityKey(), g.grade(), g.index(), g.rank(),
                g.householdsReceivingRemittancesPct());
    }
}
