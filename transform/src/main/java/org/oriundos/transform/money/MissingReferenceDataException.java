package org.oriundos.transform.money;

/** An amount of a year the shipped INPC or FIX series does not fully cover: never converted as zero. */
public final class MissingReferenceDataException extends RuntimeException {
    private final int year;

    public MissingReferenceDataException(int year, String message) {
        super(message);
        this.year = year;
    }

    public MissingReferenceDataException(int year, String message, Throwable cause) {
        super(message, cause);
        this.year = year;
    }

    public int year() {
        return year;
    }
}
