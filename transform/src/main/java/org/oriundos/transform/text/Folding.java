package org.oriundos.transform.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds free text to a comparison key: accents removed (NFC and NFD alike), upper case,
 * every run of punctuation or blanks turned into one space, trimmed. {@code "  Edo. de  México"}
 * and {@code "EDO DE MEXICO"} fold to the same key. The key is for matching only, never shown
 * as a name.
 */
public final class Folding {
    private Folding() {
    }

    /** The folded key of a text, or {@code ""} for null or blank text. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** The folded words of a text. */
    public static String[] words(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }
}
