package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.FileCounts;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.ingest.lake.TableSchema;
import org.oriundos.tools.sample.RemittanceExport;
import org.oriundos.transform.geography.GeographyCatalog;
import org.oriundos.transform.geography.MexicanState;
import org.oriundos.transform.geography.Municipality;

/**
 * An SIE export of every municipality, as Banco de México delivers it: every state's total, every
 * municipality of INEGI's 2020 list under Banco de México's names (short and old forms, {@code Gral.},
 * Oaxaca's homonyms as the 2020 list writes them, without their district) and every state's
 * {@code No identificado}, 53 quarters (2013 to the first quarter of 2026), Windows-1252 with its
 * metadata block: about 2,500 columns. Generated here, not committed (some 1.5 MB).
 *
 * <p>Ingest runs in a child JVM with a 32 MB heap, smaller than what the file becomes in memory
 * if it were held whole; conform then resolves every series to its own INEGI key or lists it.
 * The figures (time per series) are printed; docs/performance.md keeps them.
 */
class AllMunicipalitiesExportTest {
    private static final int HEAP_MB = 32;
    private static final List<LocalDate> QUARTERS = RemittanceExport.quarters(LocalDate.of(2013, 1, 1),
            LocalDate.of(2026, 1, 1));

    @TempDir
    Path tmp;

    /** Every state and every municipality of the 2020 list (those with a 2020 population), by state. */
    static RemittanceExport export(GeographyCatalog catalog) {
        Map<String, List<RemittanceExport.Municipality>> byState = new LinkedHashMap<>();
        for (Municipality m : catalog.municipalities()) {
            if (m.population2020() > 0) {
                byState.computeIfAbsent(m.stateCode(), k -> new ArrayList<>())
                        .add(new RemittanceExport.Municipality(m.key(), m.name(), m.population2020()));
            }
        }
        List<String> states = catalog.states().stream().map(MexicanState::code).toList();
        return new RemittanceExport(16, states, byState);
    }

    @Test
    void everySeriesOfAnExportOfEveryMunicipalityLoadsInABoundedHeapAndIsResolvedOrListed() throws Exception {
        GeographyCatalog catalog = GeographyCatalog.shipped();
        RemittanceExport export = export(catalog);
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Path file = export.write(inbox.resolve("banxico_remesas_todos_los_municipios.csv"),
                LocalDateTime.of(2026, 5, 5, 8, 29, 25), QUARTERS, null,
                Set.of(new RemittanceExport.NotAvailable("SE432020", LocalDate.of(2013, 1, 1))), true);
        int series = export.series().size();
        assertThat(series).isBetween(2_450, 2_600);
        assertThat(QUARTERS).hasSize(53);

        long started = System.nanoTime();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-Duser.timezone=UTC",
                "-cp", System.getProperty("java.class.path"), IngestOneFile.class.getName(),
                tmp.resolve("lake").toString(), file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile())
                .start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        long ingestMs = (System.nanoTime() - started) / 1_000_000;
        String log = Files.readString(tmp.resolve("child.log"));
        assertThat(done).as("child finished").isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        java.util.regex.Matcher took = java.util.regex.Pattern.compile("load took (\\d+) ms").matcher(log);
        assertThat(took.find()).as(log).isTrue();
        long loadMs = Long.parseLong(took.group(1));

        LakeLocation lake = LakeLocation.local(tmp.resolve("lake"));
        LedgerEntry entry = new Ledger(lake).entries().get(0);
        long values = (long) series * QUARTERS.size();
        assertThat(entry.status()).isEqualTo(LedgerEntry.Status.LOADED);
        assertThat(entry.encoding()).isEqualTo("windows-1252");
        assertThat(entry.counts()).isEqualTo(new FileCounts(values, values, 0, 0));

        started = System.nanoTime();
        new ConformStage(lake, ConformOptions.DEFAULTS).run(false);
        long conformMs = (System.nanoTime() - started) / 1_000_000;

