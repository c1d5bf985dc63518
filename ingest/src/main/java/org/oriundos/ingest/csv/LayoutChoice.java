package org.oriundos.ingest.csv;

/**
 * The layout a file's header was recognised as, and what told it (for the ledger and for a
 * refusal: {@code told by EJERCICIO in the header}).
 *
 * @param parser the parser of that layout
 * @param why    what in the header (or the file name) told the layout
 */
public record LayoutChoice(RecordParser parser, String why) {
}
