package io.orrery.broker.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.PlatformCatalog;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The calendar, shapes and dimensions at their edges: bookings that touch but do not overlap, the last allowed
 * start, refused shapes, and the encoding a store keeps. (PIT found these unexamined: see README, Testing.)
 */
class CalendarEdgesTest {
    private static final long[] CAP = {10, 100, 1000};

    private static long[] v(long cores, long memory, long storage) {
        return new long[] {cores, memory, storage};
    }

    @Test
    void bookingsThatTouchDoNotOverlap() {
        ReservationCalendar cal = new ReservationCalendar(CAP);
        cal.book("a", 100, Shape.flat(50, v(10, 0, 0)));
        assertTrue(cal.fits(150, Shape.flat(10, v(10, 0, 0))), "starts exactly when the other ends");
        assertTrue(cal.fits(90, Shape.flat(10, v(10, 0, 0))), "ends exactly when the other starts");
        assertFalse(cal.fits(149, Shape.flat(10, v(1, 0, 0))), "one second of overlap is too much");
        assertFalse(cal.fits(91, Shape.flat(10, v(1, 0, 0))));
        assertTrue(cal.fits(120, Shape.flat(10, v(0, 100, 1000))), "other dimensions are free");
        assertArrayEquals(v(10, 0, 0), cal.usageAt(100));
        assertArrayEquals(v(10, 0, 0), cal.usageAt(149));
        assertArrayEquals(v(0, 0, 0), cal.usageAt(150));
        assertArrayEquals(v(0, 0, 0), cal.usageAt(99));
    }

    @Test
    void theEarliestFitHonoursTheLastAllowedStartAndTheGrain() {
        ReservationCalendar cal = new ReservationCalendar(CAP);
        cal.book("busy", 0, Shape.flat(120, v(10, 0, 0)));
        Shape one = Shape.flat(60, v(1, 0, 0));
        assertEquals(OptionalLong.of(120), cal.earliest(0, 120, one, 60), "the latest start itself is allowed");
        assertEquals(OptionalLong.empty(), cal.earliest(0, 119, one, 60), "one second short of it is not");
        assertEquals(OptionalLong.of(180), cal.earliest(121, 1000, one, 60), "aligned up to the grain");
        assertEquals(OptionalLong.of(121), cal.earliest(121, 1000, one, 1), "a grain of one second");
        assertEquals(OptionalLong.empty(), cal.earliest(0, 10_000, Shape.flat(60, v(11, 0, 0)), 60),
                "more than the capacity never fits");
        assertEquals(-60, ReservationCalendar.align(-61, 60));
        assertEquals(0, ReservationCalendar.align(0, 60));
        assertEquals(61, ReservationCalendar.align(61, 1));
    }

    @Test
    void refusedBookingsLeaveTheCalendarAsItWas() {
        ReservationCalendar cal = new ReservationCalendar(CAP);
        cal.book("a", 0, Shape.flat(10, v(5, 0, 0)));
        var before = cal.profile();
        assertThrows(IllegalStateException.class, () -> cal.book("a", 100, Shape.flat(10, v(1, 0, 0))), "taken id");
        assertThrows(IllegalArgumentException.class, () -> cal.book("neg", 100, Shape.flat(10, v(-1, 0, 0))));
        assertThrows(IllegalArgumentException.class, () -> cal.book("over", 100, Shape.flat(10, v(11, 0, 0))));
        assertThrows(IllegalArgumentException.class, () -> cal.book("dims", 100, Shape.flat(10, new long[] {1, 1})));
        assertThrows(IllegalArgumentException.class, () -> cal.book("back", 100,
                new Shape(List.of(new Shape.Segment(10, 5, v(1, 0, 0))))));
        assertThrows(ArithmeticException.class, () -> cal.book("wrap", Long.MAX_VALUE - 5, Shape.flat(10, v(1, 0, 0))));
        assertThrows(IllegalStateException.class, () -> cal.book("full", 5, Shape.flat(10, v(6, 0, 0))));
        assertEquals(before.keySet(), cal.profile().keySet());
        assertEquals(1, cal.size());
        cal.book("exact", 0, Shape.flat(10, v(5, 100, 1000)));
        assertArrayEquals(v(10, 100, 1000), cal.usageAt(0), "exactly full is allowed");
    }

