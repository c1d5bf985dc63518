package org.oriundos.ingest.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oriundos.ingest.FileRefusedException;

/**
 * Matches a delivered header row against a {@link Layout}: case, accents, surrounding blanks and
 * space-or-underscore do not matter. Personal-data columns are recognised so they can be dropped
 * unread; other unknown columns are ignored and reported.
 */
public final class HeaderMap {
    /** The leader's contact data: never read, never stored. */
    public static final Set<String> PERSONAL_DATA = Set.of("PRESIDENTE", "TELEFONO", "CORREO");

    private final Layout layout;
    private final int[] position;
    private final String[] delivered;
    private final int width;
    private final List<String> ignored;
    private final List<String> personal;
    private final boolean[] personalAt;
    private final List<String> absent;

    private HeaderMap(Layout layout, int[] position, String[] delivered, int width, List<String> ignored,
                      List<String> personal, boolean[] personalAt, List<String> absent) {
        this.layout = layout;
        this.position = position;
        this.delivered = delivered;
        this.width = width;
        this.ignored = List.copyOf(ignored);
        this.personal = List.copyOf(personal);
        this.personalAt = personalAt;
        this.absent = List.copyOf(absent);
    }

    /** The header keys of a delivered header row, by position. */
    public static List<String> keys(List<String> header) {
        List<String> keys = new ArrayList<>(header.size());
        for (String h : header) {
            keys.add(Text.key(h));
        }
        return keys;
    }

    /**
     * Matches the header; refuses the file when a required column is missing or a column appears twice.
     */
    public static HeaderMap match(String fileName, Layout layout, List<String> header) {
        return match(fileName, layout, null, header);
    }

    /**
     * Matches the header against the layout the header was recognised as; {@code why} says what
     * told that layout ({@code told by EJERCICIO in the header}), for the refusal message.
     */
    public static HeaderMap match(String fileName, Layout layout, String why, List<String> header) {
        Map<String, Integer> byKey = new HashMap<>();
        List<String> keys = keys(header);
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            if (k.isEmpty()) {
                continue;
            }
            Integer before = byKey.put(k, i);
            if (before != null) {
                throw new FileRefusedException(fileName, duplicateMessage(layout, k, before, i));
            }
        }
        int[] position = new int[layout.columns().size()];
        String[] delivered = new String[position.length];
        List<String> missing = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        Map<String, Integer> unknown = new HashMap<>(byKey);
        for (int f = 0; f < position.length; f++) {
            Layout.Spec spec = layout.columns().get(f);
            if (spec.header() == null) {
                position[f] = -1;
                continue;
            }
            Integer p = unknown.remove(Text.key(spec.header()));
            position[f] = p == null ? -1 : p;
            delivered[f] = p == null ? spec.header() : Text.clean(header.get(p));
            if (p == null && spec.required()) {
                missing.add(spec.header());
            } else if (p == null && spec.need() == Layout.Need.OPTIONAL) {
                absent.add(spec.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new FileRefusedException(fileName, missingMessage(layout, why, missing, keys));
        }
        List<String> ignored = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        boolean[] personalAt = new boolean[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String k = keys.get(i);
            if (!unknown.containsKey(k) || unknown.get(k) != i) {
                continue;
            }
            if (PERSONAL_DATA.contains(k)) {
                personal.add(Text.clean(header.get(i)));
                personalAt[i] = true;
            } else {
                ignored.add(Text.clean(header.get(i)));
            }
        }
        return new HeaderMap(layout, position, delivered, header.size(), ignored, personal, personalAt, absent);
    }

    /*
     * Refusals name columns by their position and by the layout's name for them, never by quoting
     * a header cell: in a file without its header row the "header" is the first data row, and in a
     * registry file that row holds a leader's name, phone and e-mail.
     */

    /** The layout's own name for a header key, or {@code null} when the key is no column of it (or personal). */
    private static String expectedName(Layout layout, String key) {
        for (Layout.Spec spec : layout.columns()) {
            if (spec.header() != null && Text.key(spec.header()).equals(key)) {
                return spec.header();
            }
        }
        return PERSONAL_DATA.contains(key) ? key : null;
    }

    private static String duplicateMessage(Layout layout, String key, int first, int second) {
        String name = expectedName(layout, key);
        return (name != null ? "column " + name : "a column that is not in layout " + layout.name())
                + " appears twice in the header (columns " + (first + 1) + " and " + (second + 1) + ")";
    }

    private static String missingMessage(Layout layout, String why, List<String> missing, List<String> keys) {
        StringBuilder known = new StringBuilder();
        int unknown = 0;
        for (int i = 0; i < keys.size(); i++) {
            String name = expectedName(layout, keys.get(i));
            if (name == null) {
                unknown++;
            } else {
                known.append(known.length() == 0 ? "" : ", ").append(i + 1).append(' ').append(name);
            }
        }
        String head = "missing required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                + " (layout " + layout.name() + (why == null ? "" : ", " + why) + "); ";
        if (known.length() == 0) {
            return head + "none of the " + keys.size() + " columns of the first row is a column of this layout: is the"
                    + " header row missing? (cells are not quoted: they may be a leader's contact data)";
        }
        return head + "the header's " + keys.size() + " columns, by position: " + known
                + (unknown == 0 ? "" : "; " + unknown + " other" + (unknown == 1 ? " is" : "s are")
                + " not a column of this layout (not quoted)");
    }

    public Layout layout() {
        return layout;
    }

    /** The position in the record of a layout field, or -1 when the file does not have it. */
    public int position(int field) {
        return position[field];
    }

    /** The field's header as the file spelled it (for reject messages). */
    public String delivered(int field) {
        return delivered[field];
    }

    /** How many columns the header has; every record must have as many. */
    public int width() {
        return width;
    }

    public List<String> ignored() {
        return ignored;
    }

    public List<String> personal() {
        return personal;
    }

    /** Whether the column at this position of the record holds personal data (never to be read). */
    public boolean isPersonal(int position) {
        return position < personalAt.length && personalAt[position];
    }

    /**
     * The layout's own columns the file does not have, as the layout names them: the file was
     * taken without them (the ledger records them).
     */
    public List<String> absent() {
        return absent;
    }
}
