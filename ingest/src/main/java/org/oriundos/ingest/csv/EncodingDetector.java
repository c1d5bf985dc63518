package org.oriundos.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells UTF-8 from Windows-1252. A UTF-8 BOM settles it; otherwise the file's first
 * {@link #PREFIX_BYTES} (the whole of most files) are checked to be valid UTF-8, and any invalid
 * sequence means Windows-1252, the only other encoding the providers use. Plain ASCII is UTF-8.
 * A larger file is not read an extra whole time for this: its valid prefix says UTF-8, and the
 * reader checks each later record, rejecting one that turns out not to be (the file mixes
 * encodings, or its accents first appear after the prefix).
 */
public final class EncodingDetector {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private EncodingDetector() {
    }

    /** How much of a file is checked before UTF-8 is taken: 16 MB, some 60,000 rows of a 3x1 file. */
    public static final long PREFIX_BYTES = 16L << 20;

    public static DetectedEncoding detect(Path file) throws IOException {
        return detect(file, PREFIX_BYTES);
    }

    /** As {@link #detect(Path)}, checking at most {@code prefixBytes} bytes. */
    public static DetectedEncoding detect(Path file, long prefixBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n = in.readNBytes(buf, 0, 3);
            if (n == 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                return new DetectedEncoding(StandardCharsets.UTF_8, 3, "UTF-8 (BOM)");
            }
            Utf8Validator v = new Utf8Validator();
            if (!v.accept(buf, n)) {
                return windows1252();
            }
            long checked = n;
            while (true) {
                if (checked >= prefixBytes) {
                    if (in.read() < 0) {
                        break; // the prefix was the whole file
                    }
                    return new DetectedEncoding(StandardCharsets.UTF_8, 0, "UTF-8", checked);
                }
                int r = in.read(buf, 0, (int) Math.min(buf.length, prefixBytes - checked));
                if (r < 0) {
                    break;
                }
                if (!v.accept(buf, r)) {
                    return windows1252();
                }
                checked += r;
            }
            // a file that ends inside a multi-byte sequence was cut off, but is UTF-8 all the same
            return new DetectedEncoding(StandardCharsets.UTF_8, 0, "UTF-8");
        }
    }

    private static DetectedEncoding windows1252() {
        return new DetectedEncoding(WINDOWS_1252, 0, "windows-1252");
    }

    /** A streaming check of UTF-8 well-formedness, carried across buffer boundaries. */
    private static final class Utf8Validator {
        private int pending; // continuation bytes still expected

        boolean accept(byte[] buf, int len) {
            for (int i = 0; i < len; i++) {
                int b = buf[i];
                if (pending > 0) {
                    if ((b & 0xC0) != 0x80) {
                        return false;
                    }
                    pending--;
                } else if (b >= 0) {
                    continue;
                } else if ((b & 0xE0) == 0xC0) {
                    if ((b & 0xFF) < 0xC2) {
                        return false; // overlong
                    }
                    pending = 1;
                } else if ((b & 0xF0) == 0xE0) {
                    pending = 2;
                } else if ((b & 0xF8) == 0xF0 && (b & 0xFF) <= 0xF4) {
                    pending = 3;
                } else {
                    return false;
                }
            }
            return true;
        }
    }
}
