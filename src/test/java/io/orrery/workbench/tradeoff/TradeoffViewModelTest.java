package io.orrery.workbench.tradeoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Range;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trade-off plot's points and front, without the toolkit. */
class TradeoffViewModelTest {
    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    private static OfferRow offer(String id, int finishHours, Range money, Range carbon) {
        Map<String, Range> costs = carbon == null ? Map.of(Comparison.MONETARY, money)
                : money == null ? Map.of(Comparison.CARBON, carbon)
                : Map.of(Comparison.MONETARY, money, Comparison.CARBON, carbon);
        return new OfferRow("b-" + id, id, "u", "n", T, T.plus(Duration.ofHours(finishHours)), Duration.ZERO,
                Duration.ofHours(finishHours), Duration.ZERO, 1L, 1L, null, costs, Map.of(), Map.of(), null, List.of(),
                true, false);
    }

    @Test
    void everyOfferIsAPointAndTheFrontIsTheOffersNothingBeats() {
        TradeoffViewModel m = new TradeoffViewModel();
        m.show(List.of(offer("fast-dear", 2, new Range(9.0, 9.0), new Range(1.0, 1.0)),
                offer("middle", 5, new Range(4.0, 6.0), new Range(9.0, 9.0)),
                offer("beaten", 6, new Range(5.0, 5.0), new Range(0.5, 0.5)),
                offer("slow-cheap", 9, new Range(1.0, 1.0), new Range(8.0, 8.0)),
                offer("no-cost", 1, null, new Range(2.0, 2.0))));
        assertEquals(List.of("fast-dear", "middle", "beaten", "slow-cheap"), m.points().stream()
                .map(TradeoffViewModel.Point::uuid).toList(), "in rising finish; the offer without a cost is left out");
        assertEquals(List.of("fast-dear", "middle", "slow-cheap"), m.front().stream()
                .map(TradeoffViewModel.Point::uuid).toList());
        TradeoffViewModel.Point middle = m.points().get(1);
        assertEquals(5.0, middle.x(), 1e-9, "hours after the earliest start");
        assertEquals(4.0, middle.y(), 1e-9, "the least it may cost");
        assertEquals(6.0, middle.yMax(), 1e-9, "the most, drawn as a whisker");
        assertTrue(Double.isNaN(m.points().get(0).yMax()), "no whisker without a range");
        assertEquals("3 of 4 offers on the Pareto front (none finishes sooner for less); 1 without a cost",
                m.summaryProperty().get());

        m.measureProperty().set(Measure.CARBON);
        assertEquals(List.of("no-cost", "fast-dear", "beaten"), m.front().stream().map(TradeoffViewModel.Point::uuid).toList(),
                "weighed by carbon, another front");
        assertEquals("Carbon (gCO\u2082)", m.measureProperty().get().label());
    }

    @Test
    void noOffersNothingToWeigh() {
        TradeoffViewModel m = new TradeoffViewModel();
        m.show(List.of());
        assertTrue(m.points().isEmpty());
        assertEquals("No offers to weigh yet", m.summaryProperty().get());
    }
}
