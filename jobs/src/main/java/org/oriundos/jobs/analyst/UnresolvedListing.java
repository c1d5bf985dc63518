package org.oriundos.jobs.analyst;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.RawTables;
import org.oriundos.transform.UnresolvedRecord;
import org.oriundos.transform.UnresolvedValue;
import org.oriundos.transform.geography.Municipality;

/**
 * What {@code oriundos unresolved} prints: for each value transform could not resolve, where it was
 * read, the record it belongs to (a project's folio, title and club; a registry organization and
 * its name), why it did not resolve, the municipalities the record's title names, and the line that
 * would fix this record alone in the place correction file, or the alias that would fix the name
 * everywhere.
 */
public final class UnresolvedListing {
    private static final List<String> PLACE_COLUMNS = List.of("MUNICIPIO", "CVE_MUN/NOM_MUN", "MUNICIPIO_ORIGEN",
            "ESTADO", "CVE_ENT/NOM_ENT", "ENTIDAD_ORIGEN");

    private UnresolvedListing() {
    }

    /** The listing, one block per value; {@code conf} is the data home's conf folder, to name the files. */
    public static String render(List<UnresolvedRecord> records, Path conf) {
        if (records.isEmpty()) {
            return "every value was resolved\n";
        }
        StringBuilder out = new StringBuilder();
        for (UnresolvedRecord r : records) {
            UnresolvedValue v = r.value();
            out.append(v.sourceFile()).append(" line ").append(v.sourceLine()).append(" (").append(v.sourceTable())
                    .append(' ').append(v.period()).append("): ").append(v.column()).append(" '")
                    .append(v.value() == null ? "" : v.value()).append('\'');
            if (v.context() != null) {
                out.append(", ").append(v.context());
            }
            out.append('\n');
            if (r.recordId() != null) {
                out.append("  ").append(recordLabel(v.sourceTable())).append(' ').append(r.recordId());
                if (r.title() != null) {
                    out.append(": ").append(r.title());
                }
                out.append('\n');
            }
            if (r.club() != null) {
                out.append("  club: ").append(r.club()).append('\n');
            }
            out.append("  reason: ").append(v.reason()).append('\n');
            if (!r.suggestions().isEmpty()) {
                List<String> named = new ArrayList<>();
                for (Municipality m : r.suggestions()) {
                    named.add(m.name() + " (" + m.key() + ")");
                }
                out.append("  named in the ").append(titleLabel(v.sourceTable())).append(": ")
                        .append(String.join(", ", named)).append('\n');
            }
            String fix = correctionLine(r);
            if (fix != null) {
                out.append("  to fix this record only, a line of place_corrections.csv: ").append(fix).append('\n');
            }
        }
        out.append('(').append(records.size()).append(" unresolved value").append(records.size() == 1 ? "" : "s")
                .append("; fix a name everywhere with an alias in ").append(conf.resolve("geography_aliases.csv"))
                .append(", one record with a line in ").append(conf.resolve("place_corrections.csv"))
                .append(", then run 'oriundos nightly')\n");
        return out.toString();
    }

    /**
     * The correction line for a place value of a project or registry record, with the municipality
     * its title names when it names exactly one (else the code is left for the analyst to fill in).
     */
    static String correctionLine(UnresolvedRecord r) {
        UnresolvedValue v = r.value();
        boolean place = PLACE_COLUMNS.contains(v.column());
        boolean source = v.sourceTable().equals(RawTables.PROJECTS.name()) || v.sourceTable().equals(RawTables.REGISTRY.name());
        if (!place || !source || r.recordId() == null) {
            return null;
        }
        String state = r.stateCode() == null ? "<state>" : r.stateCode();
        String municipality = r.suggestions().size() == 1 && r.suggestions().get(0).stateCode().equals(r.stateCode())
                ? r.suggestions().get(0).code() : "<municipality>";
        return v.sourceTable() + "," + v.period() + "," + csv(r.recordId()) + "," + state + "," + municipality
                + ",<why>";
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String recordLabel(String sourceTable) {
        return switch (sourceTable) {
            case "projects" -> "project";
            case "registry" -> "organization";
            case "survey" -> "respondent";
            case "consular_activity" -> "consulate";
            default -> "record";
        };
    }

    private static String titleLabel(String sourceTable) {
        return sourceTable.equals("projects") ? "project's title" : "name";
    }
}
