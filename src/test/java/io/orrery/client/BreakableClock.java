package io.orrery.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time until {@link #breakWith} is called; from then on every reading throws that exception. */
public final class BreakableClock extends Clock {
    private volatile RuntimeException broken;

    /** From now on, reading the time throws e (as a broker core whose clock or store broke would). */
    public void breakWith(RuntimeException e) {
        broken = e;
    }

    @Override
    public Instant instant() {
        RuntimeException e = broken;
        if (e != null) {
            throw e;
        }
        return Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
