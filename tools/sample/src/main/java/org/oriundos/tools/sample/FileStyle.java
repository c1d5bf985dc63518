package org.oriundos.tools.sample;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a provider wrote one file: its encoding, whether it starts with a UTF-8 byte-order mark,
 * and its line endings. The providers never say which; the pipeline has to find out.
 */
record FileStyle(Charset charset, boolean bom, boolean crlf) {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    FileStyle {
        if (bom && !StandardCharsets.UTF_8.equals(charset)) {
            throw new IllegalArgumentException("only UTF-8 files carry a byte-order mark");
        }
    }

    static FileStyle utf8(boolean bom, boolean crlf) {
        return new FileStyle(StandardCharsets.UTF_8, bom, crlf);
    }

    static FileStyle windows1252(boolean crlf) {
        return new FileStyle(WINDOWS_1252, false, crlf);
    }

    boolean isUtf8() {
        return StandardCharsets.UTF_8.equals(charset);
    }
}
