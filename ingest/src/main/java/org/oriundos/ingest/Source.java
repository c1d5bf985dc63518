package org.oriundos.ingest;

import org.oriundos.ingest.lake.TableSchema;

/** The kinds of extract the providers deliver, each landing in its own raw table. */
public enum Source {
    /** IME directory snapshots: {@code ime_directorio_YYYY-MM-DD.csv} (and the historic directories). */
    REGISTRY(RawTables.REGISTRY),
    /** {@code consulados_actividad_YYYY.csv}. */
    CONSULAR_ACTIVITY(RawTables.CONSULAR_ACTIVITY),
    /** {@code 3x1_proyectos_YYYY.csv}, {@code 3x1_proyectos_YYYY_v2.csv}. */
    PROJECTS(RawTables.PROJECTS),
    /** {@code survey_<SURVEY>_<YEAR>.csv}. */
    SURVEY(RawTables.SURVEY);

    private final TableSchema table;

    Source(TableSchema table) {
        this.table = table;
    }

    public TableSchema table() {
        return table;
    }

    /**
     * Whether its deliveries carry the leaders' contact data (PRESIDENTE, TELEFONO, CORREO): the
     * registry's. Anything quoted from such a file goes through {@link DeliveryText}'s mask, since a
     * file without its header row, or a row whose fields are shifted, puts that data in any cell.
     */
    public boolean carriesPersonalData() {
        return this == REGISTRY;
    }

    /** The raw table's name, also the source's name in the ledger and on the command line. */
    public String tableName() {
        return table.name();
    }
}
