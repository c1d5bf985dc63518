package org.oriundos.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder the providers' files arrive in. A scan looks at each entry without following links,
 * takes only whole files (settled, or marked done), recognises each by its name, takes its
 * checksum, and sorts the files into those to load, those whose bytes are already loaded, and
 * those it cannot take (each with the reason). One odd entry never stops the scan: a link, a
 * folder, a device, an unreadable file is named and left alone, and the others load.
 *
 * <p>A file is whole when either
 * <ul>
 * <li>its {@code .done} marker ({@code NAME.csv.done} or {@code NAME.done}) is there and is not
 * older than the file; or</li>
 * <li>no marker is in use (no {@code .done} file in the inbox) and its size and modification time
 * have not changed for the settle interval, or since an earlier scan found it whole (the checksum
 * cache remembers those).</li>
 * </ul>
 * While any {@code .done} marker is in the inbox, a new file is taken only with its own marker.
 * Names ending in {@code .part} or {@code .tmp} are copies in progress, taken once renamed.
 * Whatever the scan decided, the loader hashes the bytes it reads and compares them with the
 * scan's checksum, so a file that changes after the scan is never published under it.
 */
public final class Inbox {
    /** Names of copies still in progress: taken once renamed without the suffix. */
    public static final List<String> PARTIAL_SUFFIXES = List.of(".part", ".tmp");
    /** The suffix of a marker file: {@code NAME.csv.done} (or {@code NAME.done}) says NAME.csv is whole. */
    public static final String MARKER_SUFFIX = ".done";

    private final Path dir;
    private final Path checksumCache;
    private final Duration settle;
    private final Clock clock;

    /** An inbox whose files are all hashed on every scan, taken as soon as they are there. */
    public Inbox(Path dir) {
        this(dir, null);
    }

