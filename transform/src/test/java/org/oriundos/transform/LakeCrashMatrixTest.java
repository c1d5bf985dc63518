package org.oriundos.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oriundos.ingest.Delivery;
import org.oriundos.ingest.FileLoader;
import org.oriundos.ingest.Inbox;
import org.oriundos.ingest.IngestOptions;
import org.oriundos.ingest.LakeStaging;
import org.oriundos.ingest.Ledger;
import org.oriundos.ingest.LedgerEntry;
import org.oriundos.ingest.lake.CrashPoint;
import org.oriundos.ingest.lake.LakeLayout;
import org.oriundos.ingest.lake.LakeLocation;
import org.oriundos.transform.identity.AssociationRegistry;
import org.oriundos.transform.identity.AssociationRegistryStore;

/**
 * The crash matrix: a night (ingest of the inbox, then conform) is stopped at every step of every
 * save it makes to the lake in turn (staged chunks, commit points, the switch of each raw, rejects
 * and failed partition, ledger entries, the registry's journal, each conformed partition, the
 * registry's generation, the reference tables, the manifest, and the removal of what each
 * replaced), as a process killed there would leave it. After each stop, the next night runs to
 * the end and must leave the same lake as a night never stopped: the same association ids, the
 * same bytes in every table a reader sees, the same ledger, and no leftovers.
 */
class LakeCrashMatrixTest {
    private static final List<String> NIGHT1 = List.of("directorio_oriundos_1998.csv", "3x1_proyectos_2005.csv",
            "3x1_proyectos_2007.csv");
    private static final List<String> NIGHT2 = List.of("ime_directorio_2003-12-31.csv", "3x1_proyectos_2007_v2.csv",
            "3x1_proyectos_2004.csv");
    /** The fixtures carry providers' faults: every file but the refused one loads, its rejects beside it. */
    private static final IngestOptions OPTIONS = new IngestOptions(1.0, 50_000);

    @TempDir
    Path tmp;

    /** Thrown by the crash point: the process "dies" here. */
    private static final class Killed extends RuntimeException {
        Killed(String step) {
            super("killed before: " + step);
        }
    }

    /**
     * Saves the night makes several times in a row by the same code, where a crash before any of
     * them leaves the same kind of lake: some tables of the run already this night's, the rest
     * last night's. The first and the last of each run are crash points at every step; the steps
     * of the ones between are not stopped at again. The five reference tables are written whole,
     * one after the other ({@code ConformStage.writeReferenceTables}); a conformed period's
     * association_link, association_review and unresolved partitions are published one after the
     * other.
     */
    private static final Pattern REPEATED_SAVE = Pattern.compile(
            "(write|switch|clean) conformed/(ref_municipality|ref_migration_intensity|ref_us_state|association_review/.*)");

    @Test
    void aNightStoppedAtAnyStepOfAnySaveIsCompletedByTheNextIntoTheLakeOfANightNeverStopped() throws IOException {
        Path inbox = tmp.resolve("inbox");
        deliver(inbox, NIGHT1);
        Path afterNight1 = tmp.resolve("after-night-1");
        night(LakeLocation.local(afterNight1), inbox);
        deliver(inbox, NIGHT2);
        Path reference = copy(afterNight1, tmp.resolve("reference"));
        // the night never stopped, with its every step: the crash points below
        List<String> stepsSeen = new ArrayList<>();
        night(LakeLocation.local(reference).withCrashPoint(stepsSeen::add), inbox);
        Snapshot expected = Snapshot.of(LakeLocation.local(reference));
        assertThat(expected.associationIds()).as("the fixture links records to associations").isNotEmpty();

        List<String> stoppedAt = new ArrayList<>();
        for (int k = 1; k <= stepsSeen.size(); k++) {
            if (REPEATED_SAVE.matcher(stepsSeen.get(k - 1)).matches()) {
                continue;
            }
            Path lakeDir = copy(afterNight1, tmp.resolve("crash-" + k));
            AtomicInteger seen = new AtomicInteger();
            int stopAt = k;
            List<String> steps = new ArrayList<>();
            CrashPoint killer = step -> {
                steps.add(step);
                if (seen.incrementAndGet() == stopAt) {
                    throw new Killed(step);
                }
            };
            try {
                night(LakeLocation.local(lakeDir).withCrashPoint(killer), inbox);
                fail("the night ended after %d steps, before its step %d (%s): it took other steps than the night"
                        + " never stopped", steps.size(), k, stepsSeen.get(k - 1));
            } catch (Killed expectedDeath) {
                // the process died here
            }
            String at = steps.get(steps.size() - 1);
            assertThat(withoutClock(at)).as("step %d of the night", k).isEqualTo(withoutClock(stepsSeen.get(k - 1)));
            stoppedAt.add(at);
            night(LakeLocation.local(lakeDir), inbox);
            Snapshot after = Snapshot.of(LakeLocation.local(lakeDir));
            assertThat(after.associationIds()).as("association ids after a crash before step %d: %s", k, at)
                    .isEqualTo(expected.associationIds());
            assertThat(after.files()).as("the lake's tables after a crash before step %d: %s", k, at)
                    .isEqualTo(expected.files());
            assertThat(after.ledger()).as("the ledger after a crash before step %d: %s", k, at)
                    .isEqualTo(expected.ledger());
            assertThat(leftovers(lakeDir)).as("leftovers after a crash before step %d: %s", k, at).isEmpty();
            deleteTree(lakeDir);
        }
        // every step was a crash point but the repeated saves', and each of those has its kind stopped at
        List<String> repeated = stepsSeen.stream().filter(s -> REPEATED_SAVE.matcher(s).matches()).toList();
        assertThat(stoppedAt).as("every step of the night but the repeated saves' was a crash point")
                .hasSize(stepsSeen.size() - repeated.size());
        assertThat(repeated).as("the repeated saves").hasSize(15);
        for (String step : repeated) {
            String verb = step.substring(0, step.indexOf(' '));
            String sameKind = step.contains("association_review/")
                    ? verb + " conformed/" + step.substring(step.indexOf("association_review/")).replace("association_review", "unresolved")
                    : verb + " conformed/ref_year";
            assertThat(stoppedAt).as("a save of the kind of %s was stopped at", step).contains(sameKind);
        }
        // every kind of save was stopped at each of its steps
        assertThat(stoppedAt).anyMatch(s -> s.startsWith("create staging/"))
                .anyMatch(s -> s.startsWith("switch raw/projects/period=2007"))
                .anyMatch(s -> s.startsWith("clean raw/projects/period=2007"))
                .anyMatch(s -> s.startsWith("switch rejects/"))
                .anyMatch(s -> s.startsWith("switch failed/projects/"))
                .anyMatch(s -> s.startsWith("create ledger/"))
                .anyMatch(s -> s.startsWith("remove staging/"))
                .anyMatch(s -> s.startsWith("create conformed/association/journal/delta-"))
                .anyMatch(s -> s.startsWith("write conformed/project/period=2007"))
                .anyMatch(s -> s.startsWith("switch conformed/association_link/"))
                .anyMatch(s -> s.equals("switch conformed/association"))
                .anyMatch(s -> s.equals("clean conformed/association"))
                .anyMatch(s -> s.equals("remove conformed/association/journal"))
                .anyMatch(s -> s.equals("switch conformed/manifest"))
                .anyMatch(s -> s.equals("write conformed/ref_state"))
                .anyMatch(s -> s.equals("clean conformed/ref_year"));
    }

