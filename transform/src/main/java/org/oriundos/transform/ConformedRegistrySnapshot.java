package org.oriundos.transform;

import java.time.LocalDate;
import org.oriundos.ingest.lake.Required;

/**
 * One row of the conformed {@code registry_snapshot} table ({@link
 * ConformedTables#REGISTRY_SNAPSHOT}): one club of a registry snapshot, conformed. Its components
 * are the table's columns, in order; the lineage columns that end the row are not in it.
 */
public record ConformedRegistrySnapshot(
        @Required LocalDate snapshotDate,
        @Required Integer snapshotYear,
        @Required String organizationId,
        @Required String associationId,
        @Required Boolean historic,
        String registryKey,
        @Required String name,
        String orgType,
        String federation,
        String consulateId, // normalised key, e.g. LOS_ANGELES
        String consulateName, // display name, e.g. Los Ángeles
        String city,
        String usStateCode, // USPS; null if foreign or unresolved
        String country, // null = United States
        String originStateCode, // INEGI 2 digits
        String originMunicipalityKey, // INEGI 5 digits
        Integer foundedYear,
        LocalDate registeredDate,
        Integer members) {
}
