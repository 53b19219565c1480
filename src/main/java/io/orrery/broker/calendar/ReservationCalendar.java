package io.orrery.broker.calendar;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Capacity in every dimension over time, as a step function: each key (epoch second) holds the amounts in use from
 * then until the next key. Booking and releasing touch only the steps inside the booking; the earliest-fit query
 * starts with one O(log n) lookup and then walks forward over the k steps it has to look at, jumping past each
 * step that is too full, so it costs O(log n + k), never a scan of all n bookings. It refuses any booking that
 * would overbook a dimension at any instant.
 *
 * <p>Not thread-safe: the broker core guards it with its own lock, so that a query and the booking it leads to are
 * one atomic step.
 */
public final class ReservationCalendar {
    private final long[] capacity;
    private final TreeMap<Long, long[]> usage = new TreeMap<>();
    private final Map<String, Booked> bookings = new HashMap<>();

    private record Booked(long start, Shape shape) {
    }

    public ReservationCalendar(long[] capacity) {
        this.capacity = capacity.clone();
        usage.put(Long.MIN_VALUE, new long[capacity.length]);
    }

    public long[] capacity() {
        return capacity.clone();
    }

    /** The number of live bookings. */
    public int size() {
        return bookings.size();
    }

    /** The number of steps in the usage function (for benchmarks). */
    public int steps() {
        return usage.size();
    }

    public boolean contains(String id) {
        return bookings.containsKey(id);
    }

    /**
     * The earliest start s, a multiple of grain, with from ≤ s ≤ latest, at which the whole shape fits.
     */
    public OptionalLong earliest(long from, long latest, Shape shape, long grain) {
        long s = align(from, grain);
        while (s <= latest) {
            long next = s;
            for (Shape.Segment seg : shape.segments()) {
                if (seg.from() == seg.to()) {
                    continue;
                }
                Long bad = firstViolation(s + seg.from(), s + seg.to(), seg.amounts());
                if (bad != null) {
                    Long free = usage.higherKey(bad);
                    if (free == null) {
                        return OptionalLong.empty();
                    }
                    next = align(free - seg.from(), grain);
                    break;
                }
            }
            if (next == s) {
                return OptionalLong.of(s);
            }
            s = next;
        }
        return OptionalLong.empty();
    }

    /** Whether the shape fits at start. */
    public boolean fits(long start, Shape shape) {
        for (Shape.Segment seg : shape.segments()) {
            if (seg.from() < seg.to() && firstViolation(start + seg.from(), start + seg.to(), seg.amounts()) != null) {
                return false;
            }
        }
        return true;
    }

    /** Books the shape at start under id; throws {@link IllegalStateException} if it does not fit (or id is taken). */
    public void book(String id, long start, Shape shape) {
        if (bookings.containsKey(id)) {
            throw new IllegalStateException("booking " + id + " exists already");
        }
        checkShape(id, start, shape);
        if (!fits(start, shape)) {
            throw new IllegalStateException("booking " + id + " does not fit at " + start);
        }
        for (Shape.Segment seg : shape.segments()) {
            add(start + seg.from(), start + seg.to(), seg.amounts(), 1);
        }
        bookings.put(id, new Booked(start, shape));
    }

    /**
     * A booking holds amounts, never gives them back: each amount is from 0 to the capacity, and each segment lies
     * after its start on the time line without wrapping. Whatever path leads here, a negative or overflowing booking
     * (which would free capacity for others to take) is refused.
     */
    private void checkShape(String id, long start, Shape shape) {
        for (Shape.Segment seg : shape.segments()) {
            if (seg.amounts().length != capacity.length) {
                throw new IllegalArgumentException("booking " + id + " has " + seg.amounts().length
                        + " dimensions, the calendar " + capacity.length);
            }
            for (int i = 0; i < capacity.length; i++) {
                if (seg.amounts()[i] < 0 || seg.amounts()[i] > capacity[i]) {
                    throw new IllegalArgumentException("booking " + id + " holds " + seg.amounts()[i]
                            + " of dimension " + i + ", outside 0.." + capacity[i]);
                }
            }
            if (seg.from() > seg.to()) {
                throw new IllegalArgumentException("booking " + id + " has a segment that ends before it starts: " + seg);
            }
            Math.addExact(start, seg.from());
            Math.addExact(start, seg.to());
        }
    }

    /** Frees what a booking holds; true if it was there. */
    public boolean release(String id) {
        Booked b = bookings.remove(id);
        if (b == null) {
            return false;
        }
        for (Shape.Segment seg : b.shape().segments()) {
            add(b.start() + seg.from(), b.start() + seg.to(), seg.amounts(), -1);
        }
        return true;
    }

    /** The amounts in use at instant t. */
    public long[] usageAt(long t) {
        return usage.floorEntry(t).getValue().clone();
    }

    /** Every step: its start and the amounts in use (a copy, for checks and charts). */
    public NavigableMap<Long, long[]> profile() {
        TreeMap<Long, long[]> out = new TreeMap<>();
        usage.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    private Long firstViolation(long from, long to, long[] amounts) {
        Long first = usage.floorKey(from);
        for (Map.Entry<Long, long[]> e : usage.tailMap(first, true).entrySet()) {
            if (e.getKey() >= to) {
                return null;
            }
            long[] used = e.getValue();
            for (int i = 0; i < amounts.length; i++) {
                if (amounts[i] > 0 && amounts[i] > capacity[i] - used[i]) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private void add(long from, long to, long[] amounts, int sign) {
        if (from >= to) {
            return;
        }
        split(from);
        split(to);
        for (long[] used : usage.subMap(from, true, to, false).values()) {
            for (int i = 0; i < amounts.length; i++) {
                used[i] = Math.addExact(used[i], sign * amounts[i]);
                if (used[i] < 0) {
                    throw new IllegalStateException("dimension " + i + " would hold " + used[i] + " from " + from);
                }
            }
        }
        merge(from);
        merge(to);
    }

    private void split(long t) {
        if (!usage.containsKey(t)) {
            usage.put(t, usage.floorEntry(t).getValue().clone());
        }
    }

    private void merge(long t) {
        Map.Entry<Long, long[]> before = usage.lowerEntry(t);
        long[] at = usage.get(t);
        if (before != null && at != null && Arrays.equals(before.getValue(), at)) {
            usage.remove(t);
        }
    }

    static long align(long t, long grain) {
        if (grain <= 1) {
            return t;
        }
        return Math.floorDiv(t + grain - 1, grain) * grain;
    }
}
