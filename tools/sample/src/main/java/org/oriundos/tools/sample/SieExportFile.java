package org.oriundos.tools.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a file exactly as Banco de México's statistical system (SIE) exports series
 * (docs/extracts.md, "Banco de México remittance series"): Windows-1252, a block of metadata
 * lines with the consultation time, one quoted row per metadata field with one column per series
 * ({@code Título}, {@code Periodo disponible}, {@code Periodicidad}, {@code Cifra}, {@code Unidad},
 * {@code Base}, {@code Aviso}, {@code Tipo de información}, and {@code Fecha} with the series ids),
 * then one unquoted row per period. Rows are written as they are asked for: memory does not grow
 * with the number of series or periods beyond one row.
 */
public final class SieExportFile {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter CONSULTED = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.ROOT);
    private static final String[] MONTHS = {"Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct",
        "Nov", "Dic"};

    /**
     * One series: its id ({@code SE…}), title, periodicity as SIE writes it ({@code Trimestral},
     * {@code Mensual}) and unit ({@code Millones de Dólares}).
     */
    public record Series(String id, String title, String periodicity, String unit) {
    }

    /** The cell of a series in a period, as written: a number, {@code N/E}, or blank. */
    @FunctionalInterface
    public interface Cells {
        String cell(int series, int period);
    }

    /** The physical line of the first period's row: the metadata block and its nine rows come first. */
    public static final int FIRST_DATA_LINE = 20;

    private SieExportFile() {
    }

    /**
     * Writes the export.
     *
     * @param subject   the export's subject line (e.g. {@code Ingresos por remesas, distribución por municipio})
     * @param consulted the consultation time written in its metadata
     * @param periods   the first day of each period, in order: one row each
     * @param crlf      CRLF line endings (as a Windows browser saves it), else LF
     */
    public static Path write(Path file, String subject, LocalDateTime consulted, List<Series> series,
                             List<LocalDate> periods, Cells cells, boolean crlf) {
        String nl = crlf ? "\r\n" : "\n";
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                FileStyle.WINDOWS_1252.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
            out.write(nl);
            out.write("\"Banco de México\"" + nl);
            out.write(nl);
            out.write("\"Balanza de pagos\"" + nl);
            out.write(quote(subject) + nl);
            out.write(nl);
            out.write("\"Fecha de consulta: " + CONSULTED.format(consulted) + "\"" + nl);
            out.write(nl);
            out.write("\"\"" + nl);
            out.write(nl);
            String available = periods.isEmpty() ? "" : label(periods.get(0)) + " - " + label(periods.get(periods.size() - 1));
            metadata(out, "Título", series, s -> s.title(), nl);
            metadata(out, "Periodo disponible", series, s -> available, nl);
            metadata(out, "Periodicidad", series, Series::periodicity, nl);
            metadata(out, "Cifra", series, s -> "Flujos", nl);
            metadata(out, "Unidad", series, Series::unit, nl);
            metadata(out, "Base", series, s -> "", nl);
            metadata(out, "Aviso", series, s -> "", nl);
            metadata(out, "Tipo de información", series, s -> "Niveles", nl);
            metadata(out, "Fecha", series, Series::id, nl);
            StringBuilder row = new StringBuilder();
            for (int p = 0; p < periods.size(); p++) {
                row.setLength(0);
                row.append(DAY.format(periods.get(p)));
                for (int s = 0; s < series.size(); s++) {
                    String v = cells.cell(s, p);
                    row.append(',').append(v == null ? "" : v);
                }
                out.write(row.append(nl).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** {@code Ene-Mar 2013} for a quarter starting in January 2013, as SIE labels a period. */
    private static String label(LocalDate start) {
        int m = start.getMonthValue() - 1;
        return MONTHS[m] + "-" + MONTHS[Math.min(m + 2, 11)] + " " + start.getYear();
    }

    private static void metadata(Writer out, String label, List<Series> series,
                                 java.util.function.Function<Series, String> cell, String nl) throws IOException {
        StringBuilder b = new StringBuilder(series.size() * 24);
        b.append(quote(label));
        for (Series s : series) {
            b.append(',').append(quote(cell.apply(s)));
        }
        out.write(b.append(nl).toString());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
