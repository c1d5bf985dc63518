package org.oriundos.transform.identity;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.transform.text.AnalystText;

/**
 * The analyst's association overrides ({@code <home>/conf/association_overrides.csv}); they win
 * over every linking rule. CSV (UTF-8 with or without BOM, or Windows-1252), {@code #} starts a
 * comment line:
 * <pre>
 * action,source_table,period,source_record_id,association_id,reason
 * LINK,projects,,3X1-ZAC-2013-0456,HTA-000012,same club as the registry's Club Jerezano
 * APART,registry,,H-5c0ffee1,,rival club of the same town, not the old one
 * </pre>
 * {@code source_table} is {@code registry}, {@code projects} or {@code survey}; {@code period}
 * blank means every period; {@code source_record_id} is the IME or historic id, the FOLIO or the
 * RESPONDENT_ID, as the link table shows it.
 */
public final class AssociationOverrides {
    private static final Set<String> TABLES = Set.of("registry", "projects", "survey");

    private final Map<String, AssociationOverride> byRecord = new HashMap<>();

    private AssociationOverrides() {
    }

    public static AssociationOverrides none() {
        return new AssociationOverrides();
    }

    /** The overrides in a file; none if the path is null or the file does not exist. */
    public static AssociationOverrides load(Path file) {
        AssociationOverrides overrides = new AssociationOverrides();
        if (file == null || !Files.exists(file)) {
            return overrides;
        }
        try (Reader r = AnalystText.open(file)) {
            overrides.readInto(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the association override file " + file + ": "
                    + e.getMessage(), e);
        }
        return overrides;
    }

    public static AssociationOverrides read(Reader in, String fileName) throws IOException {
        AssociationOverrides overrides = new AssociationOverrides();
        overrides.readInto(in, fileName);
        return overrides;
    }

    private void readInto(Reader in, String fileName) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();
        for (CSVRecord r : format.parse(in)) {
            String where = fileName + " line " + r.getParser().getCurrentLineNumber();
            if (r.size() < 5) {
                throw new IllegalArgumentException(where + ": expected action,source_table,period,source_record_id,"
                        + "association_id,reason, found " + r.size() + " fields");
            }
            AssociationOverride.Action action;
            try {
                action = AssociationOverride.Action.valueOf(r.get("action").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": action '" + r.get("action") + "' is not LINK or APART", e);
            }
            String table = r.get("source_table").toLowerCase(Locale.ROOT);
            if (!TABLES.contains(table)) {
                throw new IllegalArgumentException(where + ": source_table '" + r.get("source_table")
                        + "' is not one of " + TABLES);
            }
            String record = r.get("source_record_id");
            if (record.isEmpty()) {
                throw new IllegalArgumentException(where + ": source_record_id is blank");
            }
            String association = r.get("association_id");
            if (action == AssociationOverride.Action.LINK && association.isEmpty()) {
                throw new IllegalArgumentException(where + ": a LINK needs the association_id to link to");
            }
            if (action == AssociationOverride.Action.APART && !association.isEmpty()) {
                throw new IllegalArgumentException(where + ": an APART takes no association_id (the record gets its own)");
            }
            String period = r.get("period").isEmpty() ? null : r.get("period");
            String reason = r.isMapped("reason") && r.isSet("reason") ? r.get("reason") : null;
            String key = key(table, period, record);
            AssociationOverride previous = byRecord.put(key, new AssociationOverride(action, table, period, record,
                    association.isEmpty() ? null : association, reason, where));
            if (previous != null) {
                throw new IllegalArgumentException(where + ": " + record + " already has an override at " + previous.where());
            }
        }
    }

    /** The override for a record: one for its exact period first, else one for every period. */
    public Optional<AssociationOverride> find(String sourceTable, String period, String sourceRecordId) {
        if (byRecord.isEmpty()) {
            return Optional.empty(); // most nights: no key to build for each of a year's records
        }
        AssociationOverride exact = byRecord.get(key(sourceTable, period, sourceRecordId));
        return Optional.ofNullable(exact != null ? exact : byRecord.get(key(sourceTable, null, sourceRecordId)));
    }

    public int size() {
        return byRecord.size();
    }

    private static String key(String table, String period, String record) {
        return table + "|" + (period == null ? "*" : period) + "|" + record;
    }
}