        TableSchema c = ConformedTables.REMITTANCE;
        RawLake conformed = new RawLake(tmp.resolve("lake"));
        List<Object[]> rows = conformed.conformed(c, entry.period());
        assertThat(rows).hasSize((int) values);
        Map<String, Object[]> firstRowOf = new HashMap<>();
        for (Object[] r : rows) {
            firstRowOf.putIfAbsent((String) r[c.indexOf("series_id")], r);
        }
        List<String> wrong = new ArrayList<>();
        Set<String> unplaced = new TreeSet<>();
        for (int i = 0; i < series; i++) {
            RemittanceExport.Place place = export.places().get(i);
            Object[] r = firstRowOf.get(export.series().get(i).id());
            String level = (String) r[c.indexOf("series_level")];
            String key = (String) r[c.indexOf("municipality_key")];
            String expectedLevel = place.notIdentified() ? "NOT_IDENTIFIED"
                    : place.municipalityKey() == null ? "STATE_TOTAL" : "MUNICIPALITY";
            if (!level.equals(expectedLevel) || !place.stateCode().equals(r[c.indexOf("state_code")])) {
                wrong.add(export.series().get(i).title() + ": " + level + " " + r[c.indexOf("state_code")]);
            } else if (place.municipalityKey() != null && key == null) {
                unplaced.add(export.series().get(i).id());
            } else if (place.municipalityKey() != null && !place.municipalityKey().equals(key)) {
                wrong.add(export.series().get(i).title() + " resolved to " + key + ", not " + place.municipalityKey());
            }
        }
        assertThat(wrong).as("series resolved to another place").isEmpty();
        // Oaxaca's homonyms, written without their district as INEGI's 2020 list writes them: two
        // municipalities fit each name, so no rule picks one, and each series is listed
        assertThat(unplaced).containsExactly("SE420208", "SE420209", "SE420318", "SE420319");
        List<UnresolvedValue> listed = new Unresolved(lake).list();
        assertThat(listed).extracting(UnresolvedValue::column).containsExactlyInAnyOrder(
                "Título of SE420208 (column " + column(export, "SE420208") + ") (municipality)",
                "Título of SE420209 (column " + column(export, "SE420209") + ") (municipality)",
                "Título of SE420318 (column " + column(export, "SE420318") + ") (municipality)",
                "Título of SE420319 (column " + column(export, "SE420319") + ") (municipality)");
        assertThat(listed).allSatisfy(v -> assertThat(v.reason()).contains("fits 2 municipalities in Oaxaca (20)"));

        System.out.printf(Locale.ROOT, "SIE export of every municipality: %,d series x %d quarters = %,d values, %.1f MB"
                        + " (Windows-1252); ingest (FileLoader.load) in a child JVM with -Xmx%dm: %,d ms, %.2f ms per"
                        + " series (%,d ms with the JVM's start); conform (ConformStage.run, reference data included):"
                        + " %,d ms, %.2f ms per series; %d series listed as unresolved%n",
                series, QUARTERS.size(), values, Files.size(file) / 1e6, HEAP_MB, loadMs, loadMs / (double) series,
                ingestMs, conformMs, conformMs / (double) series, listed.size());
    }

    private static int column(RemittanceExport export, String id) {
        for (int i = 0; i < export.series().size(); i++) {
            if (export.series().get(i).id().equals(id)) {
                return i + 2;
            }
        }
        throw new AssertionError("no series " + id);
    }

    /** The child JVM: ingests one file into a lake, as the nightly's loader does. */
    public static final class IngestOneFile {
        public static void main(String[] args) {
            LakeLocation lake = LakeLocation.local(Path.of(args[0]));
            // chunks of 5,000 values, as the 3x1 file larger than the heap loads in BoundedHeapTest
            long started = System.nanoTime();
            LedgerEntry e = new FileLoader(lake, new IngestOptions(0.05, 5_000)).load(Inbox.delivery(Path.of(args[1])));
            System.out.println("load took " + (System.nanoTime() - started) / 1_000_000 + " ms");
            System.out.println(e);
            System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        }
    }
}