    /**
     * An inbox that keeps its files' checksums in {@code checksumCache} ({@link ChecksumCache}), so a
     * scan hashes only the files that are new or changed in size or modification time; files are
     * taken as soon as they are there (no settle interval).
     */
    public Inbox(Path dir, Path checksumCache) {
        this(dir, checksumCache, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * @param settle how long a file's size and modification time must have stood still before it is
     *               taken (when it has no {@code .done} marker)
     * @param clock  what "now" is, against the files' modification times
     */
    public Inbox(Path dir, Path checksumCache, Duration settle, Clock clock) {
        if (settle.isNegative()) {
            throw new IllegalArgumentException("the settle interval cannot be negative: " + settle);
        }
        this.dir = dir;
        this.checksumCache = checksumCache;
        this.settle = settle;
        this.clock = clock;
    }

    /** Scans without trying again the files whose very bytes were refused before. */
    public InboxScan scan(Ledger ledger) {
        return scan(ledger, false);
    }

    /**
     * Sorts the inbox's files against the ledger.
     *
     * @param retryRefused take again the files whose very bytes an earlier load refused (a full
     *                     rebuild asks for it: the operator may have raised the reject threshold);
     *                     otherwise they are listed as still refused and left alone
     */
    public InboxScan scan(Ledger ledger, boolean retryRefused) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + dir + ": " + e.getMessage(), e);
        }
        Map<String, Marker> markers = markers(entries);
        ChecksumCache checksums = ChecksumCache.at(checksumCache);
        List<Candidate> candidates = new ArrayList<>();
        List<UnrecognizedFile> unrecognized = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path f : entries) {
            names.add(f.getFileName().toString().toLowerCase(Locale.ROOT));
        }
        for (Path f : entries) {
            String name = f.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // hidden files: editors' and copy tools' temporaries, not deliveries
            }
            Candidate c = examine(f, name, markers, names, checksums, unrecognized);
            if (c != null) {
                candidates.add(c);
            }
        }
        checksums.save();
        candidates.sort(Comparator.comparing((Candidate c) -> c.delivery.source())
                .thenComparing(c -> c.delivery.period())
                .thenComparingInt(c -> c.name.version())
                .thenComparing(c -> c.delivery.fileName()));
        Set<String> loadedShas = new HashSet<>();
        Map<String, LedgerEntry> refusals = new HashMap<>();     // sha -> its latest FAILED entry
        Map<String, LedgerEntry> current = new HashMap<>();      // table|period -> its latest LOADED entry
        for (LedgerEntry e : ledger.entries()) {                 // oldest first
            String sha = e.sha256().toLowerCase(Locale.ROOT);
            if (e.status() == LedgerEntry.Status.LOADED) {
                loadedShas.add(sha);
                current.put(e.sourceTable() + "|" + e.period(), e);
            } else {
                refusals.put(sha, e);
            }
        }
        List<Delivery> toLoad = new ArrayList<>();
        List<Delivery> loaded = new ArrayList<>();
        List<RefusedFile> stillRefused = new ArrayList<>();
        Map<String, Delivery> bySha = new HashMap<>();
        for (Candidate c : candidates) {
            Delivery d = c.delivery;
            String sha = d.sha256().toLowerCase(Locale.ROOT);
            LedgerEntry held = current.get(d.source().tableName() + "|" + d.period());
            if (held != null && held.sha256().equalsIgnoreCase(sha)) {
                loaded.add(d);
                continue;
            }
            // Never trust the ledger over the file in front of us: when the current delivery of this
            // period came from a file of this very name and that file now holds other bytes, it is a
            // new delivery, even if these bytes were loaded once before (a copy cut short, then redone).
            boolean redeliveredUnderItsName = held != null && held.fileName().equals(d.fileName());
            if (!redeliveredUnderItsName && loadedShas.contains(sha)) {
                loaded.add(d);
                continue;
            }
            if (c.waitingFor != null) {
                unrecognized.add(new UnrecognizedFile(d.file(), c.waitingFor, true));
                continue;
            }
            LedgerEntry refusal = refusals.get(sha);
            if (refusal != null && !retryRefused) {
                stillRefused.add(new RefusedFile(d, refusal));
                continue;
            }
            if (held != null && versionOf(held.fileName()) > c.name.version()) {
                unrecognized.add(new UnrecognizedFile(d.file(), "an earlier delivery of " + d.period() + " than "
                        + held.fileName() + ", which is loaded: a late copy of an old version never replaces a newer one"));
                continue;
            }
            Delivery twin = bySha.putIfAbsent(sha, d);
            if (twin != null) {
                unrecognized.add(new UnrecognizedFile(d.file(), "the same bytes as " + twin.fileName()
                        + ", which is taken in its place"));
            } else {
                toLoad.add(d);
            }
        }
        return new InboxScan(toLoad, loaded, stillRefused, unrecognized);
    }

    /**
     * Looks at one inbox entry: a delivery to consider (with its checksum), or {@code null} when it
     * is noted in {@code unrecognized} (or is a marker, which is no delivery of its own).
     */
    private Candidate examine(Path f, String name, Map<String, Marker> markers, Set<String> names,
                              ChecksumCache checksums, List<UnrecognizedFile> unrecognized) {
        String lower = name.toLowerCase(Locale.ROOT);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            unrecognized.add(new UnrecognizedFile(f, "cannot be examined (" + why(e) + "): left alone"));
            return null;
        }
        if (attrs.isSymbolicLink()) {
            unrecognized.add(new UnrecognizedFile(f, "a symbolic link: links are never followed (one could make"
                    + " oriundos read a file from outside the inbox); copy the file itself into the inbox"));
            return null;
        }
        if (attrs.isDirectory()) {
            unrecognized.add(new UnrecognizedFile(f, "a folder, not a file: nothing inside folders is loaded;"
                    + " put the files themselves in the inbox"));
            return null;
        }
        if (!attrs.isRegularFile()) {
            unrecognized.add(new UnrecognizedFile(f, "not a regular file (a device, pipe or socket): never read"));
            return null;
        }
        if (lower.endsWith(MARKER_SUFFIX)) {
            if (markers.get(lower) != null && markers.get(lower).target() != null
                    && !names.contains(markers.get(lower).target())) {
                unrecognized.add(new UnrecognizedFile(f, "a " + MARKER_SUFFIX + " marker whose file "
                        + DeliveryText.printable(markers.get(lower).target()) + " is not in the inbox"));
            }
            return null;
        }
        for (String suffix : PARTIAL_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                unrecognized.add(new UnrecognizedFile(f, "a copy in progress (" + suffix + "): taken once it is"
                        + " renamed to its own name", true));
                return null;
            }
        }
        DeliveryName dn;
        try {
            dn = DeliveryName.parse(name);
        } catch (IllegalArgumentException e) {
            unrecognized.add(new UnrecognizedFile(f, e.getMessage()));
            return null;
        }
        if (!Files.isReadable(f)) {
            unrecognized.add(new UnrecognizedFile(f, "cannot be read by this user (its permissions): never read;"
                    + " make it readable and the next night takes it"));
            return null;
        }
        long size = attrs.size();
        long modified = attrs.lastModifiedTime().toMillis();
        Marker marker = markers.get(lower);
        boolean marked = marker != null && marker.modified() >= modified;
        if (!marked && !settle.isZero() && !checksums.knows(name, size, modified)) {
            // (a file an earlier scan found whole, unchanged since, is whole still)
            long age = clock.millis() - modified;
            if (age < settle.toMillis()) {
                unrecognized.add(new UnrecognizedFile(f, (age < 0
                        ? "modified in the future by this machine's clock (" + (-age / 1000) + " s ahead)"
                        : "still being written: modified " + (age / 1000) + " s ago")
                        + "; taken once it has not changed for " + settle.toSeconds() + " s", true));
                return null;
            }
        }
        String sha;
        try {
            sha = checksums.sha256(f, size, modified);
            BasicFileAttributes after = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (after.size() != size || after.lastModifiedTime().toMillis() != modified) {
                checksums.forget(f);
                unrecognized.add(new UnrecognizedFile(f, "changed while it was being read: taken once it has"
                        + " stopped changing", true));
                return null;
            }
        } catch (IOException | UncheckedIOException e) {
            checksums.forget(f);
            unrecognized.add(new UnrecognizedFile(f, "cannot be read (" + why(e) + "): left alone, and the other"
                    + " files load"));
            return null;
        }
        String waitingFor = null;
        if (!markers.isEmpty() && !marked) {
            String markerName = name + MARKER_SUFFIX;
            waitingFor = marker == null
                    ? "waiting for its marker " + DeliveryText.printable(markerName) + " (this inbox uses "
                    + MARKER_SUFFIX + " markers, so a new file is taken only with its own)"
                    : "changed after its " + MARKER_SUFFIX + " marker was written: waiting for a new marker";
        }
        return new Candidate(new Delivery(f, dn.source(), dn.period(), size, sha), dn, waitingFor);
    }

    /**
     * The {@code .done} markers of the inbox, by the lower-case name of the file each marks
     * ({@code x.csv.done} and {@code x.done} both mark {@code x.csv}), and by their own name.
     */
    private static Map<String, Marker> markers(List<Path> entries) {
        Map<String, Marker> markers = new HashMap<>();
        for (Path p : entries) {
            String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!lower.endsWith(MARKER_SUFFIX) || lower.startsWith(".")) {
                continue;
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                continue;
            }
            if (!a.isRegularFile()) {
                continue; // a link or a folder is no marker; the scan names it
            }
            String base = lower.substring(0, lower.length() - MARKER_SUFFIX.length());
            String target = base.endsWith(".csv") ? base : base + ".csv";
            Marker m = new Marker(target, a.lastModifiedTime().toMillis());
            markers.merge(target, m, (x, y) -> x.modified() >= y.modified() ? x : y);
            markers.put(lower, m);
        }
        return markers;
    }

    private static String why(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "it was removed";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + DeliveryText.printable(m));
    }

    /**
     * Forgets the cached checksum of a file whose load found other bytes than the scan's checksum
     * (a file rewritten in place, keeping its size and modification time), so the next scan hashes
     * it again instead of answering the stale checksum night after night.
     */
    public void forgetChecksum(String fileName) {
        ChecksumCache.drop(checksumCache, fileName);
    }

    /** The delivery version a ledger entry's file name says (1 for a name this version cannot read). */
    private static int versionOf(String fileName) {
        try {
            return DeliveryName.parse(fileName).version();
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    /** Hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /** A delivery for a recognised file name (for tests and tools that load one file by hand). */
    public static Delivery delivery(Path file) {
        DeliveryName dn = DeliveryName.parse(file.getFileName().toString());
        try {
            return new Delivery(file, dn.source(), dn.period(), Files.size(file), sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private record Candidate(Delivery delivery, DeliveryName name, String waitingFor) {
    }

    private record Marker(String target, long modified) {
    }
}
