package org.oriundos.transform.money;

import java.math.BigDecimal;
import java.util.Map;
import org.oriundos.transform.text.Folding;

/**
 * The units Banco de México gives its dollar series in ({@code Unidad} of an SIE export), and how
 * many dollars one of each is: {@code Millones de Dólares} 1,000,000, {@code Miles de Dólares} 1,000,
 * {@code Dólares} 1. Compared ignoring case, accents and blanks. Any other unit (a count of
 * remittances, a percentage) is no amount of dollars: {@link #dollarsPerUnit} says so with null.
 */
public final class DollarUnits {
    private static final Map<String, BigDecimal> UNITS = Map.of(
            "MILLONES DE DOLARES", BigDecimal.valueOf(1_000_000),
            "MILES DE DOLARES", BigDecimal.valueOf(1_000),
            "DOLARES", BigDecimal.ONE);

    /** The units taken, as Banco de México writes them, for messages. */
    public static final String TAKEN = "Millones de Dólares, Miles de Dólares, Dólares";

    private DollarUnits() {
    }

    /** Dollars per unit, or null when {@code unit} is not an amount of dollars. */
    public static BigDecimal dollarsPerUnit(String unit) {
        return unit == null ? null : UNITS.get(Folding.fold(unit));
    }
}
