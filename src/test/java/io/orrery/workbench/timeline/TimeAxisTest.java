package io.orrery.workbench.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time axis and the lane layout, without the toolkit. */
class TimeAxisTest {
    private static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void zoomKeepsTheInstantUnderThePointerWhereItIs() {
        TimeAxis a = new TimeAxis(T, T.plus(Duration.ofHours(10)));
        a.width(1000);
        Instant under = a.at(250);
        a.zoom(2, 250);
        assertEquals(Duration.ofHours(5), a.span());
        assertEquals(under.toEpochMilli(), a.at(250).toEpochMilli(), 1);
        a.zoom(0.5, 250);
        assertEquals(Duration.ofHours(10), a.span());
    }

    @Test
    void panMovesByPixelsAndTheSpanStaysWithinBounds() {
        TimeAxis a = new TimeAxis(T, T.plus(Duration.ofHours(10)));
        a.width(1000);
        a.pan(100);
        assertEquals(T.plus(Duration.ofHours(1)), a.start());
        a.zoom(1e9, 0);
        assertEquals(Duration.ofMinutes(1), a.span(), "never closer than a minute");
        a.zoom(1e-12, 0);
        assertEquals(Duration.ofDays(3650), a.span(), "never wider than ten years");
        a.fit(T.plus(Duration.ofHours(2)), T);
        assertEquals(T, a.start());
        assertEquals(500, a.x(T.plus(Duration.ofHours(1))), 1e-6);
    }

    @Test
    void ticksKeepTheirDistanceAndLandOnRoundTimes() {
        TimeAxis a = new TimeAxis(T, T.plus(Duration.ofHours(12)));
        a.width(1200);
        List<TimeTicks.Tick> ticks = TimeTicks.ticks(a, 90);
        assertTrue(ticks.size() >= 4 && ticks.size() <= 14, ticks.toString());
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(a.x(ticks.get(i).at()) - a.x(ticks.get(i - 1).at()) >= 90);
        }
        assertEquals(0, ticks.get(0).at().toEpochMilli() % Duration.ofHours(1).toMillis());
    }

    @Test
    void theLayoutFindsBarsAndLanesByPosition() {
        Lane a1 = new Lane("a1", "A", "offer 1", Lane.Kind.OFFERS, null);
        Lane a2 = new Lane("a2", "A", "offer 2", Lane.Kind.OFFERS, null);
        Lane no = new Lane("bno", "B", "said NO", Lane.Kind.NO, "NO: too big");
        Bar bar = new Bar("x", "a2", List.of(new Span(T.plus(Duration.ofHours(1)), T.plus(Duration.ofHours(3)),
                Span.Kind.AVAILABLE)), null, null, "tip", false);
        TimelineLayout l = new TimelineLayout(List.of(a1, a2, no), List.of(bar));
        assertEquals(5, l.rows().size(), "two group headers and three lanes");
        assertEquals(2 * TimelineLayout.GROUP_HEIGHT + 3 * TimelineLayout.LANE_HEIGHT, l.height());
        TimeAxis axis = new TimeAxis(T, T.plus(Duration.ofHours(10)));
        axis.width(1000);
        double y = l.rowOf("a2").orElseThrow().y() + 5;
        assertEquals("x", l.barAt(axis, 200, y).orElseThrow().id());
        assertTrue(l.barAt(axis, 500, y).isEmpty(), "right of the bar");
        assertTrue(l.barAt(axis, 200, l.rowOf("a1").orElseThrow().y() + 5).isEmpty(), "another lane");
        assertEquals("NO: too big", l.rowAt(l.rowOf("bno").orElseThrow().y() + 1).orElseThrow().lane().note());
        assertEquals(bar.start(), l.extent().orElseThrow()[0]);
    }

    @Test
    void countdownsReadAsClockTimes() {
        assertEquals("1:05", TimelinePainter.countdown(T, T.plusSeconds(65)));
        assertEquals("2:00:00", TimelinePainter.countdown(T, T.plus(Duration.ofHours(2))));
        assertEquals("0:00", TimelinePainter.countdown(T, T.minusSeconds(5)));
    }
}
