package io.orrery.model.time;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.threeten.extra.Interval;
import org.threeten.extra.PeriodDuration;

/**
 * Parses the ISO-8601 texts of the wire format: instants, durations and intervals (start/end, start/duration,
 * duration/end; a bare instant means "start at exactly this time"). The mistakes seen in real documents, such as
 * {@code P1H} or a date without a time, get a message that says how to write the value instead.
 */
public final class Times {
    /** The longest duration read: a century, far past any broker's horizon, and safe to add to any instant read. */
    public static final Duration LONGEST = Duration.ofDays(36_525);
    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern HOURS_WITHOUT_T = Pattern.compile("-?P(\\d+D)?\\d+[HS]|-?P(\\d+D)?\\d+H\\d*M?.*");

    private Times() {}

    /** An instant with a zone or offset: {@code 2026-09-01T09:00:00Z} or {@code 2026-09-01T10:00:00+01:00}. */
    public static Instant instant(String text) {
        String t = require(text, "instant").trim();
        Instant at;
        try {
            at = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            throw new TimeFormatException(explainInstant(t));
        }
        if (at.isBefore(FIRST) || at.isAfter(LAST)) {
            throw new TimeFormatException("'" + t + "' is outside the years 1 to 9999");
        }
        return at;
    }

    private static String explainInstant(String t) {
        if (DATE_ONLY.matcher(t).matches()) {
            return "'" + t + "' is a date without a time: write " + t + "T00:00:00Z (or the time you mean)";
        }
        try {
            LocalDateTime.parse(t);
            return "'" + t + "' has no time zone: add Z for UTC or an offset such as +01:00";
        } catch (DateTimeParseException ignored) {
            return "'" + t + "' is not an ISO-8601 instant such as 2026-09-01T09:00:00Z";
        }
    }

    /** A fixed-length duration: {@code PT90M}, {@code PT2H}, {@code P1DT2H}, {@code P1W}. */
    public static Duration duration(String text) {
        String t = require(text, "duration").trim();
        PeriodDuration pd;
        try {
            pd = PeriodDuration.parse(t);
        } catch (ArithmeticException | DateTimeException e) {
            if (e instanceof ArithmeticException || e.getCause() instanceof ArithmeticException) {
                throw new TimeFormatException("'" + t + "' is longer than any duration a broker can book (the most"
                        + " read is " + LONGEST.toDays() + " days)");
            }
            if (HOURS_WITHOUT_T.matcher(t).matches()) {
                throw new TimeFormatException("'" + t + "' is not ISO-8601: hours, minutes and seconds go after a T,"
                        + " so write " + t.replaceFirst("P", "PT").replaceFirst("PT(\\d+D)", "P$1T"));
            }
            throw new TimeFormatException("'" + t + "' is not an ISO-8601 duration such as PT90M, PT2H or P1DT12H");
        }
        if (pd.getPeriod().getYears() != 0 || pd.getPeriod().getMonths() != 0) {
            throw new TimeFormatException("'" + t + "' uses months or years, which have no fixed length: use days,"
                    + " for example P30D");
        }
        Duration d;
        try {
            d = Duration.ofDays(pd.getPeriod().getDays()).plus(pd.getDuration());
        } catch (ArithmeticException e) {
            d = null;
        }
        if (d == null || d.abs().compareTo(LONGEST) > 0) {
            throw new TimeFormatException("'" + t + "' is longer than any duration a broker can book (the most read is "
                    + LONGEST.toDays() + " days)");
        }
        return d;
    }

    /**
     * A start window: {@code start/end}, {@code start/duration}, {@code duration/end}, or a bare instant (a window of
     * no length: start exactly then).
     */
    public static Interval interval(String text) {
        String t = require(text, "interval").trim();
        if (!t.contains("/")) {
            Instant at = instant(t);
            return Interval.of(at, at);
        }
        String[] parts = t.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new TimeFormatException("'" + t + "' is not an interval: write start/end, start/duration or duration/end");
        }
        boolean startIsDuration = parts[0].startsWith("P") || parts[0].startsWith("-P");
        boolean endIsDuration = parts[1].startsWith("P") || parts[1].startsWith("-P");
        if (startIsDuration && endIsDuration) {
            throw new TimeFormatException("'" + t + "' has two durations: one side of the interval must be an instant");
        }
        Instant start = startIsDuration ? null : instant(parts[0]);
        Instant end = endIsDuration ? null : instant(parts[1]);
        Duration length = startIsDuration ? duration(parts[0]) : endIsDuration ? duration(parts[1]) : null;
        if (length != null && length.isNegative()) {
            throw new TimeFormatException("'" + t + "' has a negative duration");
        }
        Instant s = start != null ? start : end.minus(length);
        Instant e = end != null ? end : start.plus(length);
        if (s.isBefore(FIRST) || e.isAfter(LAST)) {
            throw new TimeFormatException("the window '" + t + "' reaches outside the years 1 to 9999");
        }
        if (e.isBefore(s)) {
            throw new TimeFormatException("the window '" + t + "' ends (" + e + ") before it starts (" + s + ")");
        }
        try {
            return Interval.of(s, e);
        } catch (DateTimeException ex) {
            throw new TimeFormatException("'" + t + "': " + ex.getMessage());
        }
    }

    /** The start of an interval-or-instant text, as brokers write {@code available.start} ({@code <instant>/PT0S}). */
    public static Instant startOf(String text) {
        return interval(text).getStart();
    }

    private static String require(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new TimeFormatException("the " + what + " is empty");
        }
        return text;
    }
}
