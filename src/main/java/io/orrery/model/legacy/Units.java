package io.orrery.model.legacy;

import io.orrery.model.check.QuantityChecks;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The sizes and durations older bodies write: memory as {@code 8G}, {@code 512M}, {@code 2Gi}, {@code 1TB} or a bare
 * number in a given unit; durations as {@code 10m}, {@code 2h}, {@code 1d}, {@code 90s}, ISO-8601 ({@code PT10M}) or a
 * bare number in a given unit.
 */
public final class Units {
    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([kmgtp]?)(i?)(b?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPAN = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

    private Units() {}

    /** Bytes in one unit of a size suffix (K, M, G, T, P; binary multiples, as the 2021 examples meant GiB by G). */
    public static BigDecimal bytes(String suffix) {
        int power = "KMGTP".indexOf(suffix.toUpperCase(Locale.ROOT)) + 1;
        return BigDecimal.valueOf(1024).pow(power);
    }

    /**
     * A size in whole GiB: a number is read in {@code bareUnit} (K, M, G or T); a text may carry its own suffix.
     * Rounded up when {@code roundUp} (a least amount), down otherwise (a most amount).
     */
    public static long gib(JsonNode value, String bareUnit, boolean roundUp, String field) {
        BigDecimal bytes;
        if (value.isNumber()) {
            bytes = decimal(value, field).multiply(bytes(bareUnit));
        } else if (value.isString()) {
            Matcher m = SIZE.matcher(value.asString().trim());
            if (!m.matches()) {
                throw new LegacyBodyException(field, field + ": '" + value.asString() + "' is not a size such as 8G,"
                        + " 512M or 2T");
            }
            String unit = m.group(2).isEmpty() && m.group(4).isEmpty() ? bareUnit : m.group(2);
            bytes = sane(new BigDecimal(m.group(1)), field).multiply(bytes(unit));
        } else {
            throw new LegacyBodyException(field, field + " should be a size such as 8G, not " + value.getNodeType());
        }
        BigDecimal g = bytes.divide(GIB, 0, roundUp ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return bounded(g, QuantityChecks.MOST_GIB, field);
    }

    /** A count (cores, GPUs): a whole non-negative number, also written as text. */
    public static long count(JsonNode value, String field) {
        BigDecimal d = value.isString() ? parse(value.asString().trim(), field) : decimal(value, field);
        return bounded(d.setScale(0, RoundingMode.CEILING), QuantityChecks.MOST_UNITS, field);
    }

    /** A duration: ISO-8601, or a number with a unit s, m, h, d, w (a bare number is in {@code bareUnit}). */
    public static Duration duration(JsonNode value, String bareUnit, String field) {
        if (value.isNumber()) {
            return span(decimal(value, field), bareUnit, field);
        }
        if (!value.isString()) {
            throw new LegacyBodyException(field, field + " should be a duration such as 10m, 2h or PT2H, not "
                    + value.getNodeType());
        }
        String t = value.asString().trim();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                Duration d = Times.duration(t.toUpperCase(Locale.ROOT));
                if (d.isNegative()) {
                    throw new LegacyBodyException(field, field + " is negative");
                }
                return d;
            } catch (TimeFormatException e) {
                throw new LegacyBodyException(field, field + ": " + e.getMessage());
            }
        }
        Matcher m = SPAN.matcher(t);
        if (!m.matches()) {
            throw new LegacyBodyException(field, field + ": '" + t + "' is not a duration such as 10m, 2h, 1d or PT2H");
        }
        return span(sane(new BigDecimal(m.group(1)), field), m.group(2).isEmpty() ? bareUnit : m.group(2), field);
    }

    private static Duration span(BigDecimal amount, String unit, String field) {
        long seconds = switch (unit.toLowerCase(Locale.ROOT)) {
            case "s", "sec", "secs", "second", "seconds" -> 1;
            case "m", "min", "mins", "minute", "minutes" -> 60;
            case "h", "hr", "hrs", "hour", "hours" -> 3600;
            case "d", "day", "days" -> 86_400;
            case "w", "week", "weeks" -> 604_800;
            default -> throw new LegacyBodyException(field, field + ": unknown time unit '" + unit + "' (use s, m, h,"
                    + " d or w)");
        };
        BigDecimal s = amount.multiply(BigDecimal.valueOf(seconds)).setScale(0, RoundingMode.CEILING);
        return Duration.ofSeconds(bounded(s, Times.LONGEST.toSeconds(), field));
    }

    private static BigDecimal decimal(JsonNode value, String field) {
        if (!value.isNumber()) {
            throw new LegacyBodyException(field, field + " should be a number, not " + value.getNodeType());
        }
        return sane(value.decimalValue(), field);
    }

    /** Refuses numbers too large to be any quantity before arithmetic makes them larger (1e999999999). */
    private static BigDecimal sane(BigDecimal d, String field) {
        if (d.precision() - d.scale() > 24) {
            throw new LegacyBodyException(field, field + " is more than any broker can read");
        }
        return d;
    }

    private static BigDecimal parse(String text, String field) {
        try {
            return sane(new BigDecimal(text), field);
        } catch (NumberFormatException e) {
            throw new LegacyBodyException(field, field + ": '" + text + "' is not a number");
        }
    }

    private static long bounded(BigDecimal d, long most, String field) {
        if (d.signum() < 0) {
            throw new LegacyBodyException(field, field + " is negative");
        }
        if (d.compareTo(BigDecimal.valueOf(most)) > 0) {
            throw new LegacyBodyException(field, field + " is more than any broker can read (" + most + ")");
        }
        return d.longValueExact();
    }
}
