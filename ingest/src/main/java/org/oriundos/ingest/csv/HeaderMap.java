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
                throw new FileRefusedException(fileName, "column " + Text.clean(header.get(i))
                        + " appears twice in the header (columns " + (before + 1) + " and " + (i + 1) + ")");
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
            throw new FileRefusedException(fileName, "missing required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (layout " + layout.name() + (why == null ? "" : ", " + why)
                    + "); the header has: "
                    + String.join(", ", header.stream().map(Text::clean).map(h -> h == null ? "(blank)" : h).toList()));
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
