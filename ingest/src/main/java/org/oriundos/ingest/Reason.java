package org.oriundos.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Why a row was rejected or a value left unresolved, three ways at once: a stable {@code code}
 * (a name of {@link RejectReason} or of transform's {@code UnresolvedReason}), the parameters its
 * messages show ({@code args}: bounds, widths, counts, names from our own catalogues; never a cell's
 * value), and the English {@code text} the {@code rejects} and {@code unresolved} commands print.
 * The report renders the code and its parameters in its language; the text stays as it was.
 *
 * <p>In the lake the parameters are one text column, joined by {@code |} ({@link #argsText},
 * {@link #args(String)}); a parameter never holds a {@code |} (one from a file's header would be
 * written {@code ¦}).
 */
public record Reason(String code, List<String> args, String text) {
    /** Between two parameters in the lake's {@code reason_args} column. */
    public static final char SEPARATOR = '|';

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        List<String> clean = new ArrayList<>(args.size());
        for (String a : args) {
            clean.add(String.valueOf(a).replace(SEPARATOR, '\u00a6'));
        }
        args = List.copyOf(clean);
    }

    /** The parameters as the lake keeps them, or {@code null} when there are none. */
    public String argsText() {
        return args.isEmpty() ? null : String.join(String.valueOf(SEPARATOR), args);
    }

    /** The parameters of a {@code reason_args} column ({@code null} or empty: none). */
    public static List<String> args(String argsText) {
        if (argsText == null || argsText.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = argsText.indexOf(SEPARATOR); i >= 0; i = argsText.indexOf(SEPARATOR, from)) {
            out.add(argsText.substring(from, i));
            from = i + 1;
        }
        out.add(argsText.substring(from));
        return out;
    }

    /** For an enum of codes: the reason, its parameters checked against how many its messages take. */
    public static Reason of(Enum<?> code, int parameters, String text, Object... args) {
        if (args.length != parameters) {
            throw new IllegalArgumentException(code.name() + " takes " + parameters + " parameter(s), given "
                    + args.length);
        }
        List<String> texts = new ArrayList<>(args.length);
        for (Object a : args) {
            texts.add(String.valueOf(a));
        }
        return new Reason(code.name(), texts, text);
    }
}
