package org.oriundos.warehouse;

/** The warehouse could not be built or read for a reason other than a failed quality check. */
public final class WarehouseException extends RuntimeException {
    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }

    public WarehouseException(String message) {
        super(message);
    }
}
