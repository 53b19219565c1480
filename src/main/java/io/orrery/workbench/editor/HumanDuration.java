package io.orrery.workbench.editor;

import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them ({@code 3h}, {@code 90m}, {@code 1d 2h}, {@code 1h30m}, {@code 2 h 30 min},
 * {@code 1.5h}) written the way the wire format wants them ({@code PT3H}, {@code PT1H30M}, {@code P1DT2H}). An ISO
 * text is taken as typed once it reads; anything else gets a message that says how to write it.
 */
public final class HumanDuration {
    private static final Pattern PART = Pattern.compile(
            "\\s*(\\d+(?:[.,]\\d+)?)\\s*(w|weeks?|d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)(?![a-z])\\s*(?:,|and)?",
            Pattern.CASE_INSENSITIVE);
    private static final String HOW = "write it as 3h, 90m, 1d 2h, 1h30m or PT3H";

    private HumanDuration() {}

    /** The ISO-8601 text for a duration typed either way; throws {@link IllegalArgumentException} saying why not. */
    public static String iso(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the duration is empty: " + HOW);
        }
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            String upper = t.toUpperCase(Locale.ROOT);
            try {
                Times.duration(upper);
                return upper;
            } catch (TimeFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        if (t.matches("\\d+([.,]\\d+)?")) {
            throw new IllegalArgumentException("'" + t + "' has no unit: say 3h for hours, 3m for minutes, 3d for days");
        }
        Matcher m = PART.matcher(t);
        BigDecimal seconds = BigDecimal.ZERO;
        int at = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            seconds = seconds.add(new BigDecimal(m.group(1).replace(',', '.')).multiply(unit(m.group(2))));
            at = m.end();
        }
        if (at < t.length() || at == 0) {
            throw new IllegalArgumentException("'" + t + "' is not a duration: " + HOW);
        }
        long whole = seconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
        String iso = format(whole);
        try {
            Times.duration(iso);
        } catch (TimeFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return iso;
    }

    /**
     * A start window typed with a human duration on either side ({@code 2027-03-01T09:00:00Z/3h}) in ISO-8601;
     * throws {@link IllegalArgumentException} with the reason when the window does not read.
     */
    public static String interval(String text) {
        String t = text == null ? "" : text.strip();
        String[] parts = t.split("/", -1);
        if (parts.length == 2) {
            t = side(parts[0]) + "/" + side(parts[1]);
        }
        try {
            Times.interval(t);
        } catch (TimeFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return t;
    }

    /** One side of an interval: an instant as it is, a duration in ISO-8601. */
    private static String side(String s) {
        String x = s.strip();
        return x.isEmpty() || Character.isDigit(x.charAt(0)) && x.matches("\\d{4}-.*") ? x : iso(x);
    }

    /** A duration as a person types it: {@code 3h}, {@code 1d 2h}, {@code 1h 30m}, {@code 45s}. */
    public static String typed(java.time.Duration d) {
        long all = d.getSeconds();
        StringBuilder b = new StringBuilder();
        long[] amounts = {all / 86_400, all % 86_400 / 3600, all % 3600 / 60, all % 60};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > 0) {
                b.append(b.isEmpty() ? "" : " ").append(amounts[i]).append(units[i]);
            }
        }
        return b.isEmpty() ? "0s" : b.toString();
    }

    /** Whole seconds as ISO-8601: days before the T, then hours, minutes and seconds ({@code PT0S} for none). */
    static String format(long seconds) {
        long days = seconds / 86_400;
        long rest = seconds % 86_400;
        StringBuilder b = new StringBuilder("P");
        if (days > 0) {
            b.append(days).append('D');
        }
        if (rest > 0 || days == 0) {
            b.append('T');
            long h = rest / 3600;
            long m = rest % 3600 / 60;
            long s = rest % 60;
            if (h > 0) {
                b.append(h).append('H');
            }
            if (m > 0) {
                b.append(m).append('M');
            }
            if (s > 0 || rest == 0) {
                b.append(s).append('S');
            }
        }
        return b.toString();
    }

    private static BigDecimal unit(String word) {
        return BigDecimal.valueOf(switch (Character.toLowerCase(word.charAt(0))) {
            case 'w' -> 7 * 86_400;
            case 'd' -> 86_400;
            case 'h' -> 3600;
            case 'm' -> 60;
            default -> 1;
        });
    }
}
