package org.oriundos.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What every published table, view, macro and column means, declared once beside the models and
 * written into the warehouse with DuckDB's {@code COMMENT ON}, so that an analyst's tool (DBeaver,
 * the DuckDB CLI, Python, R: {@code duckdb_tables()}, {@code duckdb_columns()}) shows it. The
 * column reference of {@code docs/warehouse.md} is generated from the same declarations.
 *
 * <p>Each model has a {@code <model>.yml} beside its SQL; the staging and bookkeeping tables,
 * which no model creates, are in {@code staging.yml}. A file maps each object it declares to its
 * {@code description} and either its {@code columns} (name: meaning) or {@code columns_from}, the
 * object whose column meanings it shares (an aggregate table and the analyst view over it). A
 * column that means exactly what another object's column means says so rather than repeating it,
 * {@code folio: {same_as: fact_project_funding.folio}}, so the two cannot drift apart:
 *
 * <pre>{@code
 * dim_year:
 *   description: >-
 *     One row per calendar year the lake knows ...
 *   columns:
 *     year_key: >-
 *       The year itself ...
 * }</pre>
 *
 * <p>{@code CREATE OR REPLACE} drops an object's comments, so {@link #apply} runs on every
 * build, after the models, and comments travel with the file through the copy-and-rename
 * publish. Applying is lenient (a declared column the schema lacks is logged, not fatal: a
 * comment never stops a night); the tests are strict: every published column must have a
 * comment and every declaration must match the schema.
 */
public final class Comments {
    private static final System.Logger LOG = System.getLogger(Comments.class.getName());

    /** The staging ({@code stg_*}) and bookkeeping ({@code meta_*}) tables, which no model creates. */
    static final String STAGING = "/warehouse/models/staging.yml";

    /**
     * One declared object.
     *
     * @param name        the table, view or macro
     * @param resource    the file it is declared in
     * @param description what one row is (the grain) and what the object is for
     * @param columns     each column's meaning, by name, in declaration order (empty with {@code columnsFrom});
     *                    a column declared {@code same_as} another is here too, with its resolved meaning
     * @param sameAs      the columns declared {@code same_as} another object's column: {@code object.column}
     * @param columnsFrom the object whose column meanings this one shares, or null
     */
    public record Declared(String name, String resource, String description, Map<String, String> columns,
                           Map<String, String> sameAs, String columnsFrom) {
    }

    private static volatile Comments declared;

    private final Map<String, Declared> objects;
    private final String fingerprint;

    private Comments(Map<String, Declared> objects, String fingerprint) {
        this.objects = objects;
        this.fingerprint = fingerprint;
    }

    /** The declarations of the models on the class path (read once). */
    public static Comments declared() {
        Comments c = declared;
        if (c == null) {
            c = load(resources());
            declared = c;
        }
        return c;
    }

    /** Every resource that may declare comments, in build order: the models', then staging's. */
    static List<String> resources() {
        List<String> names = new ArrayList<>();
        for (Model m : Models.all()) {
            names.add(m.commentsResource());
        }
        names.add(STAGING);
        return names;
    }

    static Comments load(List<String> resources) {
        Map<String, Declared> objects = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (String resource : resources) {
            String text = Models.resource(resource);
            digest.update(resource.getBytes(StandardCharsets.UTF_8));
            digest.update(text == null ? new byte[] {0} : text.getBytes(StandardCharsets.UTF_8));
            if (text == null) {
                continue;
            }
            for (Declared d : parse(resource, text)) {
                Declared twin = objects.putIfAbsent(d.name(), d);
                if (twin != null) {
                    throw new IllegalStateException(d.name() + " is declared twice, in " + twin.resource() + " and "
                            + resource + ": keep one");
                }
            }
        }
        for (Declared d : objects.values()) {
            if (d.columnsFrom() != null && !objects.containsKey(d.columnsFrom())) {
                throw new IllegalStateException(d.resource() + ": " + d.name() + " takes its columns from "
                        + d.columnsFrom() + ", which no file declares");
            }
        }
        // resolve same_as once, so every reader sees plain text
        Map<String, Declared> resolved = new LinkedHashMap<>();
        for (Declared d : objects.values()) {
            Map<String, String> columns = new LinkedHashMap<>(d.columns());
            for (Map.Entry<String, String> ref : d.sameAs().entrySet()) {
                columns.put(ref.getKey(), resolveSameAs(objects, d, ref.getKey(), ref.getValue()));
            }
            resolved.put(d.name(), new Declared(d.name(), d.resource(), d.description(),
                    Collections.unmodifiableMap(columns), d.sameAs(), d.columnsFrom()));
        }
        return new Comments(Collections.unmodifiableMap(resolved), HexFormat.of().formatHex(digest.digest()).substring(0, 32));
    }

    private static String resolveSameAs(Map<String, Declared> objects, Declared from, String column, String reference) {
        String where = from.resource() + ": " + from.name() + "." + column + " is the same as " + reference;
        String target = reference;
        for (int hops = 0; hops < 4; hops++) {
            int dot = target.indexOf('.');
            Declared d = dot < 0 ? null : objects.get(target.substring(0, dot));
            if (d == null) {
                throw new IllegalStateException(where + ", which names no declared object (write object.column)");
            }
            String targetColumn = target.substring(dot + 1);
            String text = d.columns().get(targetColumn);
            if (text != null) {
                return text;
            }
            target = d.sameAs().get(targetColumn);
            if (target == null) {
                throw new IllegalStateException(where + ", which is not declared");
            }
        }
        throw new IllegalStateException(where + ": too many same_as in a row");
    }

