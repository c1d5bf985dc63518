package org.oriundos.tools.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oriundos.tools.sample.SampleExtracts;

/**
 * Inboxes of a given length of history for the nightly benchmark: the 3x1 files of
 * {@code years} fiscal years from 2002 ({@code rowsPerYear} projects each), with the registry
 * snapshots, consular activity and surveys of a program that size, and the next year's 3x1
 * file kept apart for the incremental night.
 *
 * <p>The sample generator knows the fiscal years 2002-2019. A longer history takes the later
 * years from a 2013-layout year of the generator with its year moved: EJERCICIO, the year in
 * FOLIO and the year of FECHA_APROBACION (base years are non-leap, so every date stays valid).
 * Everything else about those rows, faults included, is the base year's.
 */
final class HistoryInbox {
    static final int FIRST_YEAR = SampleExtracts.FIRST_PROJECT_YEAR;
    private static final int[] SHIFT_BASES = {2015, 2017, 2018, 2019, 2013};
    private static final Pattern FOLIO_YEAR = Pattern.compile("(3X1-[A-Z]+-)(\\d{4})(-)");
    private static final Pattern DATE_YEAR = Pattern.compile("(\\b\\d{1,2}/\\d{1,2}/)(\\d{4})\\b");

    private final long seed;

    HistoryInbox(long seed) {
        this.seed = seed;
    }

    /**
     * The files of one history.
     *
     * @param inbox    what the first night loads
     * @param nextYear the one 3x1 file the incremental night adds
     */
    record Written(List<Path> inbox, Path nextYear, long projectRows) {
    }

    /**
     * Writes the first night's inbox into {@code inbox} and the next year's file into
     * {@code later}; {@code scratch} is for the generator's leftovers.
     */
    Written write(int years, long rowsPerYear, Path inbox, Path later, Path scratch) throws IOException {
        Files.createDirectories(inbox);
        Files.createDirectories(later);
        Files.createDirectories(scratch);
        SampleExtracts sample = new SampleExtracts(seed);
        // registry, activity and surveys of a program of this size; its own 3x1 files are left out
        Path context = scratch.resolve("context");
        List<Path> files = new ArrayList<>();
        for (Path f : sample.writeScaled(context, rowsPerYear * (SampleExtracts.LAST_PROJECT_YEAR - FIRST_YEAR + 1))) {
            if (!f.getFileName().toString().startsWith("3x1_")) {
                files.add(Files.move(f, inbox.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING));
            }
        }
        long rows = 0;
        for (int year = FIRST_YEAR; year < FIRST_YEAR + years; year++) {
            files.add(projectsFile(sample, year, rowsPerYear, inbox, scratch));
            rows += rowsPerYear;
        }
        Path next = projectsFile(sample, FIRST_YEAR + years, rowsPerYear, later, scratch);
        return new Written(List.copyOf(files), next, rows);
    }

    private static Path projectsFile(SampleExtracts sample, int year, long rows, Path dir, Path scratch)
            throws IOException {
        if (year <= SampleExtracts.LAST_PROJECT_YEAR) {
            return sample.writeProjectsFile(dir, year, rows).get(0);
        }
        int base = SHIFT_BASES[(year - SampleExtracts.LAST_PROJECT_YEAR - 1) % SHIFT_BASES.length];
        Path baseFile = sample.writeProjectsFile(scratch.resolve("base-" + year), base, rows).get(0);
        Path target = dir.resolve("3x1_proyectos_" + year + ".csv");
        moveYear(baseFile, target, base, year);
        Files.delete(baseFile);
        return target;
    }

    /** Copies a 2013-layout (UTF-8) 3x1 file with its fiscal year moved from {@code from} to {@code to}. */
    static void moveYear(Path source, Path target, int from, int to) throws IOException {
        String fromYear = Integer.toString(from);
        String toYear = Integer.toString(to);
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(fromYear + ",")) {
                    line = toYear + line.substring(fromYear.length());
                }
                line = replaceYear(FOLIO_YEAR, line, fromYear, toYear);
                line = replaceYear(DATE_YEAR, line, fromYear, toYear);
                out.write(line);
                out.write('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String replaceYear(Pattern pattern, String line, String from, String to) {
        Matcher m = pattern.matcher(line);
        StringBuilder sb = new StringBuilder(line.length());
        while (m.find()) {
            String year = m.group(2).equals(from) ? to : m.group(2);
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + year + (m.groupCount() > 2 ? m.group(3) : "")));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
