package io.orrery.workbench.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The ticks of the time scale: a step that keeps labels at least a given number of pixels apart, in UTC. */
final class TimeTicks {
    private static final Duration[] STEPS = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
        Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(365)};
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    /** A tick: where, and its label. */
    record Tick(Instant at, String label) {
    }

    private TimeTicks() {}

    static Duration step(TimeAxis axis, double minPixels) {
        for (Duration s : STEPS) {
            if (s.toMillis() / (double) axis.span().toMillis() * axis.width() >= minPixels) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    static List<Tick> ticks(TimeAxis axis, double minPixels) {
        return ticks(axis, minPixels, ZoneOffset.UTC);
    }

    /** The ticks on whole steps of the zone's local time (a day starts at its midnight), labelled in that zone. */
    static List<Tick> ticks(TimeAxis axis, double minPixels, ZoneId zone) {
        Duration step = step(axis, minPixels);
        long ms = step.toMillis();
        long offset = zone.getRules().getOffset(axis.start()).getTotalSeconds() * 1000L;
        long first = Math.floorDiv(axis.start().toEpochMilli() + offset, ms) * ms + ms - offset;
        DateTimeFormatter f = (step.compareTo(Duration.ofDays(1)) >= 0 ? DATES
                : step.compareTo(Duration.ofHours(3)) >= 0 ? DAYS : HOURS);
        List<Tick> out = new ArrayList<>();
        for (long t = first; t <= axis.end().toEpochMilli() && out.size() < 200; t += ms) {
            Instant at = Instant.ofEpochMilli(t);
            boolean midnight = (t + offset) % Duration.ofDays(1).toMillis() == 0;
            String label = (f == HOURS && midnight ? DAYS : f).withZone(zone).format(at);
            out.add(new Tick(at, label));
        }
        return out;
    }
}
