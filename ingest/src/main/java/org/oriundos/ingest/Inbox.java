package org.oriundos.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * The folder the providers' files arrive in. A scan recognises each file by its name, takes its
 * checksum, and sorts the files into those to load, those whose bytes are already loaded, and
 * those it cannot take.
 */
public final class Inbox {
    private final Path dir;
    private final Path checksumCache;

    /** An inbox whose files are all hashed on every scan. */
    public Inbox(Path dir) {
        this(dir, null);
    }

    /**
     * An inbox that keeps its files' checksums in {@code checksumCache} ({@link ChecksumCache}), so a
     * scan hashes only the files that are new or changed in size or modification time.
     */
    public Inbox(Path dir, Path checksumCache) {
        this.dir = dir;
        this.checksumCache = checksumCache;
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
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + dir + ": " + e.getMessage(), e);
        }
        ChecksumCache checksums = ChecksumCache.at(checksumCache);
        List<Candidate> candidates = new ArrayList<>();
        List<UnrecognizedFile> unrecognized = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // hidden files: editors' and copy tools' temporaries, not deliveries
            }
            try {
                DeliveryName dn = DeliveryName.parse(name);
                long size = Files.size(f);
                candidates.add(new Candidate(new Delivery(f, dn.source(), dn.period(), size, checksums.sha256(f, size)), dn));
            } catch (IllegalArgumentException e) {
                unrecognized.add(new UnrecognizedFile(f, e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
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
            if (loadedShas.contains(sha)) {
                loaded.add(d);
                continue;
            }
            LedgerEntry refusal = refusals.get(sha);
            if (refusal != null && !retryRefused) {
                stillRefused.add(new RefusedFile(d, refusal));
                continue;
            }
            LedgerEntry held = current.get(d.source().tableName() + "|" + d.period());
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

    private record Candidate(Delivery delivery, DeliveryName name) {
    }
}
