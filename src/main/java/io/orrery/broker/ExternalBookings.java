package io.orrery.broker;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.calendar.Shape;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The platform's other work as booked in the calendar, replaced by each fresh snapshot. Used under the core's lock. */
final class ExternalBookings {
    private final ReservationCalendar calendar;
    private final Dimensions dims;
    /** The bookings of the last snapshot. */
    private final Set<String> ids = new HashSet<>();

    ExternalBookings(ReservationCalendar calendar, Dimensions dims) {
        this.calendar = calendar;
        this.dims = dims;
    }

    /**
     * Replaces the external load in the calendar with a fresh snapshot: what fits is booked, from now on (work that
     * no longer fits beside this broker's own offers and sessions is the platform's to sort out: its holds guard it).
     */
    void refresh(List<ExternalLoad.Booking> snapshot, Instant now) {
        ids.forEach(calendar::release);
        ids.clear();
        for (ExternalLoad.Booking b : snapshot) {
            long start = (b.start().isBefore(now) ? now : b.start()).getEpochSecond();
            long end = b.end().getEpochSecond() + (b.end().getNano() > 0 ? 1 : 0); // whole seconds, never shorter
            long seconds = end - start;
            String id = "external:" + b.id();
            if (seconds <= 0 || ids.contains(id)) {
                continue;
            }
            long[] cap = calendar.capacity();
            long[] amounts = dims.vector(Math.min(b.cores(), cap[Dimensions.CORES]),
                    Math.min(b.memoryGiB(), cap[Dimensions.MEMORY]), 0);
            Shape shape = Shape.flat(seconds, amounts);
            if (calendar.fits(start, shape)) {
                calendar.book(id, start, shape);
                ids.add(id);
            }
        }
    }
}
