package org.oriundos.transform.category;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oriundos.transform.text.Folding;

/**
 * Puts every 3x1 project in one of the fourteen CATEGORIA values. The 2013 layout names its
 * category (accents and case are forgiven); the 2002 layout has free-text TIPO_OBRA, mapped by the
 * keyword file {@code reference/category_keywords.csv}: the first keyword found in the text wins.
 * A text no keyword matches is {@code OTRO}, rule {@code UNMATCHED}.
 */
public final class CategoryMap {
    public static final String RESOURCE = "reference/category_keywords.csv";
    public static final List<String> CATEGORIES = List.of("AGUA POTABLE", "DRENAJE", "ELECTRIFICACION",
            "PAVIMENTACION", "CAMINOS", "URBANIZACION", "CENTRO COMUNITARIO", "EDUCACION", "BECAS", "SALUD",
            "DEPORTE", "TEMPLO", "PRODUCTIVO", "OTRO");
    public static final String OTHER = "OTRO";

    private record Rule(String keyword, Pattern pattern, String category) {
    }

    private final List<Rule> rules;
    private final Map<String, String> categoryByKey = new HashMap<>();

    private CategoryMap(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (String c : CATEGORIES) {
            categoryByKey.put(Folding.fold(c), c);
        }
    }

    /** The map shipped in this module's resources. */
    public static CategoryMap shipped() {
        InputStream in = CategoryMap.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the transform module");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(r, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A map from a keyword file ({@code keyword,category}, {@code #} comments), in priority order. */
    public static CategoryMap load(Reader in, String fileName) throws IOException {
        List<Rule> rules = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();
        for (CSVRecord r : format.parse(in)) {
            String where = fileName + " line " + r.getParser().getCurrentLineNumber();
            String keyword = r.get("keyword");
            String category = r.get("category");
            if (!CATEGORIES.contains(category)) {
                throw new IllegalArgumentException(where + ": '" + category + "' is not one of " + CATEGORIES);
            }
            String folded = Folding.fold(keyword);
            if (folded.isEmpty()) {
                throw new IllegalArgumentException(where + ": the keyword is blank");
            }
            // whole words; the last word may carry a plural s/es
            Pattern p = Pattern.compile("(^| )" + Pattern.quote(folded) + "(S|ES)?( |$)");
            rules.add(new Rule(keyword, p, category));
        }
        return new CategoryMap(rules);
    }

    /** The category of a project from its CATEGORIA (2013 layout) or else its TIPO_OBRA text (2002 layout). */
    public CategoryMatch categorize(String categoria, String workType) {
        if (categoria != null && !categoria.isBlank()) {
            String c = categoryByKey.get(Folding.fold(categoria));
            if (c != null) {
                return new CategoryMatch(c, "CATEGORIA");
            }
            return matchKeywords(categoria);
        }
        return matchKeywords(workType);
    }

    /** The first keyword rule matching a free text, or OTRO/UNMATCHED. */
    public CategoryMatch matchKeywords(String text) {
        String folded = Folding.fold(text);
        if (!folded.isEmpty()) {
            for (Rule rule : rules) {
                if (rule.pattern().matcher(folded).find()) {
                    return new CategoryMatch(rule.category(), "KEYWORD:" + rule.keyword());
                }
            }
        }
        return new CategoryMatch(OTHER, CategoryMatch.UNMATCHED);
    }
}
