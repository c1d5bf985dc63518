package org.oriundos.ingest;

/**
 * Every reason ingest rejects a row for, by a stable code: the one place the codes are declared.
 * Each site that rejects names its code beside the English text it always wrote
 * ({@link #because}); the lake keeps both ({@code rejects.reason_code}, {@code reason_args}), and
 * the report renders the code in its language ({@code reason.<CODE>} in the report's messages,
 * with the parameters in order). A code is never renamed (the lake and the warehouse hold it);
 * a new reason gets a new code, and its messages in both languages (a test checks).
 *
 * <p>The parameters are what the English text shows besides the value: bounds, widths, counts,
 * the year or survey of the file's name. Never a cell's value (the reject's {@code value} column
 * holds that, masked where the file carries personal data), nor the line of another record.
 */
public enum RejectReason {
    // a cell that cannot be typed (csv.Values)
    MORE_THAN_TWO_DECIMALS(0),
    AMOUNT_TOO_LARGE(0),
    THOUSANDS_NOT_GROUPED_IN_THREES(0),
    NOT_AN_AMOUNT(0),
    NEGATIVE_AMOUNT(0),
    NUMBER_TOO_LARGE(0),
    NOT_A_WHOLE_NUMBER(0),
    /** min, max */
    OUT_OF_RANGE(2),
    NEGATIVE_COUNT(0),
    NOT_A_DATE(0),
    NO_SUCH_DATE(0),
    /** the code's width in digits */
    NOT_A_CODE(1),
    /** the highest code */
    NO_SUCH_CODE(1),
    // a cell of a layout field (csv.Fields, the parsers)
    MISSING_VALUE(0),
    /** the closed list's values, comma-separated */
    NOT_ONE_OF(1),
    /** the year of the file's name */
    YEAR_NOT_THE_FILE_NAMES(1),
    /** the survey of the file's name */
    SURVEY_NOT_THE_FILE_NAMES(1),
    WEIGHT_NOT_POSITIVE(0),
    NOT_A_NUMBER(0),
    /** min, max of the answer's numbers (98 and 99 are codes) */
    ANSWER_NOT_A_NUMBER_OR_CODE(2),
    NOT_A_DATE_OR_YEAR(0),
    // keys repeated within a file (the parsers)
    DUPLICATE_KEY(0),
    DUPLICATE_ORGANIZATION_ID(0),
    DUPLICATE_ORGANIZATION(0),
    DUPLICATE_CONSULATE_MONTH(0),
    REPEATED_ENTRY(0),
    REPEATED_ORGANIZATION(0),
    // the record as a whole (csv.CsvExtractReader, banxico.SieExportReader)
    UNCLOSED_QUOTE(0),
    /** the record's fields, the header's */
    TOO_FEW_FIELDS(2),
    /** the record's fields, the header's */
    TOO_MANY_FIELDS(2),
    /** how many bytes at the start of the file were found to be UTF-8 */
    MIXED_ENCODING(1),
    /** the column as the header spells it, its position */
    SHIFTED_CONTACT_DATA(2),
    // Banco de México's exports (banxico.SieExportReader)
    SERIES_WITHOUT_TITLE(0),
    SERIES_WITHOUT_UNIT(0),
    SERIES_WITHOUT_PERIODICITY(0),
    SERIES_PERIODICITY_NOT_TAKEN(0),
    PERIOD_NOT_A_DATE(0),
    /** how many lines give the period */
    PERIOD_REPEATED(1),
    PERIOD_NOT_FIRST_OF_MONTH(0),
    PERIOD_STARTS_NO_QUARTER(0),
    NOT_A_NUMBER_NOR_NOT_AVAILABLE(0),
    // a refused file's line-0 record (LakeStaging)
    FILE_REFUSED(0);

    private final int parameters;

    RejectReason(int parameters) {
        this.parameters = parameters;
    }

    /** How many parameters the code's messages take ({@code {0}}, {@code {1}}, …). */
    public int parameters() {
        return parameters;
    }

    /** This reason with its English text and its parameters (as many as {@link #parameters()}). */
    public Reason because(String text, Object... args) {
        return Reason.of(this, parameters, text, args);
    }
}
