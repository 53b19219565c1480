package io.orrery.workbench.timeline;

import io.orrery.client.text.HumanTime;
import java.time.Duration;
import java.time.Instant;

/**
 * How a bar stands as drawn: whether it is expired (drawn grey) and the note beside it ("expires in 4:59",
 * "expired"). A chart asks its owner for it, so a bar shows the same state as the owner's table.
 */
public record BarStatus(boolean expired, String note) {
    /** Judged by the bar's own expiry against the chart's now (for bars no model judges, such as sessions). */
    public static BarStatus byClock(Bar b, Instant now) {
        if (b.expires() == null) {
            return new BarStatus(false, "");
        }
        boolean expired = !now.isBefore(b.expires());
        return new BarStatus(expired, expired ? "expired"
                : "expires in " + HumanTime.countdown(Duration.between(now, b.expires())));
    }
}
