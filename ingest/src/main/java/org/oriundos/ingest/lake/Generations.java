package org.oriundos.ingest.lake;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lake's one atomic replace. Whatever is replaced whole (a partition, a whole table, the
 * association registry with its keys) lives in a <em>slot</em> folder, as numbered generations:
 *
 * <pre>
 * conformed/project/period=2019/         the slot
 *     gen-000006/part-00000.parquet      an older generation: removed once 7 is in place
 *     gen-000007/part-00000.parquet      the current generation: the highest number
 *     _pending-000008/…                  a save in progress, or the leftovers of a crashed one
 * </pre>
 *
 * A save writes the new generation in full under {@code _pending-<n>}, then switches to it in one
 * step: a rename to {@code gen-<n>}, a name that does not exist yet. That rename is atomic on the
 * local file system and on HDFS alike (neither is asked to overwrite anything, which HDFS would
 * refuse and the local file system would do file by file), so a reader or a crash sees the old
 * generation or the new one, never neither and never a mix. Older generations are removed after
 * the switch; a crash before that leaves them behind, ignored, and the next save of the slot
 * removes them, as it removes the pending folders of crashed saves. A slot written before
 * generations existed (its part files loose in the slot) reads as generation 0 until its first save.
 *
 * <p>Files that are created once and never replaced (ledger entries, a load's commit point, the
 * registry's journal) use {@link #createOnce}: written beside under a hidden name, renamed to a name
 * that does not exist yet.
 *
 * <p>Each step is announced to the lake's {@link CrashPoint} first, so a test can stop a save at
 * every one of them.
 */
public final class Generations {
    static final String GENERATION = "gen-";
    static final String PENDING = "_pending-";
    private static final Pattern NUMBERED = Pattern.compile("(?:gen-|_pending-)(\\d+)");
    private static final String PENDING_FILE = ".pending";

    private final LakeLocation lake;

    public Generations(LakeLocation lake) {
        this.lake = Objects.requireNonNull(lake, "lake");
    }

    /** A generation being written: {@link #dir()} to write into, then {@link #commit()}. */
    public final class Pending {
        private final Path slot;
        private final Path dir;
        private final long number;

        private Pending(Path slot, Path dir, long number) {
            this.slot = slot;
            this.dir = dir;
            this.number = number;
        }

        /** The folder to write the new generation's files into. */
        public Path dir() {
            return dir;
        }

        /** Switches the slot to this generation (everything must be written), then removes older ones. */
        public void commit() {
            step("switch", slot);
            rename(dir, generation(slot, number), "switch " + slot + " to its generation " + number);
            step("clean", slot);
            clean(slot);
        }

        /** Drops this generation unused; the slot keeps the one it has. */
        public void abandon() {
            delete(dir);
        }
    }

    /**
     * The folder of a slot's current generation: its highest {@code gen-<n>}, or the slot itself
     * when it holds part files of a release before generations; empty when there is neither.
     */
    public Optional<Path> current(Path slot) {
        Path best = null;
        long bestNumber = -1;
        boolean loose = false;
        for (FileStatus st : list(slot)) {
            String name = st.getPath().getName();
            if (st.isDirectory() && name.startsWith(GENERATION)) {
                long n = number(name);
                if (n > bestNumber) {
                    bestNumber = n;
                    best = st.getPath();
                }
            } else if (st.isFile() && isDataFile(name)) {
                loose = true;
            }
        }
        if (best != null) {
            return Optional.of(best);
        }
        return loose ? Optional.of(slot) : Optional.empty();
    }

    /** The number of a slot's current generation; 0 when it has none, or only files of a release before generations. */
    public long generation(Path slot) {
        return current(slot).filter(dir -> !dir.equals(slot)).map(dir -> number(dir.getName())).orElse(0L);
    }

    /** The Parquet files of a slot's current generation, by name; none when the slot is empty or missing. */
    public List<Path> files(Path slot) {
        return current(slot).map(this::dataFiles).orElse(List.of());
    }

    /** The files of every partition of a table in a zone (each its current generation), by period then name. */
    public List<Path> partitionFiles(LakeLayout.Zone zone, String table) {
        List<Path> files = new ArrayList<>();
        for (Path partition : new LakeLayout(lake).partitions(zone, table)) {
            files.addAll(files(partition));
        }
        return files;
    }

    /**
     * Every file a reader sees below a folder now, by its logical name: its path below
     * {@code dir} with the generation folder left out ({@code project/period=2019/part-00000.parquet}),
     * so two lakes holding the same data list the same names whatever generations they went
     * through. Pending saves and older generations are not seen.
     */
    public SortedMap<String, Path> currentFiles(Path dir) {
        SortedMap<String, Path> out = new TreeMap<>();
        collect(dir, "", out);
        return out;
    }

    private void collect(Path dir, String prefix, SortedMap<String, Path> out) {
        Optional<Path> current = current(dir);
        if (current.isPresent() && !current.get().equals(dir)) {
            collect(current.get(), prefix, out);
        }
        for (FileStatus st : list(dir)) {
            String name = st.getPath().getName();
            if (LakeLayout.hidden(name) || (st.isDirectory() && name.startsWith(GENERATION))) {
                continue;
            }
            if (st.isDirectory()) {
                collect(st.getPath(), prefix + name + "/", out);
            } else if (isDataFile(name)) {
                out.put(prefix + name, st.getPath());
            }
        }
    }

    /** The Parquet files directly in a folder (not hidden), by name. */
    public List<Path> dataFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        for (FileStatus st : list(dir)) {
            if (st.isFile() && isDataFile(st.getPath().getName())) {
                files.add(st.getPath());
            }
        }
        files.sort(Comparator.comparing(Path::getName));
        return files;
    }

    /** Whether a slot holds a generation. */
    public boolean exists(Path slot) {
        return current(slot).isPresent();
    }

    /**
     * Starts a new generation of a slot, after removing what crashed saves of the slot left
     * pending. The caller writes its files into {@link Pending#dir()} and commits.
     */
    public Pending begin(Path slot) {
        FileSystem fs = lake.fileSystem();
        long next = 0;
        for (FileStatus st : list(slot)) {
            String name = st.getPath().getName();
            if (name.startsWith(PENDING)) {
                delete(st.getPath());
            } else if (st.isDirectory() && name.startsWith(GENERATION)) {
                next = Math.max(next, number(name));
            }
        }
        next++;
        Path dir = new Path(slot, String.format(Locale.ROOT, "%s%06d", PENDING, next));
        try {
            if (!fs.mkdirs(dir)) {
                throw new IOException("mkdirs refused");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a new generation of " + slot + ": " + e.getMessage(), e);
        }
        step("write", slot);
        return new Pending(slot, dir, next);
    }

    /** Replaces a slot's content: {@code write} fills the new generation's folder, then the slot switches to it. */
    public void replace(Path slot, Consumer<Path> write) {
        Pending pending = begin(slot);
        write.accept(pending.dir());
        pending.commit();
    }

    /**
     * Makes a complete folder written elsewhere (a load's staging) the slot's next generation, by
     * renaming it in; then removes the older ones.
     */
    public void switchTo(Path slot, Path complete) {
        FileSystem fs = lake.fileSystem();
        long next = 0;
        for (FileStatus st : list(slot)) {
            String name = st.getPath().getName();
            if (name.startsWith(PENDING) || (st.isDirectory() && name.startsWith(GENERATION))) {
                next = Math.max(next, number(name));
            }
        }
        step("switch", slot);
        try {
            fs.mkdirs(slot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + slot + ": " + e.getMessage(), e);
        }
        rename(complete, generation(slot, next + 1), "move " + complete + " into " + slot);
        step("clean", slot);
        clean(slot);
    }

    /**
     * Removes from a slot all but its current generation: the pending folders of crashed saves,
     * and, once the slot has a generation, the older ones and part files of a release before
     * generations. Call it only when no save of the slot is under way.
     */
    public void clean(Path slot) {
        Optional<Path> current = current(slot);
        long keep = current.isEmpty() || current.get().equals(slot) ? -1 : number(current.get().getName());
        for (FileStatus st : list(slot)) {
            String name = st.getPath().getName();
            boolean older = keep >= 0 && st.isDirectory() && name.startsWith(GENERATION) && number(name) < keep;
            boolean legacy = keep >= 0 && st.isFile() && isDataFile(name);
            if (older || legacy || name.startsWith(PENDING)) {
                delete(st.getPath());
            }
        }
    }

    /** Removes a slot and every generation in it. */
    public void drop(Path slot) {
        step("drop", slot);
        delete(slot);
    }

    /**
     * Creates a file that is never replaced: written beside it under a hidden name, then renamed
     * to its own. If an earlier attempt already created it, it stays as it is.
     */
    public void createOnce(Path target, Consumer<Path> write) {
        FileSystem fs = lake.fileSystem();
        Path pending = new Path(target.getParent(), "_" + target.getName() + PENDING_FILE);
        try {
            if (fs.exists(target)) {
                return;
            }
            fs.mkdirs(target.getParent());
            fs.delete(pending, true);
            write.accept(pending);
            step("create", target);
            rename(pending, target, "create " + target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the hidden files a crashed {@link #createOnce} left in a folder. */
    public void clearPendingFiles(Path dir) {
        for (FileStatus st : list(dir)) {
            String name = st.getPath().getName();
            if (name.startsWith("_") && name.endsWith(PENDING_FILE)) {
                delete(st.getPath());
            }
        }
    }

    /** Deletes a folder or file that is private to one save (staging, a journal): announced, then gone. */
    public void remove(Path path) {
        try {
            if (!lake.fileSystem().exists(path)) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + path + " in the lake: " + e.getMessage(), e);
        }
        step("remove", path);
        delete(path);
    }

    private void step(String what, Path path) {
        lake.step(what + " " + new LakeLayout(lake).relative(path));
    }


    private static Path generation(Path slot, long number) {
        return new Path(slot, String.format(Locale.ROOT, "%s%06d", GENERATION, number));
    }

    private static boolean isDataFile(String name) {
        return name.endsWith(".parquet") && !LakeLayout.hidden(name);
    }

    private static long number(String name) {
        Matcher m = NUMBERED.matcher(name);
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    private void rename(Path from, Path to, String what) {
        FileSystem fs = lake.fileSystem();
        try {
            if (fs.exists(to)) {
                throw new IOException(to + " is already there");
            }
            if (!fs.rename(from, to)) {
                throw new IOException("the rename was refused");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private void delete(Path path) {
        try {
            lake.fileSystem().delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path + " from the lake: " + e.getMessage(), e);
        }
    }

    private FileStatus[] list(Path dir) {
        try {
            return lake.fileSystem().listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + " in the lake: " + e.getMessage(), e);
        }
    }
}