    /** Parses one file; says which file, object and key is wrong rather than guessing. */
    static List<Declared> parse(String resource, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new IllegalStateException(resource + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalStateException(resource + " must map each object it declares to its description and columns");
        }
        List<Declared> declared = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            String where = resource + ": " + name;
            if (!(e.getValue() instanceof Map<?, ?> body)) {
                throw new IllegalStateException(where + " must have 'description' and 'columns' (or 'columns_from')");
            }
            for (Object key : body.keySet()) {
                if (!Set.of("description", "columns", "columns_from").contains(String.valueOf(key))) {
                    throw new IllegalStateException(where + " has an unknown key '" + key
                            + "' (expected description, columns, columns_from)");
                }
            }
            String description = text(where + ".description", body.get("description"));
            String columnsFrom = body.get("columns_from") == null ? null : text(where + ".columns_from", body.get("columns_from"));
            Map<String, String> columns = new LinkedHashMap<>();
            Map<String, String> sameAs = new LinkedHashMap<>();
            if (body.get("columns") != null) {
                if (!(body.get("columns") instanceof Map<?, ?> cols)) {
                    throw new IllegalStateException(where + ".columns must map each column to its meaning");
                }
                if (columnsFrom != null) {
                    throw new IllegalStateException(where + " has both 'columns' and 'columns_from': keep one");
                }
                for (Map.Entry<?, ?> c : cols.entrySet()) {
                    String column = String.valueOf(c.getKey());
                    if (c.getValue() instanceof Map<?, ?> ref) {
                        if (ref.size() != 1 || !ref.containsKey("same_as")) {
                            throw new IllegalStateException(where + "." + column
                                    + " must be its meaning, or {same_as: object.column}");
                        }
                        sameAs.put(column, text(where + "." + column + ".same_as", ref.get("same_as")));
                    } else {
                        columns.put(column, text(where + "." + column, c.getValue()));
                    }
                }
            }
            declared.add(new Declared(name, resource, description, Collections.unmodifiableMap(columns),
                    Collections.unmodifiableMap(sameAs), columnsFrom));
        }
        return declared;
    }

    private static String text(String where, Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(where + " must be a non-empty text");
        }
        return s.strip().replaceAll("\\s*\n\\s*", " ");
    }

    /** Every declared object, by name, in declaration order. */
    public Map<String, Declared> objects() {
        return objects;
    }

    /** The meaning of a column of an object (following {@code columns_from}), or null when none is declared. */
    public String column(String object, String column) {
        Declared d = objects.get(object);
        for (int hops = 0; d != null && hops < 4; hops++) {
            if (d.columnsFrom() == null) {
                return d.columns().get(column);
            }
            d = objects.get(d.columnsFrom());
        }
        return null;
    }

    /** A hash of every declaration file: a warehouse commented by other text gets its comments again. */
    String fingerprint() {
        return fingerprint;
    }

    /**
     * Writes the declared comments onto the objects and columns the open warehouse has. What is
     * declared but absent is logged and skipped; what is present but undeclared keeps no comment
     * (the tests catch both).
     */
    void apply(Connection connection) throws SQLException {
        Map<String, String> kinds = objectKinds(connection);
        Map<String, List<String>> columns = columns(connection);
        List<String> absent = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            for (Declared d : objects.values()) {
                String kind = kinds.get(d.name());
                if (kind == null) {
                    absent.add(d.name());
                    continue;
                }
                s.execute("COMMENT ON " + kind + " " + Staging.quote(d.name()) + " IS " + Staging.literal(d.description()));
                List<String> present = columns.getOrDefault(d.name(), List.of());
                for (String column : present) {
                    String meaning = column(d.name(), column);
                    if (meaning != null) {
                        s.execute("COMMENT ON COLUMN " + Staging.quote(d.name()) + "." + Staging.quote(column) + " IS "
                                + Staging.literal(meaning));
                    }
                }
                if (d.columnsFrom() == null) {
                    for (String column : d.columns().keySet()) {
                        if (!present.contains(column)) {
                            absent.add(d.name() + "." + column);
                        }
                    }
                }
            }
        }
        if (!absent.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "comments declared for what the warehouse does not have: {0}", absent);
        }
    }

    /**
     * Every table, view and macro of the warehouse's main schema, with the word {@code COMMENT ON}
     * takes for it: {@code TABLE}, {@code VIEW}, {@code MACRO} or {@code MACRO TABLE}.
     */
    static Map<String, String> objectKinds(Connection connection) throws SQLException {
        Map<String, String> kinds = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select table_name, 'TABLE' from duckdb_tables()
                where database_name = current_database() and schema_name = 'main' and not temporary
                union all
                select view_name, 'VIEW' from duckdb_views()
                where database_name = current_database() and schema_name = 'main' and not internal and not temporary
                union all
                select distinct function_name, case function_type when 'table_macro' then 'MACRO TABLE' else 'MACRO' end
                from duckdb_functions()
                where database_name = current_database() and schema_name = 'main' and not internal
                    and function_type in ('macro', 'table_macro')""")) {
            while (rs.next()) {
                kinds.put(rs.getString(1), rs.getString(2));
            }
        }
        return kinds;
    }

    /** The columns of every table and view of the main schema, by object, in their order. */
    static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                select table_name, column_name from duckdb_columns()
                where database_name = current_database() and schema_name = 'main'
                order by table_name, column_index""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
