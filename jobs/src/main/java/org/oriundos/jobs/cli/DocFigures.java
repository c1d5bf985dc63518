package org.oriundos.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Figures a command writes into a Markdown document ({@code links --bench --doc}, and the tools
 * jar's {@code bench --doc}): a block between two marker comments, replaced whole on every run,
 * with the command that measured them; the prose around it is kept.
 */
public final class DocFigures {
    private DocFigures() {
    }

    /**
     * Replaces the block between {@code begin} and {@code end} in {@code doc} (or appends one)
     * with the command that measured and its figures; the prose around it is kept.
     */
    public static void writeBlock(Path doc, String begin, String end, String command, String figures) throws IOException {
        String block = begin + "\n\n```sh\n" + command + "\n```\n\n" + figures + "\n" + end;
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "# Performance\n\n";
        int from = text.indexOf(begin.substring(0, begin.indexOf(' ', 5)));
        int to = text.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            updated = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            updated = text + (text.endsWith("\n") ? "\n" : "\n\n") + block + "\n";
        }
        Files.writeString(doc, updated, StandardCharsets.UTF_8);
    }
}
