package org.oriundos.ingest.banxico;

import java.util.ArrayList;
import java.util.List;
import org.oriundos.ingest.csv.Text;

/**
 * The place a Banco de México series title names, as Banco de México writes it:
 * {@code Ingresos por Remesas Familiares, <state>} is a state's total, and
 * {@code Ingresos por Remesas, Distribución por Municipio, <state>, <municipality>} one municipality's
 * share of it ({@code No identificado} for what could not be placed in a municipality). The words
 * are compared ignoring case and accents. A title of any other form names no place here (both
 * null): the series is loaded as delivered and transform lists it as unresolved.
 *
 * @param stateName        the state, or null
 * @param municipalityName the municipality, or null for a state's total (and for another form)
 */
public record SeriesTitle(String stateName, String municipalityName) {
    private static final String REMITTANCES = "INGRESOS_POR_REMESAS";
    private static final String FAMILY = "INGRESOS_POR_REMESAS_FAMILIARES";
    private static final String BY_MUNICIPALITY = "DISTRIBUCION_POR_MUNICIPIO";

    /** The place of a title (already cleaned: trimmed, blanks collapsed, NFC). */
    public static SeriesTitle parse(String title) {
        if (title == null) {
            return new SeriesTitle(null, null);
        }
        List<String> parts = new ArrayList<>();
        for (String p : title.split(",")) {
            parts.add(p.trim());
        }
        if (parts.size() < 2 || !Text.key(parts.get(0)).startsWith(REMITTANCES)) {
            return new SeriesTitle(null, null);
        }
        for (int i = 1; i < parts.size(); i++) {
            if (Text.key(parts.get(i)).equals(BY_MUNICIPALITY)) {
                if (parts.size() < i + 3 || parts.get(i + 1).isEmpty() || parts.get(i + 2).isEmpty()) {
                    return new SeriesTitle(null, null);
                }
                // a municipality's name may itself hold a comma: the rest of the title is its name
                return new SeriesTitle(parts.get(i + 1), String.join(", ", parts.subList(i + 2, parts.size())));
            }
        }
        if (Text.key(parts.get(0)).equals(FAMILY) && parts.size() == 2 && !parts.get(1).isEmpty()) {
            return new SeriesTitle(parts.get(1), null);
        }
        return new SeriesTitle(null, null);
    }
}