    /** A step without the time a ledger entry's file is named after, which differs from night to night. */
    private static String withoutClock(String step) {
        return step.replaceAll("ledger/[0-9]{8}T[0-9.]+Z-", "ledger/<time>-");
    }

    /** One night as the nightly job runs it: recover, load what the inbox brings, conform. */
    private static void night(LakeLocation lake, Path inbox) {
        new LakeStaging(lake, OPTIONS).recover();
        FileLoader loader = new FileLoader(lake, OPTIONS);
        for (Delivery d : new Inbox(inbox).scan(new Ledger(lake)).toLoad()) {
            loader.load(d);
        }
        new ConformStage(lake, ConformOptions.DEFAULTS).run(false);
    }

    /** What a night must leave, whatever crashed before it. */
    private record Snapshot(Map<String, String> associationIds, List<String> files, List<String> ledger) {
        static Snapshot of(LakeLocation lake) {
            AssociationRegistry registry = new AssociationRegistryStore(lake).load();
            Map<String, String> ids = new TreeMap<>();
            registry.memory().forEach((key, m) -> ids.put(key, m.decision().associationId()));
            registry.associations().forEach(a -> ids.put("identity " + a.id(), a.name()));
            List<String> files = new ArrayList<>();
            for (LakeLayout.Zone zone : List.of(LakeLayout.Zone.RAW, LakeLayout.Zone.REJECTS, LakeLayout.Zone.FAILED,
                    LakeLayout.Zone.CONFORMED)) {
                files.addAll(RawLake.currentFiles(lake, zone).stream().map(f -> zone.folder() + "/" + f).toList());
            }
            // the ledger without its clock: which decision on which file, with which counts
            List<String> ledger = new ArrayList<>();
            for (LedgerEntry e : new Ledger(lake).entries()) {
                ledger.add(e.fileName() + " " + e.loadId() + " " + e.status() + " " + e.counts() + " replaced "
                        + e.replacedLoadId());
            }
            ledger.sort(null);
            return new Snapshot(ids, files, ledger);
        }
    }

    /**
     * What a completed night must not leave: pending generations or files, generations older than
     * the current one, a staged load, the registry's journal, the old conformed staging.
     */
    private static List<String> leftovers(Path lake) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(lake)) {
            for (Path p : all.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("_pending-") || name.endsWith(".pending") || name.equals("journal")
                        || name.equals("_staging") || name.equals("association_key") && p.getParent().getFileName()
                        .toString().equals("conformed")) {
                    out.add(lake.relativize(p).toString());
                }
                if (Files.isDirectory(p)) {
                    try (Stream<Path> children = Files.list(p)) {
                        long generations = children.filter(c -> c.getFileName().toString().startsWith("gen-")).count();
                        if (generations > 1) {
                            out.add(lake.relativize(p) + " holds " + generations + " generations");
                        }
                    }
                }
            }
        }
        if (Files.isDirectory(lake.resolve("staging"))) {
            try (Stream<Path> staged = Files.list(lake.resolve("staging"))) {
                staged.forEach(s -> out.add(lake.relativize(s).toString()));
            }
        }
        return out;
    }

    private static void deliver(Path inbox, List<String> files) throws IOException {
        Files.createDirectories(inbox);
        for (String f : files) {
            try (InputStream in = LakeCrashMatrixTest.class.getResourceAsStream("/extracts/" + f)) {
                if (in == null) {
                    fail("no fixture " + f);
                }
                Files.copy(in, inbox.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
