package io.orrery.workbench.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The ticks of the time scale: a step that keeps labels at least a given number of pixels apart, in UTC. */
final class TimeTicks {
    private static final Duration[] STEPS = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12),
        Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(365)};
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

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
        Duration step = step(axis, minPixels);
        long ms = step.toMillis();
        long first = Math.floorDiv(axis.start().toEpochMilli(), ms) * ms + ms;
        DateTimeFormatter f = step.compareTo(Duration.ofDays(1)) >= 0 ? DATES
                : step.compareTo(Duration.ofHours(3)) >= 0 ? DAYS : HOURS;
        List<Tick> out = new ArrayList<>();
        for (long t = first; t <= axis.end().toEpochMilli() && out.size() < 200; t += ms) {
            Instant at = Instant.ofEpochMilli(t);
            String label = f == HOURS && t % Duration.ofDays(1).toMillis() == 0 ? DAYS.format(at) : f.format(at);
            out.add(new Tick(at, label));
        }
        return out;
    }
}
