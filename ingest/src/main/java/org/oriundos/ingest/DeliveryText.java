package org.oriundos.ingest;

/**
 * The one rule for text that comes from a delivery and is quoted back to a person: in a reject, a
 * refusal, the ledger, a log line, the report. A cell of a file that carries personal data (a
 * registry file, {@link Source#carriesPersonalData()}, whose header row may be missing, or any file
 * whose header has PRESIDENTE, TELEFONO or CORREO) is never quoted: any cell of it may hold a
 * leader's name, phone or e-mail once a row's fields are shifted, so it is masked to its shape ({@code [masked: Xxxxx 99]}: letters become {@code x}, digits {@code 9}). Cells of
 * other files are quoted as delivered. Names of inbox entries are printed with their control
 * characters escaped, so a line break in a name cannot forge or split a line of output.
 */
public final class DeliveryText {
    /** Longest shape shown; a longer cell is cut, with an ellipsis. */
    static final int MAX_SHAPE = 40;
    private static final DeliveryText AS_DELIVERED = new DeliveryText(false);
    private static final DeliveryText MASKED = new DeliveryText(true);

    private final boolean masks;

    private DeliveryText(boolean masks) {
        this.masks = masks;
    }

    /** The rule for a file of this source, before its header is known. */
    public static DeliveryText of(Source source) {
        return source.carriesPersonalData() ? MASKED : AS_DELIVERED;
    }

    /**
     * The rule for a file of this source whose header has {@code personalColumns} (PRESIDENTE,
     * TELEFONO, CORREO, dropped unread): masked if the source carries personal data or the header has any.
     */
    public static DeliveryText of(Source source, java.util.List<String> personalColumns) {
        return source.carriesPersonalData() || !personalColumns.isEmpty() ? MASKED : AS_DELIVERED;
    }

    /** Whether cells are masked (the file may carry personal data). */
    public boolean masks() {
        return masks;
    }

    /** A cell as it may be quoted: as delivered, or masked to its shape; {@code null} stays {@code null}. */
    public String cell(String raw) {
        if (raw == null || !masks || raw.isBlank()) {
            return raw; // a blank cell says nothing, and "missing" needs no mask
        }
        return mask(raw);
    }

    /** A cell's shape, with nothing of its content: {@code Pérez, J. 555-0199} is {@code [masked: xxxxx, x. 999-9999]}. */
    public static String mask(String raw) {
        StringBuilder b = new StringBuilder("[masked: ");
        int shown = 0;
        for (int i = 0; i < raw.length() && shown < MAX_SHAPE; i++) {
            char c = raw.charAt(i);
            if (Character.isLetter(c)) {
                b.append('x');
            } else if (Character.isDigit(c)) {
                b.append('9');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                b.append(' ');
            } else if (c < 0x7F && c > 0x20) {
                b.append(c); // ASCII punctuation: the shape of a date, an amount, an address
            } else {
                b.append('*');
            }
            shown++;
        }
        if (raw.length() > MAX_SHAPE) {
            b.append('\u2026');
        }
        return b.append(']').toString();
    }

    /**
     * A name (of an inbox entry, a file) safe to print on one line: control and bidirectional
     * formatting characters escaped ({@code \n}, {@code \t}, {@code \u202E}), a backslash doubled.
     */
    public static String printable(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\\' -> "\\\\";
                default -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                        || c == '\u2028' || c == '\u2029'
                        ? String.format("\\u%04X", (int) c) : null;
            };
            if (escape != null && b == null) {
                b = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (b != null) {
                if (escape != null) {
                    b.append(escape);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? name : b.toString();
    }
}
