package org.oriundos.jobs.analyst;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where {@code oriundos sql} takes its query from: the argument ({@code sql "select …"}), a file
 * ({@code sql --file q.sql}) or standard input ({@code sql -}, as in {@code sql - < q.sql} or a
 * here-document). Text is UTF-8 (a byte-order mark is dropped). A query that is missing, given
 * twice, empty or unreadable is refused with an {@link IllegalArgumentException} saying which.
 */
public final class QueryInput {
    /** The argument that means "read the query from standard input". */
    public static final String STDIN = "-";

    private QueryInput() {
    }

    /**
     * The query's text.
     *
     * @param argument the command's bare argument, or null
     * @param file     the {@code --file} option resolved against the working directory, or null
     * @param stdin    standard input
     */
    public static String read(String argument, Path file, InputStream stdin) {
        if (argument != null && file != null) {
            throw new IllegalArgumentException("give the query once: as an argument, with --file FILE or as - (standard"
                    + " input), not both an argument and --file");
        }
        if (argument == null && file == null) {
            throw new IllegalArgumentException("give the query as one argument (oriundos sql \"select …\"), in a file"
                    + " (oriundos sql --file query.sql) or on standard input (oriundos sql - < query.sql)");
        }
        String text;
        String from;
        if (file != null) {
            from = file.toString();
            try {
                text = decode(Files.readAllBytes(file), from);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("there is no query file " + file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the query file " + file + ": " + e.getMessage());
            }
        } else if (argument.equals(STDIN)) {
            from = "standard input";
            try {
                text = decode(stdin.readAllBytes(), from);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the query from standard input: " + e.getMessage());
            }
        } else {
            from = "the argument";
            text = argument;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("the query in " + from + " is empty");
        }
        return text;
    }

    private static String decode(byte[] bytes, String from) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the query in " + from + " is not UTF-8 text");
        }
    }
}
