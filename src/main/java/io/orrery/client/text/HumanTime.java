package io.orrery.client.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times as people read them, for the window and the command line alike: durations as "3 h 20 min" or "60 d" (never
 * PT3H20M36S), instants to the second in UTC ("2026-12-01 14:02:10 UTC"), or in a chosen zone with its name. Pure
 * and immutable: one instance per zone.
 */
public final class HumanTime {
    /** Instants in UTC. */
    public static final HumanTime UTC = new HumanTime(ZoneOffset.UTC);

    private static final Pattern ISO_INSTANT =
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z");
    private static final Pattern ISO_DURATION =
            Pattern.compile("-?\\bP(?=\\d|T\\d)(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?\\b");

    private final ZoneId zone;
    private final DateTimeFormatter full;
    private final DateTimeFormatter clock;
    private final DateTimeFormatter shortDate;

    private HumanTime(ZoneId zone) {
        this.zone = zone;
        this.full = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(zone);
        this.shortDate = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    /** Instants shown in this zone (UTC when null or blank). */
    public static HumanTime in(ZoneId zone) {
        return zone == null || zone.normalized().equals(ZoneOffset.UTC) ? UTC : new HumanTime(zone);
    }

    /**
     * The zone a setting names ("UTC", "Europe/Madrid", "+02:00", "local" for this machine's); UTC when blank or
     * unknown, so a bad setting never breaks a view.
     */
    public static HumanTime named(String setting) {
        if (setting == null || setting.isBlank()) {
            return UTC;
        }
        if (setting.strip().equalsIgnoreCase("local")) {
            return in(ZoneId.systemDefault());
        }
        try {
            return in(ZoneId.of(setting.strip()));
        } catch (java.time.DateTimeException e) {
            return UTC;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** The zone's short name as shown after times: "UTC", "Europe/Madrid", "+02:00". */
    public String zoneName() {
        return this == UTC ? "UTC" : zone.getId();
    }

    /** "2026-12-01 14:02:10 UTC"; a dash for none. */
    public String instant(Instant t) {
        return t == null ? "-" : full.format(t) + " " + zoneName();
    }

    /** "14:02:10 UTC": the time of day, to the second, with the zone. */
    public String timeOfDay(Instant t) {
        return t == null ? "-" : clock.format(t) + " " + zoneName();
    }

    /** "12-01 14:02:10": a compact date and time for table cells whose header names the zone. */
    public String compact(Instant t) {
        return t == null ? "-" : shortDate.format(t);
    }

    /**
     * A duration in at most two units, rounded down: "3 h 20 min", "45 s", "2 d 4 h", "60 d", "0 s"; a negative
     * one as "-5 min"; a dash for none.
     */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long s = d.getSeconds();
        long[] amounts = {s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60};
        String[] units = {"d", "h", "min", "s"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < amounts.length && parts.size() < 2; i++) {
            if (amounts[i] > 0) {
                parts.add(amounts[i] + " " + units[i]);
            } else if (!parts.isEmpty()) {
                break; // "2 d 0 h 5 min" reads better as "2 d"
            }
        }
        if (parts.isEmpty()) {
            return d.isZero() ? "0 s" : "under 1 s";
        }
        return String.join(" ", parts);
    }

    /** "in 3 h 20 min" or "3 h 20 min ago" from now to t. */
    public static String relative(Instant now, Instant t) {
        Duration d = Duration.between(now, t);
        return d.isNegative() ? duration(d.negated()) + " ago" : "in " + duration(d);
    }

    /**
     * A broker's or a check's text with its ISO-8601 instants and durations in these human forms: "earliest start
     * 2027-03-01T13:00:00Z" reads "earliest start 2027-03-01 13:00:00 UTC", "needs PT1H32M38S" reads "needs 1 h 32 min".
     */
    public String humanize(String text) {
        if (text == null) {
            return null;
        }
        String out = replace(ISO_INSTANT, text, m -> {
            try {
                return instant(Instant.parse(m));
            } catch (java.time.format.DateTimeParseException e) {
                return m;
            }
        });
        return replace(ISO_DURATION, out, m -> {
            try {
                return duration(Duration.parse(m));
            } catch (java.time.format.DateTimeParseException e) {
                return m;
            }
        });
    }

    private static String replace(Pattern p, String text, java.util.function.UnaryOperator<String> f) {
        Matcher m = p.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A clock-style countdown of the time left: "1:05", "2:00:00", "3 d 4 h" past a day (never below zero). */
    public static String countdown(Duration left) {
        long s = Math.max(0, left.getSeconds());
        if (s >= 86_400) {
            return duration(Duration.ofSeconds(s));
        }
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
