package org.oriundos.jobs.ops;

import java.nio.file.Path;

/** Another run holds the data home's lock; the command line turns this into exit code 4. */
public final class RunLockedException extends RuntimeException {

    private final transient LockHolder holder;
    private final transient Path lockFile;

    public RunLockedException(LockHolder holder, Path lockFile) {
        super("another run holds the lock: " + holder.describe() + " (lock file " + lockFile + ")");
        this.holder = holder;
        this.lockFile = lockFile;
    }

    /** The run holding the lock, as it recorded itself. */
    public LockHolder holder() {
        return holder;
    }

    public Path lockFile() {
        return lockFile;
    }
}
