package io.orrery.broker.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The calendar against a naive model: never over capacity, exact sums, and the earliest fit really earliest. */
class CalendarPropertiesTest {

    private static Shape randomShape(Random r, long[] cap) {
        long lead = r.nextInt(3) * 10L;
        long length = 10L + r.nextInt(6) * 10L;
        long release = r.nextInt(3) * 10L;
        long[] running = new long[cap.length];
        for (int i = 0; i < cap.length; i++) {
            running[i] = r.nextInt((int) cap[i] + 1);
        }
        long[] staging = new long[cap.length];
        staging[Dimensions.STORAGE] = running[Dimensions.STORAGE];
        return Shape.session(lead, length, release, running, staging);
    }

    /** Usage at t, summed over the live bookings the naive way. */
    private static long[] naive(Map<String, long[]> startAndIndex, Map<String, Shape> shapes, long t, int dims) {
        long[] sum = new long[dims];
        startAndIndex.forEach((id, s) -> {
            for (Shape.Segment seg : shapes.get(id).segments()) {
                if (t >= s[0] + seg.from() && t < s[0] + seg.to()) {
                    for (int i = 0; i < dims; i++) {
                        sum[i] += seg.amounts()[i];
                    }
                }
            }
        });
        return sum;
    }

    @Property(tries = 200)
    void neverOverbooksAndMatchesTheNaiveSum(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int operations) {
        Random r = new Random(seed);
        long[] cap = {8, 16, 100, 2};
        ReservationCalendar cal = new ReservationCalendar(cap);
        Map<String, long[]> starts = new HashMap<>();
        Map<String, Shape> shapes = new HashMap<>();
        List<String> live = new ArrayList<>();
        for (int op = 0; op < operations; op++) {
            if (!live.isEmpty() && r.nextInt(3) == 0) {
                String id = live.remove(r.nextInt(live.size()));
                assertTrue(cal.release(id));
                starts.remove(id);
                shapes.remove(id);
                continue;
            }
            Shape shape = randomShape(r, cap);
            long from = r.nextInt(300);
            OptionalLong s = cal.earliest(from, from + 400, shape, 10);
            if (s.isPresent()) {
                assertTrue(s.getAsLong() >= from && s.getAsLong() % 10 == 0);
                String id = "b" + op;
                cal.book(id, s.getAsLong(), shape);
                live.add(id);
                starts.put(id, new long[] {s.getAsLong()});
                shapes.put(id, shape);
            }
        }
        assertEquals(live.size(), cal.size());
        for (long t = -100; t < 1000; t += 5) {
            long[] used = cal.usageAt(t);
            assertArrayEquals(naive(starts, shapes, t, cap.length), used, "usage at " + t);
            for (int i = 0; i < cap.length; i++) {
                assertTrue(used[i] >= 0 && used[i] <= cap[i], "dimension " + i + " at " + t + ": " + used[i]);
            }
        }
        live.forEach(cal::release);
        assertEquals(1, cal.steps(), "everything released leaves one empty step");
    }

    @Property(tries = 200)
    void earliestFitIsTheFirstAlignedStartThatFits(@ForAll long seed, @ForAll @LongRange(min = 0, max = 200) long from) {
        Random r = new Random(seed);
        long[] cap = {8, 16, 100, 2};
        ReservationCalendar cal = new ReservationCalendar(cap);
        for (int i = 0; i < 30; i++) {
            Shape shape = randomShape(r, cap);
            long at = r.nextInt(50) * 10L;
            if (cal.fits(at, shape)) {
                cal.book("b" + i, at, shape);
            }
        }
        Shape wanted = randomShape(r, cap);
        OptionalLong found = cal.earliest(from, from + 600, wanted, 10);
        long firstAligned = Math.floorDiv(from + 9, 10) * 10;
        for (long s = firstAligned; s <= from + 600; s += 10) {
            boolean fits = cal.fits(s, wanted);
            if (found.isPresent() && s == found.getAsLong()) {
                assertTrue(fits, "the answer fits");
                return;
            }
            assertFalse(fits, "an earlier start " + s + " fits but " + found + " was returned");
        }
        assertTrue(found.isEmpty(), "nothing fits, so nothing is returned");
    }

    @Property(tries = 50)
    void refusesToOverbook(@ForAll long seed) {
        Random r = new Random(seed);
        long[] cap = {4, 4, 4, 1};
        ReservationCalendar cal = new ReservationCalendar(cap);

        for (int i = 0; i < 40; i++) {
            Shape shape = randomShape(r, cap);
            long at = r.nextInt(20) * 10L;
            boolean fits = cal.fits(at, shape);
            try {
                cal.book("b" + i, at, shape);
                assertTrue(fits);
            } catch (IllegalStateException e) {
                assertFalse(fits);

            }
            for (long t = -50; t < 400; t += 10) {
                long[] used = cal.usageAt(t);
                for (int d = 0; d < cap.length; d++) {
                    assertTrue(used[d] <= cap[d]);
                }
            }
        }
    }
}
