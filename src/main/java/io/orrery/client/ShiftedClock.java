package io.orrery.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time plus a shift: offline brokers run on it, so a user can skip ahead to watch a plan play out (the next
 * phase change, the end of a session) without waiting. Skips only move it on; {@link #reset} brings it back to real
 * time. Thread-safe.
 */
public final class ShiftedClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> shift;

    public ShiftedClock(Clock base, Duration shift) {
        if (shift.isNegative()) {
            throw new IllegalArgumentException("a clock cannot be shifted back: " + shift);
        }
        this.base = base;
        this.shift = new AtomicReference<>(shift);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(shift.get());
    }

    /** How far ahead of the real time this clock runs. */
    public Duration shift() {
        return shift.get();
    }

    /** Moves the clock on to the given instant (nothing happens if it is already past it). */
    public void skipTo(Instant to) {
        shift.updateAndGet(s -> {
            Duration needed = Duration.between(base.instant(), to);
            return needed.compareTo(s) > 0 ? needed : s;
        });
    }

    /** Back to real time (no shift); returns how far ahead it ran. */
    public Duration reset() {
        return shift.getAndSet(Duration.ZERO);
    }

    /** Whether it runs on real time (no shift). */
    public boolean real() {
        return shift.get().isZero();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a shifted clock is always UTC");
    }
}
