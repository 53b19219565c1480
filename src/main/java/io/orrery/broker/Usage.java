package io.orrery.broker;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** The calendar in numbers: capacity, live bookings, the most in use from now on, and whether any step overbooks. */
public record Usage(List<String> dimensions, long[] capacity, int bookings, long[] peak, boolean overbooked) {
    /** Reads a calendar (under the core's lock). */
    static Usage of(ReservationCalendar calendar, Dimensions dims, Instant now) {
        long[] cap = calendar.capacity();
        long[] peak = new long[cap.length];
        boolean over = false;
        NavigableMap<Long, long[]> profile = calendar.profile();
        long t = now.getEpochSecond();
        for (Map.Entry<Long, long[]> step : profile.entrySet()) {
            Long next = profile.higherKey(step.getKey());
            boolean future = next == null || next > t;
            for (int i = 0; i < cap.length; i++) {
                long used = step.getValue()[i];
                over |= used > cap[i] || used < 0;
                if (future) {
                    peak[i] = Math.max(peak[i], used);
                }
            }
        }
        return new Usage(dims.names(), cap, calendar.size(), peak, over);
    }
}
