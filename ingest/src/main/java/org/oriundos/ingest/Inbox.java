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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder the providers' files arrive in. A scan recognises each file by its name, takes its
 * checksum, and sorts the files into those to load, those whose bytes are already loaded, and
 * those it cannot take.
 */
public final class Inbox {
    private final Path dir;

    public Inbox(Path dir) {
        this.dir = dir;
    }

    public InboxScan scan(Ledger ledger) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the inbox " + dir + ": " + e.getMessage(), e);
        }
        List<Candidate> candidates = new ArrayList<>();
        List<UnrecognizedFile> unrecognized = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.startsWith(".")) {
                continue; // hidden files: editors' and copy tools' temporaries, not deliveries
            }
            try {
                DeliveryName dn = DeliveryName.parse(name);
                candidates.add(new Candidate(new Delivery(f, dn.source(), dn.period(), Files.size(f), sha256(f)), dn));
            } catch (IllegalArgumentException e) {
                unrecognized.add(new UnrecognizedFile(f, e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.delivery.source())
                .thenComparing(c -> c.delivery.period())
                .thenComparingInt(c -> c.name.version())
                .thenComparing(c -> c.delivery.fileName()));
        java.util.Set<String> loadedShas = new java.util.HashSet<>();
        for (LedgerEntry e : ledger.entries()) {
            if (e.status() == LedgerEntry.Status.LOADED) {
                loadedShas.add(e.sha256());
            }
        }
        List<Delivery> toLoad = new ArrayList<>();
        List<Delivery> loaded = new ArrayList<>();
        Map<String, Delivery> bySha = new HashMap<>();
        for (Candidate c : candidates) {
            Delivery d = c.delivery;
            if (loadedShas.contains(d.sha256())) {
                loaded.add(d);
                continue;
            }
            Delivery twin = bySha.putIfAbsent(d.sha256(), d);
            if (twin != null) {
                unrecognized.add(new UnrecognizedFile(d.file(), "the same bytes as " + twin.fileName()
                        + ", which is taken in its place"));
            } else {
                toLoad.add(d);
            }
        }
        return new InboxScan(toLoad, loaded, unrecognized);
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
