package org.oriundos.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file name says: the source, the period it delivers, and its version (1 for the base
 * name, N for {@code _vN}). Names are matched case-insensitively. The layout is not the name's to
 * say: the header tells it.
 *
 * @param source  the kind of extract
 * @param period  the partition: {@code yyyy-MM-dd} for the registry, {@code yyyy} for activity and
 *                3x1, {@code <SURVEY>_<YEAR>} for surveys
 * @param version the delivery's version within its period
 * @param historic whether the name is the historic consular directory's own
 *                 ({@code directorio_oriundos_...}); it does not say the layout: the consulates
 *                 re-issue historic directories as {@code ime_directorio_...}, and the header
 *                 tells the layout ({@code ExtractReaders})
 */
public record DeliveryName(Source source, String period, int version, boolean historic) {
    private static final Pattern REGISTRY = Pattern.compile("ime_directorio_(\\d{4}-\\d{2}-\\d{2})\\.csv",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HISTORIC = Pattern.compile(
            "directorio_oriundos_(\\d{4})(-\\d{2}-\\d{2})?\\.csv", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTIVITY = Pattern.compile("consulados_actividad_(\\d{4})\\.csv",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROJECTS = Pattern.compile("3x1_proyectos_(\\d{4})(?:_v(\\d{1,4}))?\\.csv",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SURVEY = Pattern.compile("survey_([a-z0-9][a-z0-9_-]*?)_(\\d{4})\\.csv",
            Pattern.CASE_INSENSITIVE);

    /** The names the inbox recognises, for messages and the operator's guide. */
    public static final String RECOGNISED = "ime_directorio_YYYY-MM-DD.csv, directorio_oriundos_YYYY.csv, "
            + "directorio_oriundos_YYYY-MM-DD.csv, consulados_actividad_YYYY.csv, 3x1_proyectos_YYYY.csv, "
            + "3x1_proyectos_YYYY_vN.csv, survey_<SURVEY>_<YEAR>.csv";

    /**
     * What the name says; throws {@link IllegalArgumentException} with the reason when the name
     * is not one the providers use or carries an impossible date.
     */
    public static DeliveryName parse(String fileName) {
        Matcher m = REGISTRY.matcher(fileName);
        if (m.matches()) {
            return new DeliveryName(Source.REGISTRY, date(m.group(1)), 1, false);
        }
        m = HISTORIC.matcher(fileName);
        if (m.matches()) {
            // A historic directory is "of" a year: it counts as the snapshot at that year's end.
            String date = m.group(2) == null ? m.group(1) + "-12-31" : m.group(1) + m.group(2);
            return new DeliveryName(Source.REGISTRY, date(date), 1, true);
        }
        m = ACTIVITY.matcher(fileName);
        if (m.matches()) {
            return new DeliveryName(Source.CONSULAR_ACTIVITY, m.group(1), 1, false);
        }
        m = PROJECTS.matcher(fileName);
        if (m.matches()) {
            int version = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            return new DeliveryName(Source.PROJECTS, m.group(1), version, false);
        }
        m = SURVEY.matcher(fileName);
        if (m.matches()) {
            return new DeliveryName(Source.SURVEY, m.group(1).toUpperCase(Locale.ROOT) + "_" + m.group(2), 1, false);
        }
        throw new IllegalArgumentException("not a name the providers use; recognised names are " + RECOGNISED);
    }

    private static String date(String iso) {
        try {
            return LocalDate.parse(iso).toString();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the date in the name is not a real date: " + iso);
        }
    }

    /** The year of a {@code yyyy} or {@code <SURVEY>_<YEAR>} period. */
    public static int yearOf(String period) {
        return Integer.parseInt(period.substring(period.length() - 4));
    }

    /** The survey of a {@code <SURVEY>_<YEAR>} period. */
    public static String surveyOf(String period) {
        return period.substring(0, period.length() - 5);
    }
}
