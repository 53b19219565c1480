package io.orrery.workbench.timeline;

import io.orrery.client.ShiftedClock;
import io.orrery.client.text.HumanTime;
import java.util.List;

/** The line for the built-in brokers' now on a timeline, when their offline clock runs ahead of real time. */
public final class ClockMarkers {
    private ClockMarkers() {}

    /** One marker at the offline clock's now while it runs ahead; none while it keeps real time. */
    public static List<Marker> ahead(ShiftedClock offline) {
        return offline.shift().isZero() ? List.of()
                : List.of(new Marker(offline.instant(), "built-in brokers' now (simulated +"
                        + HumanTime.duration(offline.shift()) + ")"));
    }
}
