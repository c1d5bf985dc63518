package org.oriundos.transform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.ParquetTableWriter;
import org.oriundos.ingest.lake.TableSchema;

/**
 * A lake as ingest leaves it: raw Parquet partitions written with the {@link RawTables} schemas
 * and a LOADED ledger entry for each delivery, whose load id is the hash of the rows, like the
 * hash of a file's bytes. Also reads the conformed zone back.
 */
final class RawLake {
    final Path root;
    final LakeLocation lake;
    private Instant clock = Instant.parse("2026-11-01T02:00:00Z");

    RawLake(Path root) {
        this.root = root;
        this.lake = LakeLocation.local(root);
    }

    /** Lands one delivery of a (table, period), replacing the earlier one; returns its load id. */
    String deliver(TableSchema table, String period, String fileName, List<Object[]> rows) {
        String loadId = hash(fileName + rowsText(rows)).substring(0, 16);
        long line = 2;
        for (Object[] r : rows) {
            r[table.indexOf("_source_file")] = fileName;
            r[table.indexOf("_source_line")] = line++;
            r[table.indexOf("_load_id")] = loadId;
        }
        Path dir = root.resolve("raw").resolve(table.name()).resolve("period=" + period);
        deleteTree(dir);
        write(table, dir.resolve("part-00000.parquet"), rows);
        clock = clock.plusSeconds(60);
        Object[] entry = RawTables.LEDGER.newRow();
        TableSchema l = RawTables.LEDGER;
        entry[l.indexOf("load_id")] = loadId;
        entry[l.indexOf("file_name")] = fileName;
        entry[l.indexOf("source_table")] = table.name();
        entry[l.indexOf("period")] = period;
        entry[l.indexOf("sha256")] = hash(fileName + rowsText(rows));
        entry[l.indexOf("bytes")] = 1000L;
        entry[l.indexOf("rows_read")] = (long) rows.size();
        entry[l.indexOf("rows_loaded")] = (long) rows.size();
        entry[l.indexOf("rows_rejected")] = 0L;
        entry[l.indexOf("rows_skipped")] = 0L;
        entry[l.indexOf("status")] = "LOADED";
        entry[l.indexOf("loaded_at")] = clock;
        write(l, root.resolve("ledger").resolve(clock.getEpochSecond() + "-" + loadId + ".parquet"), List.<Object[]>of(entry));
        return loadId;
    }

    static Object[] row(TableSchema schema, Object... namesAndValues) {
        Object[] r = schema.newRow();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            r[schema.indexOf((String) namesAndValues[i])] = namesAndValues[i + 1];
        }
        return r;
    }

    static Object[] club(String snapshot, String imeId, String name, String consulate, String usState,
                         String originState, String municipality, String registryKey) {
        return row(RawTables.REGISTRY, "snapshot_date", LocalDate.parse(snapshot), "organization_id", imeId,
                "historic", false, "registry_key", registryKey, "name", name, "org_type", "CLUB",
                "consulate", consulate, "city", "Los Angeles", "us_state", usState, "origin_state", originState,
                "origin_municipality", municipality, "registered_date", LocalDate.parse(snapshot).minusYears(1),
                "founded_year", 1995, "members", 40);
    }

    static Object[] historicClub(String snapshot, String hId, String name, String usState, String originState) {
        return row(RawTables.REGISTRY, "snapshot_date", LocalDate.parse(snapshot), "organization_id", hId,
                "historic", true, "name", name, "city", "Chicago", "us_state", usState, "origin_state", originState);
    }

    /** A 2002-layout project: names only, free-text work type. Amounts in pesos (not cents). */
    static Object[] oldProject(int year, String folio, String state, String municipality, String workType, String club,
                               long federal, long migrant) {
        return row(RawTables.PROJECTS, "fiscal_year", year, "folio", folio, "layout", "2002", "state_name", state,
                "municipality_name", municipality, "project_name", workType + " en " + municipality,
                "work_type", workType, "club_name", club, "federal_mxn", federal * 100, "state_mxn", federal * 100,
                "municipal_mxn", federal * 100, "migrant_mxn", migrant * 100, "other_mxn", 0L, "status", "CONCLUIDO");
    }

    /** A 2013-layout project: codes and CATEGORIA. Amounts in hundredths. */
    static Object[] newProject(int year, String folio, String stateCode, String munCode, String category, String clubKey,
                               String club, String clubUsState, long each) {
        return row(RawTables.PROJECTS, "fiscal_year", year, "folio", folio, "layout", "2013", "state_code", stateCode,
                "municipality_code", munCode, "project_name", "Obra " + folio, "category", category,
                "club_key", clubKey, "club_name", club, "club_us_state", clubUsState, "federal_mxn", each,
                "state_mxn", each, "municipal_mxn", each, "migrant_mxn", each, "other_mxn", 0L, "beneficiaries", 300L,
                "status", "APROBADO", "approved_date", LocalDate.of(year, 3, 1));
    }

    static Object[] respondent(String id, String country, String mxState, String usState, Integer years,
                               String association, double weight) {
        return row(RawTables.SURVEY, "respondent_id", id, "survey", "LNS", "year", 2006, "country_of_birth", country,
                "mx_state_of_origin", mxState, "us_state", usState, "years_in_us", years,
                "member_association", association == null ? "N" : "Y", "association_name", association, "weight", weight);
    }

    static Object[] activity(String consulate, String usState, int month, long matriculas) {
        return row(RawTables.CONSULAR_ACTIVITY, "consulate", consulate, "us_state", usState, "year", 2010,
                "month", month, "matriculas_issued", matriculas);
    }

    /** The rows of a conformed partition (its current generation). */
    List<Object[]> conformed(TableSchema table, String period) {
        return read(table, new LakeLayout(lake).partition(LakeLayout.Zone.CONFORMED, table.name(), period));
    }

    /** The rows of a whole conformed table (its current generation). */
    List<Object[]> conformedWhole(TableSchema table) {
        return read(table, new LakeLayout(lake).wholeTable(table.name()));
    }

    private List<Object[]> read(TableSchema table, org.apache.hadoop.fs.Path slot) {
        List<Object[]> rows = new ArrayList<>();
        for (org.apache.hadoop.fs.Path f : new Generations(lake).files(slot)) {
            rows.addAll(ParquetTableReader.readAll(table, f, lake.conf()));
        }
        return rows;
    }

    /** Every file of the conformed zone, by relative path, with its bytes. */
    List<String> conformedFiles() {
        return currentFiles(lake, LakeLayout.Zone.CONFORMED);
    }

    /** Every file a reader sees in a zone, by logical name (generations left out), with a hash of its bytes. */
    static List<String> currentFiles(LakeLocation lake, LakeLayout.Zone zone) {
        List<String> out = new ArrayList<>();
        new Generations(lake).currentFiles(new LakeLayout(lake).zone(zone)).forEach((name, file) -> {
            try {
                out.add(name + " " + hash(Arrays.toString(Files.readAllBytes(Path.of(file.toUri())))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return out;
    }

    static Object get(TableSchema schema, Object[] row, String column) {
        return row[schema.indexOf(column)];
    }

    private void write(TableSchema table, Path file, List<Object[]> rows) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ParquetTableWriter w = new ParquetTableWriter(table, new org.apache.hadoop.fs.Path(file.toUri()), lake.conf())) {
            w.writeAll(rows);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rowsText(List<Object[]> rows) {
        StringBuilder s = new StringBuilder();
        for (Object[] r : rows) {
            s.append(Arrays.toString(r)).append('\n');
        }
        return s.toString();
    }

    private static String hash(String text) {
        try {
            return Fingerprints.hex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
