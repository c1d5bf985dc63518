package org.oriundos.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.oriundos.ingest.lake.LakeLocation;

/**
 * The readers under random faults: random bytes, random cuts, random encodings and random field
 * shifts of a registry file full of marker strings. Each file ends loaded with every row accounted
 * for (read = loaded + rejected + skipped, rejects carrying a reason) or refused with a reason;
 * never an exception, never a marker in what the lake keeps, never a row that is not one of the
 * file's own whole rows.
 */
class ReaderPropertiesTest {
    private static final int ROWS = 12;
    private static final String WHOLE = Deliveries.registry(ROWS);

    @Property(tries = 40)
    void randomBytesAreLoadedOrRefusedNeverACrash(@ForAll @Size(max = 3000) byte[] bytes,
                                                  @ForAll boolean withHeader) {
        byte[] content = withHeader ? concat((Deliveries.REGISTRY_HEADER + "\n").getBytes(StandardCharsets.UTF_8), bytes)
                : bytes;
        checkOutcome(content);
    }

    @Property(tries = 40)
    void aRegistryFileCutAnywhereLoadsOnlyWholeRowsAndLeaksNothing(@ForAll @IntRange(min = 0, max = 2400) int cut) {
        byte[] whole = WHOLE.getBytes(StandardCharsets.UTF_8);
        byte[] content = java.util.Arrays.copyOf(whole, Math.min(cut, whole.length));
        checkOutcome(content);
    }

    @Property(tries = 40)
    void aRegistryFileInAnyEncodingLoadsOrIsRefusedNamingIt(@ForAll("encodings") String encoding,
                                                           @ForAll boolean accents) {
        String text = accents ? WHOLE.replace("Club Oriundo", "Club Peñón") : WHOLE;
        byte[] content = switch (encoding) {
            case "UTF-8 BOM" -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            case "UTF-16LE BOM" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            case "UTF-16BE BOM" -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
            default -> text.getBytes(Charset.forName(encoding));
        };
        Outcome o = checkOutcome(content);
        if (encoding.startsWith("UTF-16") || encoding.startsWith("UTF-32")) {
            assertThat(o.entry.status()).isEqualTo(LedgerEntry.Status.FAILED);
            assertThat(o.entry.message()).containsAnyOf("UTF-16", "UTF-32", "NUL bytes");
        } else {
            assertThat(o.entry.counts().loaded()).isEqualTo(ROWS);
        }
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("UTF-8", "UTF-8 BOM", "windows-1252", "ISO-8859-1", "UTF-16LE", "UTF-16BE",
                "UTF-16LE BOM", "UTF-16BE BOM", "UTF-32LE", "UTF-32BE");
    }

    @Property(tries = 40)
    void aRowWithAFieldDroppedAndACommaAddedNeverLoadsPersonalData(@ForAll @IntRange(min = 1, max = ROWS) int row,
                                                                   @ForAll @IntRange(min = 0, max = 16) int dropped,
                                                                   @ForAll @IntRange(min = 0, max = 16) int split) {
        List<String> lines = new ArrayList<>(List.of(WHOLE.split("\n")));
        List<String> fields = new ArrayList<>(List.of(Deliveries.registryRow(row).replace("\"", "").split(",", -1)));
        String splitField = fields.get(split);
        int middle = splitField.length() / 2;
        fields.set(split, splitField.substring(0, middle) + "," + splitField.substring(middle)); // an unquoted comma
        fields.remove(dropped);
        lines.set(row, String.join(",", fields));
        // a shift between two free-text columns cannot be seen, so the row may load; what may not
        // happen is a crash, a lost row, or a leader's contact data in the lake
        Outcome o = checkOutcome((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), false);
        assertThat(o.entry.counts().read()).isEqualTo(ROWS);
        assertThat(o.entry.counts().loaded()).isIn((long) ROWS - 1, (long) ROWS, 0L);
    }

    /** What a load of {@code content} as a registry file ended in, after checking the invariants. */
    private static Outcome checkOutcome(byte[] content) {
        return checkOutcome(content, true);
    }

    private static Outcome checkOutcome(byte[] content, boolean rowsAreTheFilesOwn) {
        Path dir = tempDir();
        try {
            Path file = Deliveries.write(dir.resolve("inbox/ime_directorio_2024-01-01.csv"), content);
            TestLake lake = new TestLake(dir.resolve("inbox"), LakeLocation.local(dir.resolve("lake")));
            LedgerEntry entry = new FileLoader(lake.lake, new IngestOptions(0.5, 4)).load(Inbox.delivery(file));
            FileCounts c = entry.counts();
            assertThat(c.read()).isEqualTo(c.loaded() + c.rejected() + c.skipped());
            assertThat(entry.message() == null || !entry.message().isBlank()).isTrue();
            List<RejectedRow> rejects = lake.rejects(file.getFileName().toString());
            assertThat(rejects).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
            List<Object[]> rows = lake.rows(RawTables.REGISTRY, "2024-01-01");
            if (entry.status() == LedgerEntry.Status.LOADED) {
                assertThat((long) rows.size()).isEqualTo(c.loaded());
                assertThat(rows).allSatisfy(r -> assertThat(!rowsAreTheFilesOwn || WHOLE.contains((String) TestLake.col(RawTables.REGISTRY, r,
                        "organization_id") + ",,Club Oriundo")).isTrue());
            } else {
                assertThat(c.loaded()).isZero();
                assertThat(rows).isEmpty();
                assertThat(rejects).anySatisfy(r -> assertThat(r.line()).isZero());
            }
            StringBuilder kept = new StringBuilder(entry.toString());
            rejects.forEach(r -> kept.append(r).append('\n'));
            List<String> strings = new ArrayList<>();
            rows.forEach(r -> ProjectsIngestTest.addStrings(strings, r));
            strings.forEach(kept::append);
            assertThat(Deliveries.markersIn(kept.toString())).as(kept.toString()).isEmpty();
            return new Outcome(entry);
        } finally {
            delete(dir);
        }
    }

    private record Outcome(LedgerEntry entry) {
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("reader-property");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
