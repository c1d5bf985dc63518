package org.oriundos.jobs.quiet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.oriundos.jobs.home.DataHome;
import org.oriundos.jobs.home.Settings;

/**
 * Everything a night's decision depends on, each part as a digest, read with the JDK alone (no
 * Hadoop, Parquet, DuckDB or Spring): the build that runs, the settings, the inbox listing (name,
 * kind, size, modification and change time, readable), the analysts' {@code conf/} folder, the
 * lake's ledger and transform's manifest, and the published warehouse file. Two stamps are equal
 * only when none of it changed; a part that cannot be stamped (a lake that is not on the local
 * disk, a load staged in the lake, a build without its stamp) makes no stamp at all, and the
 * night goes the full path.
 *
 * @param parts the digests, by part
 */
record HomeStamp(Map<String, String> parts) {
    static final String RESOURCE = "/org/oriundos/jobs/build-stamp.properties";
    private static final String BUILD = readBuild();

    HomeStamp {
        parts = Map.copyOf(parts);
    }

    /** The home as it is now, or empty when some part of it cannot be stamped. */
    static Optional<HomeStamp> of(Settings settings) {
        if (BUILD == null) {
            return Optional.empty();
        }
        DataHome home = settings.dataHome();
        Optional<Path> lake = localLake(home);
        if (lake.isEmpty() || !Files.isDirectory(home.inbox(), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            if (!entries(lake.get().resolve("staging")).isEmpty()) {
                return Optional.empty(); // a load staged, or a publish to complete: the full path sees to it
            }
            Map<String, String> parts = new TreeMap<>();
            parts.put("build", BUILD);
            parts.put("settings", settings(settings));
            parts.put("inbox", listing(home.inbox(), false, 1));
            parts.put("conf", listing(home.conf(), true, 1));
            parts.put("ledger", listing(lake.get().resolve("ledger"), true, 1));
            parts.put("manifest", listing(lake.get().resolve("conformed").resolve("manifest"), true, 3));
            parts.put("warehouse", file(home.warehouseFile()));
            return Optional.of(new HomeStamp(parts));
        } catch (IOException | UncheckedIOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The inbox checksum cache as it is now: the scan keeps it, so it is stamped after the scan;
     * a cache deleted or changed since makes the next scan hash again, which the quiet check leaves
     * to the full path.
     */
    static String cache(DataHome home) {
        try {
            return file(home.inboxChecksums());
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            return "unreadable";
        }
    }

    /** The lake's folder when it is on the local disk (as {@link DataHome#lake()} places it), without Hadoop. */
    static Optional<Path> localLake(DataHome home) {
        String uri = home.lakeUri();
        if (uri == null) {
            return Optional.of(home.root().resolve("lake").toAbsolutePath().normalize());
        }
        try {
            URI parsed = URI.create(uri);
            if (parsed.getScheme() == null) {
                return Optional.of(Path.of(uri).toAbsolutePath().normalize());
            }
            if ("file".equals(parsed.getScheme())) {
                return Optional.of(Path.of(parsed).toAbsolutePath().normalize());
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
        return Optional.empty(); // hdfs:// and the like: only Hadoop can list it
    }

    /**
     * The resolved settings, and what could point Spring at another job repository: the
     * {@code SPRING_*} environment, the {@code spring.*} system properties and the
     * {@code application*} files Spring Boot reads from the working directory (passwords left out:
     * changing one changes no repository).
     */
    private static String settings(Settings settings) throws IOException {
        Digest d = new Digest();
        d.add(settings.toString());
        new TreeMap<>(System.getenv()).forEach((k, v) -> {
            String upper = k.toUpperCase(Locale.ROOT);
            if (upper.startsWith("SPRING") && !upper.contains("PASSWORD")) {
                d.add(k).add(v);
            }
        });
        Properties system = System.getProperties();
        new TreeMap<>(system).forEach((k, v) -> {
            String name = String.valueOf(k);
            if (name.toLowerCase(Locale.ROOT).startsWith("spring.") && !name.toLowerCase(Locale.ROOT).contains("password")) {
                d.add(name).add(String.valueOf(v));
            }
        });
        Path workingDir = Path.of("").toAbsolutePath();
        List<Path> configDirs = new ArrayList<>(List.of(workingDir, workingDir.resolve("config")));
        for (Path sub : entries(workingDir.resolve("config"))) {
            if (Files.isDirectory(sub)) {
                configDirs.add(sub);
            }
        }
        for (Path dir : configDirs) {
            for (Path p : entries(dir)) {
                if (p.getFileName().toString().startsWith("application")) {
                    d.add(p.toString()).add(file(p));
                }
            }
        }
        return d.hex();
    }

    /** A folder's entries (below it to {@code depth} levels), each with its kind, size and times; "none" when it is absent. */
    private static String listing(Path dir, boolean hidden, int depth) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return "none";
        }
        Digest d = new Digest();
        list(dir, "", hidden, depth, d);
        return d.hex();
    }

    private static void list(Path dir, String prefix, boolean hidden, int depth, Digest d) throws IOException {
        for (Path p : entries(dir)) {
            String name = p.getFileName().toString();
            if (!hidden && name.startsWith(".")) {
                continue; // the scan ignores hidden names (copy tools' temporaries)
            }
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            d.add(prefix + name).add(entry(p, a));
            if (depth > 1 && a.isDirectory()) {
                list(p, prefix + name + "/", hidden, depth - 1, d);
            }
        }
    }

    /** One entry: kind, size, modification time, change time (a chmod, a rename), readable. */
    private static String entry(Path p, BasicFileAttributes a) throws IOException {
        String kind = a.isSymbolicLink() ? "l" : a.isDirectory() ? "d" : a.isRegularFile() ? "f" : "o";
        Object changed = Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        return kind + " " + a.size() + " " + a.lastModifiedTime().toInstant() + " "
                + (changed instanceof FileTime t ? t.toInstant() : changed) + " "
                + (a.isRegularFile() && Files.isReadable(p) ? "r" : "-");
    }

    private static String file(Path p) throws IOException {
        try {
            return entry(p, Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return "none";
        }
    }

    /** A folder's entries, sorted by name; none when it is absent. */
    private static List<Path> entries(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(found::add);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        found.sort((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString()));
        return found;
    }

    /** The build that runs, from its stamp; null when it has none (then no record is trusted). */
    private static String readBuild() {
        try (InputStream in = HomeStamp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String time = p.getProperty("build.time");
            return time == null || time.isBlank() || time.contains("${") ? null : time.strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** The parts of this stamp that differ from {@code other}'s, for the log. */
    List<String> differences(HomeStamp other) {
        List<String> differ = new ArrayList<>();
        Map<String, String> all = new LinkedHashMap<>(parts);
        other.parts.forEach(all::putIfAbsent);
        for (String part : new TreeMap<>(all).keySet()) {
            if (!String.valueOf(parts.get(part)).equals(String.valueOf(other.parts.get(part)))) {
                differ.add(part);
            }
        }
        return differ;
    }

    /** SHA-256 over length-prefixed fields, so no two listings run together into the same text. */
    private static final class Digest {
        private final MessageDigest md;

        Digest() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JVM has no SHA-256", e);
            }
        }

        Digest add(String field) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            md.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
            md.update(bytes);
            return this;
        }

        String hex() {
            return HexFormat.of().formatHex(md.digest());
        }
    }
}
