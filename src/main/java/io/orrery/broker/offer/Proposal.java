package io.orrery.broker.offer;

import io.orrery.broker.calendar.Shape;
import java.time.Duration;
import java.time.Instant;

/** One offered slot, already booked in the calendar under {@code id}: when, how long, how big, at what cost. */
public record Proposal(String id, String label, Instant start, Duration duration, Duration lead, Duration release,
                       long cores, long memory, long storage, String gpuModel, long gpus, Shape shape,
                       Pricing.Cost least, Pricing.Cost most) {

    public Instant preparingStart() {
        return start.minus(lead);
    }

    public Instant end() {
        return start.plus(duration);
    }

    public Instant releaseEnd() {
        return end().plus(release);
    }
}
