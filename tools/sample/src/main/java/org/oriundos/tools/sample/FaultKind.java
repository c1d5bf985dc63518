package org.oriundos.tools.sample;

/**
 * The providers' faults the generator puts into the sample extracts, and what the pipeline is
 * expected to make of each one.
 */
public enum FaultKind {
    /** A 3x1 file's closing {@code TOTAL} row: skipped, not data. */
    TOTAL_ROW(Outcome.SKIPPED),
    /** An amount nobody can read ({@code #¡VALOR!}, {@code N/D}, a letter O for a zero): the row is rejected. */
    BAD_AMOUNT(Outcome.REJECTED),
    /** A date that is not {@code dd/mm/yyyy} or does not exist ({@code 31/09/2010}): rejected. */
    BAD_DATE(Outcome.REJECTED),
    /** A count or number that is not a whole number, or is negative, or out of range: rejected. */
    BAD_NUMBER(Outcome.REJECTED),
    /** A required value left blank: rejected. */
    MISSING_VALUE(Outcome.REJECTED),
    /** The second row of a file with a FOLIO already used earlier in the same file: reported, not kept silently. */
    DUPLICATE_FOLIO(Outcome.REJECTED),
    /** A municipality that no catalog has: loaded, and left unresolved by the conform stage. */
    UNRESOLVABLE_MUNICIPALITY(Outcome.LOADED),
    /** A quoted cell holding a comma and a line break: loaded. */
    MULTILINE_FIELD(Outcome.LOADED),
    /** A name with decomposed (NFD) accents: loaded, normalised to NFC. */
    NFD_NAME(Outcome.LOADED);

    /** What the pipeline should do with a row carrying the fault. */
    public enum Outcome { REJECTED, SKIPPED, LOADED }

    private final Outcome outcome;

    FaultKind(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
