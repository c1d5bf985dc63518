package org.oriundos.warehouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oriundos.warehouse.report.render.Language;

/** The report's two message files say the same things: the same keys, the same placeholders, no gaps. */
class ReportTextTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndTheSamePlaceholders() {
        assertThat(ReportText.keys(Language.ES)).isEqualTo(ReportText.keys(Language.EN));
        List<String> different = new ArrayList<>();
        for (String key : ReportText.keys(Language.EN)) {
            String en = ReportText.message(Language.EN, key);
            String es = ReportText.message(Language.ES, key);
            if (en.isBlank() || es.isBlank()) {
                different.add(key + " is blank");
            }
            if (!placeholders(en).equals(placeholders(es))) {
                different.add(key + ": " + placeholders(en) + " in English, " + placeholders(es) + " in Spanish");
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void everyCategorySourceAndRuleHasAHumanLabelInBothLanguages() {
        List<String> codes = List.of("AGUA POTABLE", "DRENAJE", "ELECTRIFICACION", "PAVIMENTACION", "CAMINOS",
                "URBANIZACION", "CENTRO COMUNITARIO", "EDUCACION", "BECAS", "SALUD", "DEPORTE", "TEMPLO", "PRODUCTIVO",
                "OTRO");
        for (Language language : Language.values()) {
            ReportText t = new ReportText(language);
            for (String code : codes) {
                assertThat(t.category(code)).as("%s in %s", code, language).isNotEqualTo(code)
                        .matches("\\p{Lu}\\p{Ll}.*");
            }
            // every source the lake holds and every rule the linker writes (and those of older link tables)
            for (org.oriundos.ingest.lake.TableSchema table : org.oriundos.ingest.RawTables.dataTables()) {
                assertThat(t.source(table.name())).as("source %s in %s", table.name(), language).isNotEqualTo(table.name());
            }
            List<String> rules = new ArrayList<>(List.of("EXACT_NAME", "SIMILAR_NAME"));
            for (org.oriundos.transform.identity.LinkRule rule : org.oriundos.transform.identity.LinkRule.values()) {
                rules.add(rule.name());
            }
            for (String rule : rules) {
                assertThat(t.label("rule", rule)).as("rule %s in %s", rule, language).isNotEqualTo(rule);
            }
        }
        assertThat(new ReportText(Language.ES).category("PAVIMENTACION")).isEqualTo("Pavimentación");
        assertThat(new ReportText(Language.EN).category("AGUA POTABLE")).isEqualTo("Drinking water");
        // a code the report does not know yet is shown as written, not hidden
        assertThat(new ReportText(Language.EN).label("rule", "EVIDENCE")).isEqualTo("EVIDENCE");
    }

    @Test
    void argumentsFillThePlaceholdersAndAMissingKeyIsABug() {
        ReportText t = new ReportText(Language.ES);

        assertThat(t.t("registry.us.table", 1998, 2008)).isEqualTo("Asociaciones registradas por estado de EUA, 1998 y 2008");
        assertThatThrownBy(() -> t.t("no.such.key")).hasMessageContaining("no es message 'no.such.key'");
        assertThatThrownBy(() -> t.t("registry.us.table", 1998)).hasMessageContaining("uses {1} but was given 1");
    }

    private static Set<String> placeholders(String message) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(message);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
