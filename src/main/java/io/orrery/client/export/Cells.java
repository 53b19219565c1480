package io.orrery.client.export;

import java.math.BigDecimal;

/** A value of a column as text, the same in every format: numbers without exponents, instants in ISO-8601 UTC. */
final class Cells {
    private Cells() {}

    /** The text of a value, or null for none. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
