package io.orrery.model.check;

import io.orrery.model.RequestedSchedule;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The requested start window and duration: readable, not reversed, positive. */
final class ScheduleChecks {
    private static final Duration LONGEST = Duration.ofDays(366);

    private ScheduleChecks() {}

    static void requested(RequestedSchedule schedule, List<Finding> out) {
        if (schedule == null || schedule.requested() == null) {
            return;
        }
        RequestedSchedule.Requested r = schedule.requested();
        String p = "/schedule/requested";
        if (r.start() != null) {
            try {
                Times.interval(r.start());
            } catch (TimeFormatException e) {
                out.add(Finding.error(p + "/start", "start window: " + e.getMessage()));
            }
        }
        Duration min = duration(r.duration(), p + "/duration", out);
        JsonNode maxNode = r.extras().get("maxDuration");
        if (maxNode != null && maxNode.isString()) {
            Duration max = duration(maxNode.asString(), p + "/maxDuration", out);
            if (min != null && max != null && min.compareTo(max) > 0) {
                out.add(Finding.error(p + "/duration", "the least duration " + min + " is longer than the most, " + max));
            }
        }
    }

    private static Duration duration(String text, String pointer, List<Finding> out) {
        if (text == null) {
            return null;
        }
        try {
            Duration d = Times.duration(text);
            if (d.isNegative() || d.isZero()) {
                out.add(Finding.error(pointer, "the duration must be positive, not " + text));
                return null;
            }
            if (d.compareTo(LONGEST) > 0) {
                out.add(Finding.error(pointer, "a duration of " + text + " is over a year: no broker books that far"));
            }
            return d;
        } catch (TimeFormatException e) {
            out.add(Finding.error(pointer, "duration: " + e.getMessage()));
            return null;
        }
    }
}
