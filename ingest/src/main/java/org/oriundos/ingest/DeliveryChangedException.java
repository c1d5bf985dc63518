package org.oriundos.ingest;

/**
 * The bytes a load read are not the bytes the inbox scan hashed: the file was appended to,
 * rewritten, cut or removed while it was being loaded (or between the scan and the load). Nothing of
 * it is published and the ledger records nothing (there is no one file to record); the next night's
 * scan takes the file again once it is whole.
 */
public class DeliveryChangedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String reason;

    public DeliveryChangedException(String fileName, String reason) {
        super(fileName + ": " + reason);
        this.fileName = fileName;
        this.reason = reason;
    }

    public String fileName() {
        return fileName;
    }

    /** Why, without the file name. */
    public String reason() {
        return reason;
    }
}
