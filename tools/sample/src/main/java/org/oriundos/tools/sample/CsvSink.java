package org.oriundos.tools.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one extract record by record, straight to disk, as a spreadsheet export would: quotes
 * only the fields that need them, the file's own line endings between records, and a bare LF for a
 * line break inside a quoted cell (what Excel writes even in a CRLF file). Keeps the number of the
 * physical line each record starts on, which is how the pipeline names a rejected row.
 * A character the file's encoding cannot hold is a bug of the generator and fails loudly.
 */
final class CsvSink implements Closeable {
    private final Path file;
    private final Writer out;
    private final String newline;
    private long nextLine = 1;

    CsvSink(Path file, FileStyle style) {
        this.file = file;
        this.newline = style.crlf() ? "\r\n" : "\n";
        try {
            OutputStream stream = Files.newOutputStream(file);
            if (style.bom()) {
                stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            this.out = new BufferedWriter(new OutputStreamWriter(stream, style.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes a record; returns the physical line it starts on (the header is line 1). */
    long write(List<String> fields) {
        return write(fields.toArray(new String[0]));
    }

    long write(String... fields) {
        long line = nextLine;
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                writeField(fields[i] == null ? "" : fields[i]);
            }
            out.write(newline);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " at line " + line, e);
        }
        nextLine++;
        return line;
    }

    private void writeField(String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.write("\"\"");
            } else {
                if (c == '\n') {
                    nextLine++;
                }
                out.write(c);
            }
        }
        out.write('"');
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + file, e);
        }
    }
}
