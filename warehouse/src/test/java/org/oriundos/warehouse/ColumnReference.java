package org.oriundos.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table and column reference of {@code docs/warehouse.md}, generated from a built warehouse:
 * each published table, view and macro with its type, its comment and, for tables and views,
 * every column with its type and comment, in the schema's order. The comments come from the
 * declarations beside the models ({@link Comments}), so the doc, the comments and the schema
 * cannot drift apart.
 *
 * <p>In the doc, each object's reference sits between {@code <!-- reference: NAME -->} and
 * {@code <!-- /reference: NAME -->}, where it belongs among the hand-written prose; only what is
 * between the markers is generated.
 */
final class ColumnReference {
    static final String DOC = "docs/warehouse.md";
    static final String REGENERATE = "./mvnw -q -o -pl warehouse -am test -Dtest=PublishedCommentsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Doriundos.update-docs=true";

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- reference: ([a-z_0-9]+) -->\\n(.*?)<!-- /reference: \\1 -->", Pattern.DOTALL);

    private ColumnReference() {
    }

    /** Each published object's generated reference, by name. */
    static Map<String, String> render(Path warehouse, Comments comments) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        Map<String, String> signatures = new LinkedHashMap<>();
        for (List<Object> r : WarehouseQuery.run(warehouse, """
                select table_name, 'table', comment, null from duckdb_tables()
                where database_name = current_database() and schema_name = 'main'
                union all
                select view_name, 'view', comment, null from duckdb_views()
                where database_name = current_database() and schema_name = 'main' and not internal
                union all
                select function_name, case function_type when 'table_macro' then 'table macro' else 'macro' end, comment,
                    function_name || '(' || array_to_string(parameters, ', ') || ')'
                from duckdb_functions()
                where database_name = current_database() and schema_name = 'main' and not internal
                    and function_type in ('macro', 'table_macro')
                order by 1""").rows()) {
            kinds.put((String) r.get(0), (String) r.get(1));
            descriptions.put((String) r.get(0), (String) r.get(2));
            signatures.put((String) r.get(0), r.get(3) == null ? (String) r.get(0) : (String) r.get(3));
        }
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        for (List<Object> r : WarehouseQuery.run(warehouse, """
                select table_name, column_name, data_type, comment from duckdb_columns()
                where database_name = current_database() and schema_name = 'main'
                order by table_name, column_index""").rows()) {
            columns.computeIfAbsent((String) r.get(0), k -> new ArrayList<>())
                    .add(new String[] {(String) r.get(1), (String) r.get(2), (String) r.get(3)});
        }
        Map<String, String> blocks = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : kinds.entrySet()) {
            String name = e.getKey();
            StringBuilder b = new StringBuilder();
            b.append("**`").append(signatures.get(name)).append("`** (").append(e.getValue()).append("): ")
                    .append(markdown(descriptions.get(name))).append('\n');
            List<String[]> cols = columns.getOrDefault(name, List.of());
            Comments.Declared declared = comments.objects().get(name);
            String from = declared == null ? null : declared.columnsFrom();
            if (from != null && sameNamesAndTypes(cols, columns.get(from))) {
                b.append('\n').append("Columns: those of `").append(from).append("`, with the same types and meanings: ");
                for (int i = 0; i < cols.size(); i++) {
                    b.append(i == 0 ? "" : ", ").append('`').append(cols.get(i)[0]).append('`');
                }
                b.append(".\n");
            } else if (!cols.isEmpty()) {
                b.append("\n| column | type | meaning |\n|---|---|---|\n");
                for (String[] c : cols) {
                    b.append("| `").append(c[0]).append("` | ").append(c[1]).append(" | ").append(cell(c[2])).append(" |\n");
                }
            }
            blocks.put(name, b.toString());
        }
        return blocks;
    }

    private static boolean sameNamesAndTypes(List<String[]> a, List<String[]> b) {
        if (b == null || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i)[0].equals(b.get(i)[0]) || !a.get(i)[1].equals(b.get(i)[1])) {
                return false;
            }
        }
        return true;
    }

    /** A comment inside a Markdown table cell: a pipe would end the cell. */
    private static String cell(String comment) {
        return markdown(comment).replace("|", "\\|");
    }

    /**
     * A comment as Markdown text: a missing one shows as such; {@code <} (which would open an HTML
     * tag, hiding {@code <period>}) and {@code *} (which would open emphasis, as in {@code *_mxn})
     * are escaped.
     */
    private static String markdown(String comment) {
        return comment == null || comment.isBlank() ? "**(no comment)**"
                : comment.replace("\n", " ").replace("<", "\\<").replace("*", "\\*");
    }

    /** The names whose reference the doc holds, with what it holds for each, in the doc's order. */
    static Map<String, String> blocksIn(String doc) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    /** The doc with the reference of every object it has markers for replaced by {@code blocks}. */
    static String regenerate(String doc, Map<String, String> blocks) {
        Matcher m = BLOCK.matcher(doc);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String block = blocks.getOrDefault(m.group(1), m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "<!-- reference: " + m.group(1) + " -->\n" + block + "<!-- /reference: " + m.group(1) + " -->"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The repository's {@code docs/warehouse.md}, found from the module's working directory. */
    static Path docFile() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve(DOC);
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IOException("cannot find " + DOC + " above " + Path.of("").toAbsolutePath());
    }
}
