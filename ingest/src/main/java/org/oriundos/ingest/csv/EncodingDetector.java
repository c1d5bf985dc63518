package org.oriundos.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oriundos.ingest.FileRefusedException;

/**
 * Tells UTF-8 from Windows-1252, and refuses, naming it, an encoding the providers do not use
 * (UTF-16, UTF-32, NUL bytes). A UTF-8 BOM settles it; otherwise the file's first
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

    /**
     * As {@link #detect(Path)}, checking at most {@code prefixBytes} bytes. A file in an encoding the
     * providers do not use is refused naming it: UTF-16 or UTF-32 (by their byte-order mark, or by
     * the NUL bytes their ASCII characters carry), or anything else holding NUL bytes. One UTF-8
     * byte-order mark or several in a row (a file converted twice) mean UTF-8; all are skipped.
     */
    public static DetectedEncoding detect(Path file, long prefixBytes) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n = in.readNBytes(buf, 0, buf.length);
            refuseWideEncodings(name, buf, n);
            int boms = 0;
            while (n >= 3 * (boms + 1) && (buf[3 * boms] & 0xFF) == 0xEF && (buf[3 * boms + 1] & 0xFF) == 0xBB
                    && (buf[3 * boms + 2] & 0xFF) == 0xBF) {
                boms++;
            }
            refuseNulBytes(name, buf, 3 * boms, n);
            if (boms > 0) {
                return new DetectedEncoding(StandardCharsets.UTF_8, 3 * boms, boms == 1 ? "UTF-8 (BOM)"
                        : "UTF-8 (" + boms + " BOMs)");
            }
            Utf8Validator v = new Utf8Validator();
            long checked = Math.min(n, prefixBytes);
            if (!v.accept(buf, (int) checked)) {
                return windows1252();
            }
            if (checked < n) {
                return new DetectedEncoding(StandardCharsets.UTF_8, 0, "UTF-8", checked);
            }
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

    private static void refuseWideEncodings(String name, byte[] b, int n) {
        String encoding = null;
        String bom = null;
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            encoding = "UTF-32BE";
            bom = "00 00 FE FF";
        } else if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            encoding = "UTF-32LE";
            bom = "FF FE 00 00";
        } else if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            encoding = "UTF-16LE";
            bom = "FF FE";
        } else if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            encoding = "UTF-16BE";
            bom = "FE FF";
        }
        if (encoding != null) {
            throw new FileRefusedException(name, "the file is " + encoding + " text (it starts with the byte-order mark "
                    + bom + "): deliveries must be UTF-8 or Windows-1252; ask for it again saved as CSV UTF-8");
        }
    }

    /** NUL bytes: UTF-16 or UTF-32 text without a byte-order mark (every ASCII character carries them), or no text at all. */
    private static void refuseNulBytes(String name, byte[] b, int from, int n) {
        int first = -1;
        int even = 0;
        int odd = 0;
        for (int i = from; i < n; i++) {
            if (b[i] == 0) {
                if (first < 0) {
                    first = i;
                }
                if (((i - from) & 1) == 0) {
                    even++;
                } else {
                    odd++;
                }
            }
        }
        if (first < 0) {
            return;
        }
        int half = (n - from) / 2;
        String what = odd > half * 9 / 10 ? "UTF-16LE text without a byte-order mark"
                : even > half * 9 / 10 ? "UTF-16BE text without a byte-order mark"
                : "not text (a spreadsheet or another binary file?), or UTF-16 or UTF-32 text";
        throw new FileRefusedException(name, "the file holds NUL bytes (the first at byte " + (first + 1) + "): it is "
                + what + "; deliveries must be UTF-8 or Windows-1252 CSV");
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
