package org.oriundos.jobs.home;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The analysts' correction files of a data home, created empty (a header and comments saying how to
 * fill them) the first time the home is used, so {@code oriundos unresolved}'s advice points at a
 * file that exists. An existing file is never touched.
 */
public final class ConfTemplates {
    static final String GEOGRAPHY_ALIASES = """
            kind,state,name,code
            # Places the INEGI and Census catalogs do not know, as the sources write them (docs/conform.md).
            # kind: STATE, MUNICIPALITY or US_STATE; state: the INEGI state code, for MUNICIPALITY lines only;
            # code: the INEGI state code, the 3-digit CVE_MUN (or 5-digit key), the USPS code, or - for
            # "names no single place". 'oriundos unresolved' lists what needs a line here. Examples:
            # STATE,,Zacatecaz,32
            # MUNICIPALITY,32,Jerez de García Salinas,020
            # US_STATE,,Calif,CA
            # After editing: oriundos nightly (it notices the change and conforms again)
            """;
    static final String ASSOCIATION_OVERRIDES = """
            action,source_table,period,source_record_id,association_id,reason
            # Analyst decisions that win over the association-linking rules (docs/conform.md).
            # action: LINK (to association_id) or APART (an identity of its own); source_table: registry,
            # projects or survey; period: the partition, blank for every period; source_record_id: as the
            # link table shows it (IME or H- id, FOLIO, RESPONDENT_ID). Examples:
            # LINK,projects,2013,3X1-ZAC-2013-0456,HTA-000012,same club as IME-101
            # APART,registry,,IME-2231,,rival club of the same town
            # After editing: oriundos nightly (it notices the change and conforms again)
            """;
    static final String PLACE_CORRECTIONS = """
            source_table,period,record_id,state,municipality,reason
            # Where one record is, whatever its place columns say (docs/conform.md): for a 3x1 project whose
            # MUNICIPIO holds a locality, so that fixing it does not move every project naming that locality.
            # source_table: projects (record_id: the FOLIO) or registry (the IME or H- organization id; the
            # association's origin); period: the partition, blank for every period; state: the INEGI state
            # code; municipality: its 3-digit code or 5-digit key, blank for the state only, - for none.
            # 'oriundos unresolved' shows the folio, the project and the municipalities its title names.
            # projects,2009,3X1-MICH-2009-0009,16,043,Rancho Los Laureles is a locality of Jacona
            # After editing: oriundos nightly (it notices the change and conforms again)
            """;

    private ConfTemplates() {
    }

    /** Writes the templates that are missing; says nothing and changes nothing when they exist. */
    public static void writeMissing(DataHome home) throws IOException {
        Files.createDirectories(home.conf());
        writeIfMissing(home.geographyAliases(), GEOGRAPHY_ALIASES);
        writeIfMissing(home.associationOverrides(), ASSOCIATION_OVERRIDES);
        writeIfMissing(home.placeCorrections(), PLACE_CORRECTIONS);
    }

    private static void writeIfMissing(Path file, String text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            // the analyst's file: never overwritten
        }
    }
}
