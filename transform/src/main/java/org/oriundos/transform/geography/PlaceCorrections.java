package org.oriundos.transform.geography;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.transform.text.AnalystText;

/**
 * The analyst's record-level place corrections ({@code <home>/conf/place_corrections.csv}): where
 * one record is, by its id, whatever its place columns say. An alias resolves a <em>name</em>
 * within a state, for every record that writes it; a 3x1 project whose MUNICIPIO holds a locality
 * ("Rancho Los Laureles", a ranch of some municipality) must not move every future project of a
 * locality of that name, so it is corrected by its folio instead.
 *
 * <p>Format (CSV in UTF-8, with or without BOM, or Windows-1252; {@code #} starts a comment line):
 * <pre>
 * source_table,period,record_id,state,municipality,reason
 * projects,2009,3X1-MICH-2009-0061,16,053,Rancho Los Laureles is a ranch of Morelia
 * registry,,IME-2231,32,020,the club's hometown is Jerez, not the federation's seat
 * </pre>
 * {@code source_table} is {@code projects} (record_id the FOLIO) or {@code registry} (the
 * organization id, {@code IME-…} or {@code H-…}; the place is the association's origin);
 * {@code period} the partition (a fiscal year, a snapshot date), blank for every period;
 * {@code state} the INEGI state code; {@code municipality} its 3-digit code or the 5-digit key,
 * blank when only the state is known, or {@code -} when the record names no single municipality
 * (the state is kept, the municipality left empty, and nothing is listed as unresolved). Every
 * code must exist in the catalog: a bad line stops the run with its file and line.
 */
public final class PlaceCorrections {
    /** The place of one record as the analyst gave it: a state, and a municipality key or null. */
    public record Correction(String stateCode, String municipalityKey, String reason) {
    }

    private static final String ANY_PERIOD = "";

    private final Map<String, Correction> byRecord = new HashMap<>();

    private PlaceCorrections() {
    }

    /** No corrections. */
    public static PlaceCorrections none() {
        return new PlaceCorrections();
    }

    /** The analyst's file; none when the path is null or the file does not exist. */
    public static PlaceCorrections load(GeographyCatalog catalog, Path file) {
        PlaceCorrections corrections = new PlaceCorrections();
        if (file == null || !Files.exists(file)) {
            return corrections;
        }
        try (Reader r = AnalystText.open(file)) {
            corrections.read(catalog, r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the place correction file " + file + ": " + e.getMessage(), e);
        }
        return corrections;
    }

    /** Corrections from a reader in the file's format (for tests). */
    public static PlaceCorrections parse(GeographyCatalog catalog, Reader in, String fileName) throws IOException {
        PlaceCorrections corrections = new PlaceCorrections();
        corrections.read(catalog, in, fileName);
        return corrections;
    }

    private void read(GeographyCatalog catalog, Reader in, String fileName) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();
        for (CSVRecord r : format.parse(in)) {
            String where = fileName + " line " + r.getParser().getCurrentLineNumber();
            if (!r.isConsistent() || !r.isMapped("record_id")) {
                throw new IllegalArgumentException(where
                        + ": expected 6 fields source_table,period,record_id,state,municipality,reason, found " + r.size());
            }
            String table = r.get("source_table").toLowerCase(Locale.ROOT);
            if (!table.equals("projects") && !table.equals("registry")) {
                throw new IllegalArgumentException(where + ": source_table '" + r.get("source_table")
                        + "' is not projects (record_id: the FOLIO) or registry (record_id: the organization id)");
            }
            String recordId = r.get("record_id");
            if (recordId.isEmpty()) {
                throw new IllegalArgumentException(where + ": the record_id is blank");
            }
            String state = StateResolver.pad(r.get("state"), 2);
            if (state == null || catalog.state(state).isEmpty()) {
                throw new IllegalArgumentException(where + ": state '" + r.get("state")
                        + "' is not an INEGI state code (01-32)");
            }
            String municipality = municipality(catalog, state, r.get("municipality"), where);
            String key = key(table, r.get("period"), recordId);
            if (byRecord.put(key, new Correction(state, municipality, r.get("reason"))) != null) {
                throw new IllegalArgumentException(where + ": " + table + " " + recordId
                        + (r.get("period").isEmpty() ? "" : " of " + r.get("period")) + " is corrected twice");
            }
        }
    }

    private static String municipality(GeographyCatalog catalog, String state, String code, String where) {
        String c = code.trim();
        if (c.isEmpty() || c.equals(GeographyAliases.NO_PLACE)) {
            return null;
        }
        String key = c.matches("\\d{5}") ? c : StateResolver.pad(c, 3) == null ? null : state + StateResolver.pad(c, 3);
        if (key == null || !key.startsWith(state) || catalog.municipality(key).isEmpty()) {
            throw new IllegalArgumentException(where + ": municipality '" + code + "' is not an INEGI municipality of"
                    + " state " + state + " (give its 3-digit code or 5-digit key, blank for the state only, or -)");
        }
        return key;
    }

    /**
     * The correction of one record: by its raw table ({@code projects}, {@code registry}), its
     * partition's period and its id; a line for that period wins over one for every period.
     */
    public Optional<Correction> of(String rawTable, String period, String recordId) {
        if (recordId == null || byRecord.isEmpty()) {
            return Optional.empty();
        }
        Correction c = byRecord.get(key(rawTable, period, recordId));
        return Optional.ofNullable(c != null ? c : byRecord.get(key(rawTable, ANY_PERIOD, recordId)));
    }

    public boolean isEmpty() {
        return byRecord.isEmpty();
    }

    private static String key(String table, String period, String recordId) {
        return table.toLowerCase(Locale.ROOT) + "\u0000" + (period == null ? ANY_PERIOD : period.trim()) + "\u0000"
                + recordId.trim();
    }
}
