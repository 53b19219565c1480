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

    /**
     * A clock ahead by a shift as saved with {@code shift().toString()} (the window keeps it in its settings under
     * {@code offline.shift}); a missing, unreadable or negative text gives real time.
     */
    public static ShiftedClock restored(Clock base, String saved) {
        Duration shift = Duration.ZERO;
        try {
            shift = saved == null || saved.isBlank() ? Duration.ZERO : Duration.parse(saved.strip());
        } catch (java.time.format.DateTimeParseException unreadable) {
            shift = Duration.ZERO;
        }
        return new ShiftedClock(base, shift.isNegative() ? Duration.ZERO : shift);
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

    /** Moves the clock on by d (not back: a negative d is refused). */
    public void skip(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock cannot be skipped back: " + d);
        }
        shift.updateAndGet(s -> s.plus(d));
    }

    /**
     * Back to real time; returns how far ahead it ran. What happened ahead stays as it happened (a session that ran
     * to its end stays ended); only what falls due from now on is applied again as real time reaches it.
     */
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
