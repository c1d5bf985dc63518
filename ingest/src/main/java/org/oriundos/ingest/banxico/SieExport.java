package org.oriundos.ingest.banxico;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What dates a Banco de México SIE export: the {@code Fecha de consulta: dd/mm/yyyy hh:mm:ss} line of
 * its metadata block, the moment the analyst downloaded it. The export's name is the download's own
 * and says nothing, so its partition in the lake is this consultation time ({@link #period}): every
 * export is kept whole as a partition of its own, and a later consultation revises an earlier one
 * series by series and period by period downstream. Two files with the same consultation time are
 * the same download (one re-saved or corrected): the later delivery replaces the earlier, as any
 * re-delivery of a period does.
 */
public final class SieExport {
    /** The period of a file named as an export whose content has no readable consultation time: it is refused. */
    public static final String UNDATED = "undated";

    /** How much of a file the inbox scan reads for the consultation line: the metadata block opens the file. */
    static final int SNIFF_BYTES = 16 * 1024;

    private static final Pattern CONSULTED = Pattern.compile(
            "fecha\\s+de\\s+consulta\\s*:?\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private SieExport() {
    }

    /**
     * The consultation time a metadata cell states, or {@code null} when the cell is not the
     * consultation line; throws {@link IllegalArgumentException} when it is, with a date or time
     * that does not exist.
     */
    public static LocalDateTime consultation(String cell) {
        if (cell == null) {
            return null;
        }
        Matcher m = CONSULTED.matcher(cell);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("its Fecha de consulta '" + m.group().trim() + "' is not a real date and time");
        }
    }

    /** The lake partition of an export consulted at {@code t}: {@code 2026-05-05T082925} (no colons: HDFS paths cannot hold them). */
    public static String period(LocalDateTime t) {
        return PERIOD.format(t);
    }

    /** The consultation time as the lake's rows and the messages write it: {@code 2026-05-05 08:29:25}. */
    public static String text(LocalDateTime t) {
        return TEXT.format(t);
    }

    /** The consultation time of a partition, or {@code null} for {@link #UNDATED} or another text. */
    public static LocalDateTime consultedAt(String period) {
        try {
            return LocalDateTime.parse(period, PERIOD);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The partition of a delivered export, read from the start of its content (only the metadata
     * block, never the whole file): its consultation time, or {@link #UNDATED} when no readable
     * consultation line comes before the series rows (the load then refuses the file, saying why).
     */
    public static String periodOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        // the line is ASCII in every encoding the providers use; accents elsewhere do not matter here
        String text = new String(head, StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n|\n|\r")) {
            String cell = line.replace("\"", "").trim();
            String lower = cell.toLowerCase(Locale.ROOT);
            if (lower.startsWith("t\u00edtulo") || lower.startsWith("titulo") || lower.startsWith("fecha,")) {
                break; // the series rows: the consultation line comes before them
            }
            try {
                LocalDateTime t = consultation(cell);
                if (t != null) {
                    return period(t);
                }
            } catch (IllegalArgumentException e) {
                return UNDATED;
            }
        }
        return UNDATED;
    }
}
