package org.oriundos.transform.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One association-bearing source record, as the linker sees it: where it comes from, the name as
 * written, and all the evidence it carries, conformed: the origin state it is blocked by and the
 * municipality (INEGI codes), the US state (USPS) and city, the consulate id, the federation as
 * written, and whichever keys it has: the IME id (current registry rows), the pipeline's historic
 * id ({@code H-…}) and the registry key (CLAVE_TOMA_NOTA / CLAVE_CLUB). Any of them may be null.
 * A registry record's period is its snapshot date.
 */
public final class AssociationRecord {
    public static final String REGISTRY = "registry";
    /** The raw table of 3x1 projects: their municipality is the site of the work, most often the club's hometown. */
    public static final String PROJECTS = "projects";

    private final String sourceTable;
    private final String period;
    private final String recordId;
    private final String name;
    private final String originStateCode;
    private final String municipalityKey;
    private final String usStateCode;
    private final String city;
    private final String consulateId;
    private final String federation;
    private final String imeId;
    private final String historicId;
    private final String registryKey;
    // derived once: a record is compared, remembered and looked up many times
    private final String normalizedName;
    private final String normalizedFederation;
    private final String foldedCity;
    private String memoryKey;

    public AssociationRecord(String sourceTable, String period, String recordId, String name, String originStateCode,
                             String municipalityKey, String usStateCode, String city, String consulateId,
                             String federation, String imeId, String historicId, String registryKey) {
        this.sourceTable = Objects.requireNonNull(sourceTable, "sourceTable");
        this.period = Objects.requireNonNull(period, "period");
        this.recordId = Objects.requireNonNull(recordId, "recordId");
        this.name = name;
        this.originStateCode = originStateCode;
        this.municipalityKey = municipalityKey;
        this.usStateCode = usStateCode;
        this.city = blankToNull(city);
        this.consulateId = consulateId;
        this.federation = blankToNull(federation);
        this.imeId = imeId;
        this.historicId = historicId;
        this.registryKey = blankToNull(registryKey);
        this.normalizedName = AssociationNames.normalize(name);
        String f = AssociationNames.normalize(this.federation);
        this.normalizedFederation = f.isEmpty() ? null : f;
        // a city is folded as a name is (L.A. is Los Angeles)
        String c = AssociationNames.normalize(this.city);
        this.foldedCity = c.isEmpty() ? null : c;
    }

    public String sourceTable() {
        return sourceTable;
    }

    public String period() {
        return period;
    }

    public String recordId() {
        return recordId;
    }

    public String name() {
        return name;
    }

    public String originStateCode() {
        return originStateCode;
    }

    public String municipalityKey() {
        return municipalityKey;
    }

    public String usStateCode() {
        return usStateCode;
    }

    public String city() {
        return city;
    }

    public String consulateId() {
        return consulateId;
    }

    public String federation() {
        return federation;
    }

    public String imeId() {
        return imeId;
    }

    public String historicId() {
        return historicId;
    }

    public String registryKey() {
        return registryKey;
    }

    public boolean isRegistry() {
        return REGISTRY.equals(sourceTable);
    }

    public String normalizedName() {
        return normalizedName;
    }

    /** The federation normalised like a name, null when not given. */
    public String normalizedFederation() {
        return normalizedFederation;
    }

    /** The city folded (case, accents, punctuation), null when not given. */
    public String foldedCity() {
        return foldedCity;
    }

    /**
     * The record and all its evidence as one key: a record seen again with the same key (a rerun,
     * a full rebuild, a redelivery that did not change it) gets its remembered link back.
     */
    public String memoryKey() {
        if (memoryKey == null) {
            memoryKey = String.join("|", sourceTable, period, recordId, normalizedName, nz(originStateCode),
                    nz(municipalityKey), nz(usStateCode), nz(foldedCity), nz(consulateId), nz(normalizedFederation),
                    nz(imeId), nz(historicId), nz(registryKey));
        }
        return memoryKey;
    }

    /** The key under which releases before the Fellegi–Sunter model remembered this record's link. */
    public String legacyMemoryKey() {
        String fed = federation == null ? "" : AssociationNames.legacyNormalize(federation);
        return String.join("|", sourceTable, period, recordId, AssociationNames.legacyNormalize(name),
                nz(originStateCode), nz(imeId), nz(historicId), nz(registryKey), fed);
    }

    /**
     * What an ambiguous project or survey record is: its normalised name, origin state,
     * municipality, US state and federation. Ambiguous records with the same signature share one
     * identity, so 60 projects of "Club Jerez" that fit seven registered clubs equally well are
     * one unresolved club, not 60, and not the first of the seven.
     */
    public String signature() {
        return String.join("|", normalizedName, nz(originStateCode), nz(municipalityKey), nz(usStateCode),
                nz(normalizedFederation));
    }

    private List<Object> components() {
        return Arrays.asList(sourceTable, period, recordId, name, originStateCode, municipalityKey, usStateCode, city,
                consulateId, federation, imeId, historicId, registryKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssociationRecord r && components().equals(r.components());
    }

    @Override
    public int hashCode() {
        return components().hashCode();
    }

    @Override
    public String toString() {
        return "AssociationRecord" + components();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
