package org.oriundos.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inbox files' SHA-256 from the last scan, by name, size and modification time, so that a
 * night does not read every file ever delivered again (the inbox only grows: at 20 years of
 * history it is tens of megabytes at the generator's sizes, gigabytes with real survey files).
 * A file whose size or modification time changed is hashed again, as make and rsync decide what
 * changed. It is only a cache: deleting the file costs one full hashing, nothing else, and an
 * unreadable line is ignored.
 *
 * <p>Format: one line per file, {@code name TAB size TAB modified-millis TAB sha256}; rewritten
 * whole after each scan (beside its place, then renamed), holding only the files present.
 */
final class ChecksumCache {
    private final Path file;
    private final Map<String, String> known = new HashMap<>(); // name|size|mtime -> sha256
    private final Map<String, String> seen = new TreeMap<>();  // what this scan found, to save

    private ChecksumCache(Path file) {
        this.file = file;
    }

    /** The cache kept in {@code file}, or none (every file hashed) when {@code file} is null. */
    static ChecksumCache at(Path file) {
        ChecksumCache cache = new ChecksumCache(file);
        if (file != null && Files.isRegularFile(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length == 4 && f[3].matches("[0-9a-f]{64}")) {
                        cache.known.put(f[0] + "|" + f[1] + "|" + f[2], f[3]);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                cache.known.clear(); // unreadable: hash everything, and write it anew
            }
        }
        return cache;
    }

    /**
     * The file's SHA-256: from the cache when its name, size and modification time are as then.
     * The caller stats the file ({@code size}, {@code modified}) before, and again after, so bytes
     * that changed while they were hashed are noticed ({@link #forget}).
     */
    String sha256(Path inboxFile, long size, long modified) throws IOException {
        String name = inboxFile.getFileName().toString();
        String key = name + "|" + size + "|" + modified;
        String sha = known.get(key);
        if (sha == null) {
            sha = Inbox.sha256(inboxFile);
        }
        if (name.indexOf('\t') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            seen.put(name, name + "\t" + size + "\t" + modified + "\t" + sha); // a line per name: no tab or break in it
        }
        return sha;
    }

    /**
     * Whether an earlier scan hashed this file at this very size and modification time: only
     * whole (settled or marked) files are hashed, so such a file has not changed since it was whole.
     */
    boolean knows(String name, long size, long modified) {
        return known.containsKey(name + "|" + size + "|" + modified);
    }

    /** Drops what this scan found for a file (it changed while it was hashed: its checksum says nothing). */
    void forget(Path inboxFile) {
        seen.remove(inboxFile.getFileName().toString());
    }

    /**
     * Drops a file's line from the cache kept in {@code file}: its bytes turned out not to be those
     * the cached checksum says (rewritten in place keeping its size and modification time), so the
     * next scan hashes it again.
     */
    static void drop(Path file, String name) {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        ChecksumCache cache = new ChecksumCache(file);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 4 && !f[0].equals(name)) {
                    cache.seen.put(f[0], line);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            cache.seen.clear(); // unreadable: start again, costing one full hashing
        }
        cache.save();
    }

    /** Keeps what this scan found, for the next one. */
    void save() {
        if (file == null) {
            return;
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (String line : seen.values()) {
                    w.write(line);
                    w.write('\n');
                }
            }
            LocalFiles.moveIntoPlace(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the inbox checksum cache " + file + ": " + e.getMessage(), e);
        }
    }
}
