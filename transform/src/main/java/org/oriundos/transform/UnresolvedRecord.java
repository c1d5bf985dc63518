package org.oriundos.transform;

import java.util.List;
import org.oriundos.transform.geography.Municipality;

/**
 * An unresolved value with the record it belongs to, for the analyst who fixes it: the record's
 * id (a project's FOLIO, a registry organization id, a survey RESPONDENT_ID, a consulate id), its
 * title (a project's NOMBRE_PROYECTO, an association's name), its club (the 3x1 record's
 * NOMBRE_CLUB), the state it was conformed with, and the municipalities of that state its title
 * names. Fields the source does not have, or a record not found, are null (the list empty).
 */
public record UnresolvedRecord(UnresolvedValue value, String recordId, String title, String club, String stateCode,
                               List<Municipality> suggestions) {
    public UnresolvedRecord {
        suggestions = List.copyOf(suggestions);
    }
}
