package org.oriundos.jobs.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per data home: an exclusive OS lock on {@code <home>/oriundos.lock}, with the
 * holder (command, pid, host, start, execution id) written into the file so that whoever is refused
 * can be told who is running.
 *
 * <p>The OS lock is the truth, not the file's existence: when a holder dies, even by {@code kill -9},
 * the OS releases its lock, and the next run takes over the file (logging whose it was). The file is
 * never deleted, only emptied on release, so two runs can never lock two different files.
 *
 * <pre>{@code
 * try (RunLock lock = RunLock.acquire(home, "nightly")) {   // throws RunLockedException: exit code 4
 *     lock.recordExecution(execution.getId());
 *     ...
 * }
 * }</pre>
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE_NAME = "oriundos.lock";

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    /*
     * The locks this JVM holds. POSIX record locks belong to the process, and closing ANY channel on
     * the file releases them, so within one JVM a second acquire (or a status look-up) must never
     * open the file while it is held: it asks here instead.
     */
    private static final Map<Path, RunLock> HELD_BY_THIS_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final LockHolder takenOverFrom;
    private volatile LockHolder holder;

    private RunLock(Path lockFile, FileChannel channel, FileLock lock, LockHolder holder, LockHolder takenOverFrom) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
        this.takenOverFrom = takenOverFrom;
    }

    /**
     * Takes the data home's lock for {@code description} (e.g. {@code "nightly"}), or throws
     * {@link RunLockedException} naming the run that holds it. Never waits.
     */
    public static RunLock acquire(Path home, String description) {
        Path lockFile = lockFile(home);
        synchronized (HELD_BY_THIS_PROCESS) {
            RunLock mine = HELD_BY_THIS_PROCESS.get(lockFile);
            if (mine != null) {
                throw new RunLockedException(mine.holder(), lockFile);
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    LockHolder other = readHolder(channel);
                    channel.close();
                    throw new RunLockedException(other, lockFile);
                }
                LockHolder previous = channel.size() > 0 ? readHolder(channel) : null;
                if (previous != null) {
                    log.warn("Taking over the lock {} left behind by a run that ended without releasing it"
                            + " (it is no longer holding it): {}", lockFile, previous.describe());
                }
                LockHolder me = LockHolder.thisProcess(description, Instant.now());
                writeHolder(channel, me);
                RunLock runLock = new RunLock(lockFile, channel, lock, me, previous);
                HELD_BY_THIS_PROCESS.put(lockFile, runLock);
                return runLock;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot take the run lock " + lockFile + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                closeQuietly(channel);
                throw e;
            }
        }
    }

    /**
     * The run holding the data home's lock right now, if any (for {@code status}); a lock file left
     * behind by a dead run is not a holder.
     */
    public static Optional<LockHolder> holder(Path home) {
        Path lockFile = lockFile(home);
        synchronized (HELD_BY_THIS_PROCESS) {
            RunLock mine = HELD_BY_THIS_PROCESS.get(lockFile);
            if (mine != null) {
                return Optional.of(mine.holder());
            }
            if (!Files.exists(lockFile)) {
                return Optional.empty();
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
                FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
                if (probe == null) {
                    return Optional.of(readHolder(channel));
                }
                probe.release();
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the run lock " + lockFile + ": " + e.getMessage(), e);
            }
        }
    }

    public static Path lockFile(Path home) {
        return home.toAbsolutePath().normalize().resolve(FILE_NAME);
    }

    /** Records the Spring Batch execution this run works on, so a refused run can name it. */
    public void recordExecution(long executionId) {
        synchronized (HELD_BY_THIS_PROCESS) {
            requireHeld();
            LockHolder updated = holder.withExecutionId(executionId);
            try {
                writeHolder(channel, updated);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record execution " + executionId + " in " + lockFile, e);
            }
            holder = updated;
        }
    }

    public LockHolder holder() {
        return holder;
    }

    /** The dead run whose lock file this one took over, if it found one. */
    public Optional<LockHolder> takenOverFrom() {
        return Optional.ofNullable(takenOverFrom);
    }

    public Path file() {
        return lockFile;
    }

    public boolean isHeld() {
        return lock.isValid();
    }

    /** Empties the lock file and releases the lock. Safe to call twice. */
    @Override
    public void close() {
        synchronized (HELD_BY_THIS_PROCESS) {
            if (!channel.isOpen()) {
                return;
            }
            try {
                channel.truncate(0);
                channel.force(true);
                lock.release();
            } catch (IOException e) {
                log.warn("Could not empty the run lock {} on release: {}", lockFile, e.toString());
            } finally {
                closeQuietly(channel);
                HELD_BY_THIS_PROCESS.remove(lockFile, this);
            }
        }
    }

    private void requireHeld() {
        if (!channel.isOpen()) {
            throw new IllegalStateException("the run lock " + lockFile + " has already been released");
        }
    }

    private static LockHolder readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read until full or end of file
        }
        buffer.flip();
        return LockHolder.fromFileText(StandardCharsets.UTF_8.decode(buffer).toString());
    }

    private static void writeHolder(FileChannel channel, LockHolder holder) throws IOException {
        ByteBuffer text = StandardCharsets.UTF_8.encode(holder.toFileText());
        channel.truncate(0);
        long position = 0;
        while (text.hasRemaining()) {
            position += channel.write(text, position);
        }
        channel.force(true);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Closing the run lock channel failed", e);
            }
        }
    }
}
