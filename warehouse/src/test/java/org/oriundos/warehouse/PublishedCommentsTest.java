package org.oriundos.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every published table, view, macro and column carries a comment an analyst's tool shows, the
 * comments are those declared beside the models, and {@code docs/warehouse.md}'s reference is the
 * one generated from them and the schema. The warehouse is {@link HometownLake}'s after both
 * nights: night 1 a full build, night 2 an incremental one (a copy of night 1's file).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedCommentsTest {
    private Path published;

    @BeforeAll
    void buildBothNights(@TempDir Path home) {
        HometownLake story = new HometownLake(home.resolve("lake"));
        published = home.resolve("warehouse").resolve("oriundos.duckdb");
        WarehouseBuilder builder = new WarehouseBuilder(new WarehouseSettings(story.lake().location(), published, 2, "512MB"));
        story.night1();
        builder.build(false);
        story.night2();
        builder.build(false);
    }

    private List<List<Object>> rows(String sql) {
        return WarehouseQuery.run(published, sql).rows();
    }

    @Test
    void everyPublishedTableViewMacroAndColumnHasAComment() {
        List<String> missing = new ArrayList<>();
        for (List<Object> r : rows("""
                select 'table ' || table_name from duckdb_tables()
                where database_name = current_database() and schema_name = 'main' and coalesce(trim(comment), '') = ''
                union all
                select 'view ' || view_name from duckdb_views()
                where database_name = current_database() and schema_name = 'main' and not internal
                    and coalesce(trim(comment), '') = ''
                union all
                select 'macro ' || function_name from duckdb_functions()
                where database_name = current_database() and schema_name = 'main' and not internal
                    and function_type in ('macro', 'table_macro') and coalesce(trim(comment), '') = ''
                union all
                select 'column ' || table_name || '.' || column_name from duckdb_columns()
                where database_name = current_database() and schema_name = 'main' and coalesce(trim(comment), '') = ''
                order by 1""")) {
            missing.add((String) r.get(0));
        }
        assertThat(missing).as("published without a comment: declare what each means in the model's <model>.yml"
                + " (warehouse/src/main/resources/warehouse/models/; staging.yml for stg_* and meta_*), then"
                + " regenerate the doc: " + ColumnReference.REGENERATE).isEmpty();
        // what the issue counted: the analysts' tables and views, and their columns
        assertThat(rows("""
                select count(*), count(comment) from duckdb_columns()
                where database_name = current_database() and schema_name = 'main'
                    and (table_name like 'dim\\_%' escape '\\' or table_name like 'fact\\_%' escape '\\'
                        or table_name like 'v\\_%' escape '\\')""").get(0))
                .satisfies(r -> assertThat(r.get(1)).isEqualTo(r.get(0)))
                .satisfies(r -> assertThat((Long) r.get(0)).isGreaterThan(200L));
    }

    @Test
    void everyDeclarationNamesWhatTheWarehouseHas() {
        Set<String> present = new TreeSet<>();
        for (List<Object> r : rows("""
                select table_name || '.' || column_name from duckdb_columns()
                where database_name = current_database() and schema_name = 'main'
                union all select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main'
                union all select view_name from duckdb_views() where database_name = current_database() and schema_name = 'main'
                union all select function_name from duckdb_functions()
                where database_name = current_database() and schema_name = 'main' and function_type in ('macro', 'table_macro')""")) {
            present.add((String) r.get(0));
        }
        List<String> stale = new ArrayList<>();
        for (Comments.Declared d : Comments.declared().objects().values()) {
            if (!present.contains(d.name())) {
                stale.add(d.name() + " (" + d.resource() + ")");
            }
            for (String column : d.columns().keySet()) {
                if (!present.contains(d.name() + "." + column)) {
                    stale.add(d.name() + "." + column + " (" + d.resource() + ")");
                }
            }
        }
        assertThat(stale).as("declared but not in the warehouse: remove or rename the declaration").isEmpty();
    }

    @Test
    void aCommentSaysMoreThanTheColumnsName() {
        List<String> bare = new ArrayList<>();
        for (List<Object> r : rows("""
                select table_name, column_name, comment from duckdb_columns()
                where database_name = current_database() and schema_name = 'main'""")) {
            String name = squeeze((String) r.get(1));
            String comment = (String) r.get(2);
            if (comment == null || comment.length() < 20 || squeeze(comment).equals(name)) {
                bare.add(r.get(0) + "." + r.get(1) + ": " + comment);
            }
        }
        assertThat(bare).as("comments that only repeat the name: say meaning, unit, grain, how missing is written").isEmpty();
    }

    @Test
    void theDocsReferenceIsTheOneGeneratedFromTheCommentsAndTheSchema() throws Exception {
        Path docFile = ColumnReference.docFile();
        String doc = Files.readString(docFile);
        Map<String, String> generated = ColumnReference.render(published, Comments.declared());
        if (Boolean.getBoolean("oriundos.update-docs")) {
            String regenerated = ColumnReference.regenerate(doc, generated);
            if (!regenerated.equals(doc)) {
                Files.writeString(docFile, regenerated);
            }
            doc = regenerated;
        }
        Map<String, String> inDoc = ColumnReference.blocksIn(doc);
        List<String> problems = new ArrayList<>();
        for (String name : generated.keySet()) {
            if (!inDoc.containsKey(name)) {
                problems.add(name + " is published but " + ColumnReference.DOC + " has no reference for it: add the two"
                        + " lines '<!-- reference: " + name + " -->' and '<!-- /reference: " + name + " -->' where it"
                        + " belongs, then regenerate");
            }
        }
        for (Map.Entry<String, String> e : inDoc.entrySet()) {
            String expected = generated.get(e.getKey());
            if (expected == null) {
                problems.add(e.getKey() + " has a reference in " + ColumnReference.DOC
                        + " but the warehouse has no such table, view or macro: remove it");
            } else if (!expected.equals(e.getValue())) {
                problems.add(e.getKey() + " differs from the schema and its comments:\n" + diff(e.getValue(), expected));
            }
        }
        if (!problems.isEmpty()) {
            fail(ColumnReference.DOC + " and the warehouse disagree:\n- " + String.join("\n- ", problems)
                    + "\nRegenerate the references from the comments (after a failing line, edit the <model>.yml, not"
                    + " the doc):\n  " + ColumnReference.REGENERATE);
        }
    }

    @Test
    void theReadmesQueryShowsTheViewsColumnsWithTheirMeaning() {
        Map<String, String> comments = new LinkedHashMap<>();
        for (List<Object> r : rows("select table_name, column_name, comment from duckdb_columns()"
                + " where table_name = 'v_project_investment'")) {
            comments.put((String) r.get(1), (String) r.get(2));
        }
        assertThat(comments).containsKeys("year", "origin_state", "projects", "clubs", "total_mxn_const");
        assertThat(comments.get("clubs")).contains("do not add it up across rows");
        assertThat(comments.get("total_mxn_const")).contains("constant pesos");
    }

    @Test
    void aWarehouseBuiltWithOtherCommentsGetsTheseOnTheNextNightWithoutARebuild(@TempDir Path home) throws Exception {
        HometownLake story = new HometownLake(home.resolve("lake"));
        Path file = home.resolve("warehouse").resolve("oriundos.duckdb");
        WarehouseBuilder builder = new WarehouseBuilder(new WarehouseSettings(story.lake().location(), file, 2, "512MB"));
        story.night1();
        builder.build(false);
        // as if the file had been built by a release with other comments
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file); var s = c.createStatement()) {
            s.execute("COMMENT ON COLUMN fact_project_funding.folio IS NULL");
            s.execute("UPDATE meta_warehouse SET \"value\" = 'older' WHERE \"key\" = 'comments_fingerprint'");
        }

        BuildResult again = builder.build(false);

        assertThat(again.changed()).as("the comments are written again").isTrue();
        assertThat(again.partitionsApplied()).as("no lake unit was applied again").isEmpty();
        assertThat(WarehouseQuery.run(file, "select comment from duckdb_columns() where table_name = 'fact_project_funding'"
                + " and column_name = 'folio'").rows()).containsExactly(List.of(Comments.declared()
                .column("fact_project_funding", "folio")));
        assertThat(builder.build(false).changed()).as("and the next night has nothing to do").isFalse();
    }

    /** The lines of {@code actual} and {@code expected} from the first that differs, a few of each. */
    private static String diff(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        int i = 0;
        while (i < a.length && i < e.length && a[i].equals(e[i])) {
            i++;
        }
        StringBuilder out = new StringBuilder();
        for (int k = i; k < Math.min(a.length, i + 3); k++) {
            out.append("    doc:       ").append(a[k]).append('\n');
        }
        for (int k = i; k < Math.min(e.length, i + 3); k++) {
            out.append("    generated: ").append(e[k]).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String squeeze(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
