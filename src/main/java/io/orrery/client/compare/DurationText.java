package io.orrery.client.compare;

import java.time.Duration;
import io.orrery.client.text.HumanTime;
import java.util.Locale;

/** Durations as the table, the timeline and the command line show them. */
public final class DurationText {
    private DurationText() {}

    /** A clock-style countdown of the time left: 1:05, 2:00:00 (never below zero); see {@link HumanTime#countdown}. */
    public static String countdown(Duration left) {
        return HumanTime.countdown(left);
    }

    /** Hours and minutes, for waits: 0h05m, 26h30m. */
    public static String hoursMinutes(Duration d) {
        return d.toHours() + "h" + String.format(Locale.ROOT, "%02d", d.toMinutesPart()) + "m";
    }
}