    @Test
    void releasingFreesWhatWasHeldAndSaysWhetherItWasThere() {
        ReservationCalendar cal = new ReservationCalendar(CAP);
        cal.book("a", 0, Shape.session(30, 60, 20, v(2, 4, 8), v(0, 0, 8)));
        assertArrayEquals(v(0, 0, 8), cal.usageAt(-30), "staging holds storage before the start");
        assertArrayEquals(v(2, 4, 8), cal.usageAt(0));
        assertArrayEquals(v(0, 0, 8), cal.usageAt(60), "and again while results are released");
        assertArrayEquals(v(0, 0, 0), cal.usageAt(80));
        assertTrue(cal.contains("a"));
        assertTrue(cal.release("a"));
        assertFalse(cal.release("a"), "only once");
        assertFalse(cal.contains("a"));
        assertEquals(1, cal.steps(), "every step merged back into one");
        var copy = cal.profile();
        copy.firstEntry().getValue()[0] = 99;
        assertArrayEquals(v(0, 0, 0), cal.usageAt(0), "the profile is a copy");
    }

    @Test
    void shapesKeepOnlyTheSegmentsThatHoldSomething() {
        Shape noStaging = Shape.session(30, 60, 20, v(2, 4, 0), v(0, 0, 0));
        assertEquals(1, noStaging.segments().size(), "no storage to stage: just the run");
        assertEquals(0, noStaging.first());
        assertEquals(60, noStaging.last());
        Shape staged = Shape.session(30, 60, 20, v(2, 4, 8), v(0, 0, 8));
        assertEquals(3, staged.segments().size());
        assertEquals(-30, staged.first());
        assertEquals(80, staged.last());
        assertEquals(1, Shape.session(0, 60, 0, v(2, 4, 8), v(0, 0, 8)).segments().size(), "no lead, no release");
        assertEquals(2, Shape.session(30, 60, 0, v(2, 4, 8), v(0, 0, 8)).segments().size());
        assertEquals(2, Shape.session(0, 60, 20, v(2, 4, 8), v(0, 0, 8)).segments().size());
        assertEquals(0, new Shape(List.of()).first());
        assertEquals(0, new Shape(List.of()).last());
    }

    @Test
    void aShapeSurvivesItsTextForm() {
        Shape staged = Shape.session(30, 60, 20, v(2, 4, 8), v(0, 0, 8));
        assertEquals("-30,0,0;0;8|0,60,2;4;8|60,80,0;0;8", staged.encode());
        assertEquals(staged, Shape.decode(staged.encode()));
        Shape one = Shape.flat(5, new long[] {7});
        assertEquals("0,5,7", one.encode());
        assertEquals(one, Shape.decode("0,5,7"));
    }

    @Test
    void dimensionsNameEveryGpuModelAfterTheThreeFixedOnes() {
        Dimensions dims = new Dimensions(PlatformCatalog.find("cloud").orElseThrow());
        assertEquals(List.of("nvidia-a100", "nvidia-t4"), dims.gpuModels());
        assertEquals(5, dims.size());
        assertEquals(3, dims.gpu("nvidia-a100"));
        assertEquals(4, dims.gpu("nvidia-t4"));
        assertEquals(-1, dims.gpu("nvidia-h100"));
        assertEquals(List.of("cores", "memory (GiB)", "storage (GiB)", "GPUs (nvidia-a100)", "GPUs (nvidia-t4)"),
                dims.names());
        long[] cap = dims.capacity(PlatformCatalog.find("cloud").orElseThrow());
        assertArrayEquals(new long[] {20000, 80000, 1000000, 16, 200}, cap);
        assertArrayEquals(new long[] {1, 2, 3, 0, 0}, dims.vector(1, 2, 3));
        assertEquals(3, new Dimensions(PlatformCatalog.find("laptop").orElseThrow()).size());
    }
}
