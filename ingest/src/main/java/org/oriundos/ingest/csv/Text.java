package org.oriundos.ingest.csv;

import java.text.Normalizer;

/**
 * How the providers' text is cleaned before it is typed: NFC (the same name arrives composed or
 * decomposed), trimmed, inner runs of blanks collapsed to one space, blank = missing. The common
 * case (plain ASCII, already tidy) returns the very string it was given, without copying.
 */
public final class Text {
    private Text() {
    }

    /** The cleaned text of a cell, or {@code null} when it is blank. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        int n = raw.length();
        boolean tidy = n > 0 && !isBlank(raw.charAt(0)) && !isBlank(raw.charAt(n - 1));
        boolean composedSafe = true;
        char prev = 'x';
        for (int i = 0; i < n && (tidy || composedSafe); i++) {
            char c = raw.charAt(i);
            if (c >= 0x300) {
                composedSafe = false;
            }
            boolean blank = isBlank(c);
            if (blank && (c != ' ' || isBlank(prev))) {
                tidy = false;
            }
            prev = c;
        }
        if (tidy && composedSafe) {
            return raw;
        }
        String s = composedSafe ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        return collapse(s);
    }

    private static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean pendingBlank = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isBlank(c)) {
                pendingBlank = b.length() > 0;
            } else {
                if (pendingBlank) {
                    b.append(' ');
                    pendingBlank = false;
                }
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Blanks: spaces, tabs, line breaks (inside quoted cells) and the no-break space. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\f' || c == '\u000B';
    }

    /**
     * Whether {@code s} is already its own {@link #key}: non-empty, capital ASCII letters and digits
     * only (a coded value as providers mostly write it, {@code CONCLUIDO}); decided without
     * allocating, so the common case skips the normalization.
     */
    public static boolean isOwnKey(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The comparison key of a header or a coded value: accents removed, upper case, blanks
     * trimmed and collapsed, space and underscore the same ({@code "año "} and {@code "AÑO"} and
     * {@code "Ano"} are {@code ANO}; {@code "EN EJECUCIÓN"} is {@code EN_EJECUCION}).
     */
    public static String key(String raw) {
        String s = clean(raw);
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == ' ' || c == '_') {
                if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                    b.append('_');
                }
                continue;
            }
            b.append(Character.toUpperCase(c));
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '_') {
            end--;
        }
        b.setLength(end);
        return b.toString();
    }
}
