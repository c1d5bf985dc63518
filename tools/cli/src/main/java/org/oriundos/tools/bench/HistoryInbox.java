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
 * {@code years} fiscal years from 2002 ({@link Program#rowsPerYear()} projects each), with the
 * registry snapshots, consular activity, surveys (and, if asked, remittance export) of the
 * program, and the next year's 3x1 file kept apart for the incremental night.
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
     * The size of a program, by source.
     *
     * @param rowsPerYear     3x1 projects of each fiscal year
     * @param clubScale       the registry's clubs as a multiple of the published counts (2,643 in 2019 at 1);
     *                        the 3x1 files name clubs of the same population
     * @param respondents2006 respondents of the 2006 survey
     * @param respondents2016 respondents of the 2016 survey
     * @param remittances     whether the inbox holds a Banco de México export of every municipality
     */
    record Program(long rowsPerYear, double clubScale, long respondents2006, long respondents2016,
                   boolean remittances) {
        Program {
            if (rowsPerYear < 1 || clubScale <= 0 || respondents2006 < 1 || respondents2016 < 1) {
                throw new IllegalArgumentException("a program has projects, clubs and respondents");
            }
        }

        /**
         * The program {@code oriundos generate} makes around {@code rowsPerYear} 3x1 projects a year
         * (clubs and respondents in its proportions, no remittance export): the nightly part's.
         */
        static Program ofProjects(long rowsPerYear) {
            long allYears = rowsPerYear * (SampleExtracts.LAST_PROJECT_YEAR - FIRST_YEAR + 1);
            return new Program(rowsPerYear, SampleExtracts.projectsScale(rowsPerYear), Math.max(2_000, allYears / 1_000),
                    Math.max(1_500, allYears / 1_300), false);
        }
    }

    /**
     * Writes the first night's inbox into {@code inbox} and the next year's file into
     * {@code later}; {@code scratch} is for the generator's leftovers.
     */
    Written write(int years, Program program, Path inbox, Path later, Path scratch) throws IOException {
        Files.createDirectories(inbox);
        Files.createDirectories(later);
        Files.createDirectories(scratch);
        SampleExtracts sample = new SampleExtracts(seed);
        List<Path> files = new ArrayList<>(sample.writeProgramContext(inbox, program.clubScale(),
                program.respondents2006(), program.respondents2016(), program.remittances()));
        long rows = 0;
        for (int year = FIRST_YEAR; year < FIRST_YEAR + years; year++) {
            files.add(projectsFile(sample, year, program, inbox, scratch));
            rows += program.rowsPerYear();
        }
        Path next = projectsFile(sample, FIRST_YEAR + years, program, later, scratch);
        return new Written(List.copyOf(files), next, rows);
    }

    private static Path projectsFile(SampleExtracts sample, int year, Program program, Path dir, Path scratch)
            throws IOException {
        long rows = program.rowsPerYear();
        if (year <= SampleExtracts.LAST_PROJECT_YEAR) {
            return sample.writeProjectsFile(dir, year, rows, program.clubScale()).get(0);
        }
        int base = SHIFT_BASES[(year - SampleExtracts.LAST_PROJECT_YEAR - 1) % SHIFT_BASES.length];
        Path baseFile = sample.writeProjectsFile(scratch.resolve("base-" + year), base, rows, program.clubScale()).get(0);
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
