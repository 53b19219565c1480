package io.orrery.client.export;

import java.util.function.Function;

/**
 * One column of the exported table: its name (the same in every format), the type of its values, the unit (VOUnit
 * syntax, null for none), the UCD (IVOA UCD1+, null where none fits) and a description. Its value per row is null
 * when the broker gave none.
 */
public record Column(String name, Type type, String unit, String ucd, String description,
                     Function<ExportRow, Object> value) {
    /** The kinds of value, and how the writers spell them. */
    public enum Type {
        /** Text. */
        TEXT,
        /** A whole number (Long). */
        INTEGER,
        /** A real number (Double, never NaN: NaN is null). */
        REAL,
        /** True or false. */
        BOOLEAN,
        /** An instant to the second, written as ISO-8601 UTC text (2026-12-01T13:19:00Z). */
        INSTANT,
        /** A duration, written as whole seconds (Long). */
        SECONDS
    }

    /** The value of this column in the row, as its type says: String, Long, Double, Boolean, Instant; or null. */
    public Object of(ExportRow row) {
        Object v = value.apply(row);
        if (v instanceof Double d && d.isNaN()) {
            return null;
        }
        if (v instanceof java.time.Duration d) {
            return d.toSeconds();
        }
        if (v instanceof java.time.Instant t) {
            return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
        return v;
    }
}
