package org.oriundos.transform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.hadoop.fs.Path;
import org.oriundos.ingest.RawTables;
import org.oriundos.ingest.lake.Generations;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.ParquetTableReader;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.MunicipalitiesNamed;
import org.oriundos.transform.geography.Municipality;

/**
 * The unresolved values of the conformed zone ({@link Unresolved}), each with the record it comes
 * from: read back from the conformed partition of that record's source and period, by file and
 * line, so the analyst sees which project (folio, title, club) or organization a value belongs
 * to, and the municipalities its title names. Only the partitions that have unresolved values
 * are read.
 */
public final class UnresolvedRecords {
    /** What identifies, titles and places a record of each source, by conformed column. */
    private record SourceColumns(TableSchema table, String id, String title, String club, String state) {
    }

    private static final Map<String, SourceColumns> SOURCES = Map.of(
            RawTables.PROJECTS.name(), new SourceColumns(ConformedTables.PROJECT, "folio", "project_name", "club_name",
                    "state_code"),
            RawTables.REGISTRY.name(), new SourceColumns(ConformedTables.REGISTRY_SNAPSHOT, "organization_id", "name",
                    null, "origin_state_code"),
            RawTables.SURVEY.name(), new SourceColumns(ConformedTables.SURVEY_RESPONSE, "respondent_id",
                    "association_name", null, "origin_state_code"),
            RawTables.CONSULAR_ACTIVITY.name(), new SourceColumns(ConformedTables.CONSULAR_ACTIVITY, "consulate_id",
                    "consulate_name", null, null));

    private final LakeLocation lake;
    private final MunicipalitiesNamed named;

    public UnresolvedRecords(LakeLocation lake) {
        this(lake, GeographyCatalog.shipped());
    }

    public UnresolvedRecords(LakeLocation lake, GeographyCatalog catalog) {
        this.lake = Objects.requireNonNull(lake, "lake");
        this.named = new MunicipalitiesNamed(catalog);
    }

    /** Every unresolved value, in {@link Unresolved#list()}'s order, with its record. */
    public List<UnresolvedRecord> list() {
        List<UnresolvedValue> values = new Unresolved(lake).list();
        Map<String, Map<String, Object[]>> partitions = new HashMap<>();
        List<UnresolvedRecord> out = new ArrayList<>();
        for (UnresolvedValue v : values) {
            SourceColumns source = SOURCES.get(v.sourceTable());
            if (source == null) {
                out.add(new UnresolvedRecord(v, null, null, null, null, List.of()));
                continue;
            }
            Map<String, Object[]> rows = partitions.computeIfAbsent(v.sourceTable() + "\u0000" + v.period(),
                    k -> read(source.table(), v.period()));
            Object[] row = rows.get(v.sourceFile() + "\u0000" + v.sourceLine());
            if (row == null) {
                out.add(new UnresolvedRecord(v, null, null, null, null, List.of()));
                continue;
            }
            TableSchema s = source.table();
            String title = text(row, s, source.title());
            String state = source.state() == null ? null : text(row, s, source.state());
            List<Municipality> suggestions = named.in(state, title);
            out.add(new UnresolvedRecord(v, text(row, s, source.id()), title,
                    source.club() == null ? null : text(row, s, source.club()), state, suggestions));
        }
        return out;
    }

    /** The conformed rows of one partition, by source file and line. */
    private Map<String, Object[]> read(TableSchema table, String period) {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        Path dir = new LakeLayout(lake).partition(LakeLayout.Zone.CONFORMED, table.name(), period);
        int file = table.indexOf(TableSchema.SOURCE_FILE.name());
        int line = table.indexOf(TableSchema.SOURCE_LINE.name());
        for (Path part : new Generations(lake).files(dir)) {
            if (!part.getName().endsWith(".parquet")) {
                continue;
            }
            for (Object[] r : ParquetTableReader.readAll(table, part, lake.conf())) {
                rows.put(r[file] + "\u0000" + r[line], r);
            }
        }
        return rows;
    }

    private static String text(Object[] row, TableSchema s, String column) {
        Object v = row[s.indexOf(column)];
        return v == null ? null : v.toString();
    }
}
