package org.oriundos.jobs.ops;

import java.nio.file.Path;

/**
 * A second process for {@link RunLockTest}: takes the lock of {@code args[0]} as {@code args[1]},
 * records execution {@code args[2]} if given, prints {@code LOCKED <pid>}, and holds the lock until
 * its standard input closes or it is killed.
 */
public final class LockHoldingProcess {

    private LockHoldingProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]), args[1])) {
            if (args.length > 2) {
                lock.recordExecution(Long.parseLong(args[2]));
            }
            System.out.println("LOCKED " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our standard input or kills us
            }
        }
        System.out.println("RELEASED");
    }
}
