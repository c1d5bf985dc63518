package org.oriundos.transform.money;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The shipped monthly series, summed by year: INPC ({@code reference/inegi_inpc_monthly.csv},
 * column GENERAL) and the FIX peso-dollar rate ({@code reference/banxico_fix_usdmxn_monthly.csv},
 * column TIPO_CAMBIO, where 0 means no data: its first ten months).
 */
public final class MoneyReference {
    public static final String INPC_RESOURCE = "reference/inegi_inpc_monthly.csv";
    public static final String FIX_RESOURCE = "reference/banxico_fix_usdmxn_monthly.csv";

    private final TreeMap<Integer, YearReference> years;
    /** Each month's value of either series, by month: {@code [INPC, FIX]}, either null when not published. */
    private final TreeMap<YearMonth, BigDecimal[]> months;

    private MoneyReference(TreeMap<Integer, YearReference> years, TreeMap<YearMonth, BigDecimal[]> months) {
        this.years = years;
        this.months = months;
    }

    public static MoneyReference shipped() {
        try (Reader inpc = resource(INPC_RESOURCE); Reader fix = resource(FIX_RESOURCE)) {
            return load(inpc, INPC_RESOURCE, fix, FIX_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped INPC/FIX series: " + e.getMessage(), e);
        }
    }

    public static MoneyReference load(Reader inpc, String inpcName, Reader fix, String fixName) throws IOException {
        TreeMap<Integer, BigDecimal[]> sums = new TreeMap<>(); // year -> {inpcSum, inpcMonths, fixSum, fixMonths}
        TreeMap<YearMonth, BigDecimal[]> months = new TreeMap<>();
        add(sums, months, inpc, inpcName, "GENERAL", 0);
        add(sums, months, fix, fixName, "TIPO_CAMBIO", 2);
        TreeMap<Integer, YearReference> years = new TreeMap<>();
        sums.forEach((year, s) -> years.put(year,
                new YearReference(year, s[0], s[1].intValue(), s[2], s[3].intValue())));
        return new MoneyReference(years, months);
    }

    private static void add(TreeMap<Integer, BigDecimal[]> sums, TreeMap<YearMonth, BigDecimal[]> months, Reader in,
                            String fileName, String column, int slot) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<String> seen = new ArrayList<>();
        for (CSVRecord r : format.parse(in)) {
            String where = fileName + " line " + r.getParser().getCurrentLineNumber();
            LocalDate month;
            BigDecimal value;
            try {
                month = LocalDate.parse(r.get("PERIODO"));
                value = new BigDecimal(r.get(column));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new IllegalStateException(where + ": cannot read '" + r.get("PERIODO") + "," + r.get(column)
                        + "' as a month and a number", e);
            }
            String ym = month.getYear() + "-" + month.getMonthValue();
            if (seen.contains(ym)) {
                throw new IllegalStateException(where + ": month " + ym + " appears twice");
            }
            seen.add(ym);
            if (value.signum() <= 0) {
                continue; // published as 0: no data for that month
            }
            BigDecimal[] s = sums.computeIfAbsent(month.getYear(),
                    y -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[slot] = s[slot].add(value);
            s[slot + 1] = s[slot + 1].add(BigDecimal.ONE);
            months.computeIfAbsent(YearMonth.from(month), m -> new BigDecimal[2])[slot / 2] = value;
        }
    }

    /** The month's INPC (GENERAL), or empty when it is not published. */
    public Optional<BigDecimal> inpc(YearMonth month) {
        BigDecimal[] m = months.get(month);
        return Optional.ofNullable(m == null ? null : m[0]);
    }

    /** The month's mean FIX rate (pesos per dollar), or empty when it is not published (or published as 0). */
    public Optional<BigDecimal> fix(YearMonth month) {
        BigDecimal[] m = months.get(month);
        return Optional.ofNullable(m == null ? null : m[1]);
    }

    public Optional<YearReference> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Every year with at least one month of either series, in order. */
    public List<YearReference> years() {
        return new ArrayList<>(years.values());
    }

    private static Reader resource(String name) {
        InputStream in = MoneyReference.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is missing from the transform module");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
