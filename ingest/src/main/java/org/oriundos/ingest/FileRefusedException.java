package org.oriundos.ingest;

/**
 * A whole file cannot be loaded (a required column is missing, it cannot be decoded, it is empty,
 * too many of its rows were rejected). The message names the file and says why, for a person.
 */
public class FileRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String reason;

    public FileRefusedException(String fileName, String reason) {
        super(fileName + ": " + reason);
        this.fileName = fileName;
        this.reason = reason;
    }

    /** Why, without the file name. */
    public String reason() {
        return reason;
    }

    public String fileName() {
        return fileName;
    }
}
