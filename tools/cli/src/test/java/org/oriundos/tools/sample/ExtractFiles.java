package org.oriundos.tools.sample;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the generated extracts back, the way a test wants to look at them. */
final class ExtractFiles {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ExtractFiles() {
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasBom(Path file) {
        byte[] b = bytes(file);
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    /** Decodes strictly as UTF-8 (after a BOM); throws when the bytes are not UTF-8. */
    static String strictUtf8(Path file) throws CharacterCodingException {
        byte[] b = bytes(file);
        int skip = hasBom(file) ? 3 : 0;
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
    }

    static boolean isUtf8(Path file) {
        try {
            strictUtf8(file);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The text of a file in the encoding it was written in. */
    static String text(Path file) {
        try {
            return strictUtf8(file);
        } catch (CharacterCodingException e) {
            return new String(bytes(file), WINDOWS_1252);
        }
    }

    /** The header and the records, as maps from header to value. */
    static List<Map<String, String>> records(Path file) {
        try (CSVParser p = CSVParser.parse(new StringReader(text(file)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord r : p) {
                out.add(r.toMap());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(Path file) {
        try (CSVParser p = CSVParser.parse(new StringReader(text(file)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getHeaderNames();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The values of a Banco de México SIE export: its series (the fields of its Fecha row but the
     * first) times its periods (the lines after the Fecha row), read independently of the pipeline.
     */
    static long sieValues(Path file) {
        List<String> lines = lines(file);
        int fecha = -1;
        for (int i = 0; i < lines.size() && fecha < 0; i++) {
            if (lines.get(i).startsWith("\"Fecha\",")) {
                fecha = i;
            }
        }
        if (fecha < 0) {
            throw new AssertionError(file + " has no Fecha row");
        }
        long series = lines.get(fecha).split(",", -1).length - 1;
        long periods = lines.subList(fecha + 1, lines.size()).stream().filter(l -> !l.isBlank()).count();
        return series * periods;
    }

    /** The physical lines of a file, whatever its line endings; line 1 is at index 0. */
    static List<String> lines(Path file) {
        return text(file).lines().toList();
    }

    static Path named(List<Path> files, String name) {
        return files.stream().filter(f -> f.getFileName().toString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + name + " among " + files));
    }
}
