package org.oriundos.warehouse.report;

import java.util.Objects;
import org.oriundos.warehouse.report.render.Language;

/**
 * How a report is written: its language (every label, caption, note and number format follows it)
 * and the institution that issues it, shown in the title block (null or blank for none).
 */
public record ReportOptions(Language language, String institution) {
    /** English, no institution: what {@link AnnualReport#write(java.nio.file.Path, int, Integer, java.nio.file.Path)} writes. */
    public static final ReportOptions DEFAULTS = new ReportOptions(Language.EN, null);

    public ReportOptions {
        Objects.requireNonNull(language, "language");
        institution = institution == null || institution.isBlank() ? null : institution.strip();
    }

    /**
     * Options from the command line or the settings: {@code en} or {@code es} (anything else is an
     * {@link IllegalArgumentException} naming the choices), and the institution.
     */
    public static ReportOptions of(String languageCode, String institution) {
        return new ReportOptions(Language.of(languageCode), institution);
    }
}
