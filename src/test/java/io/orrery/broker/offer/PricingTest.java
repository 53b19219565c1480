package io.orrery.broker.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.platform.Platform;
import io.orrery.model.FloatItem;
import io.orrery.model.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prices worked out by hand: every unit's rate is different in every currency, so a term added, dropped or swapped
 * changes the answer.
 */
class PricingTest {
    private static final Platform.Rate CORE = new Platform.Rate(1.0, 0.01, 5);
    private static final Platform.Rate MEMORY = new Platform.Rate(0.1, 0.002, 1);
    private static final Platform.Rate STORAGE = new Platform.Rate(0.01, 0.0001, 0.1);
    private static final Platform.Rate GPU = new Platform.Rate(2, 0.3, 100);
    private static final Instant NOON = Instant.parse("2027-01-01T12:00:00Z");

    private static Platform platform(Platform.Rate gpu, Platform.OffPeak offPeak) {
        return new Platform("p", null, null, null, null, null, null, null, null,
                new Platform.Prices(CORE, MEMORY, STORAGE, gpu, offPeak), new Platform.Metrics(1234.5, 678.9), null);
    }

    @Test
    void aSlotCostsTheSumOfItsUnitsTimesItsHours() {
        Pricing.Cost c = Pricing.cost(platform(GPU, null), NOON, Duration.ofHours(2), 4, 8, 100, 1);
        assertEquals(15.6, c.monetary(), 1e-9);
        assertEquals(0.732, c.energy(), 1e-9);
        assertEquals(276, c.carbon(), 1e-9);
        assertEquals(c.monetary(), c.of(Pricing.MONETARY));
        assertEquals(c.energy(), c.of(Pricing.ENERGY));
        assertEquals(c.carbon(), c.of(Pricing.CARBON));
        assertTrue(Double.isNaN(c.of("urn:something-else")));
    }

    @Test
    void anUnpricedUnitIsFreeAndResultsAreRoundedToFourPlaces() {
        Pricing.Cost c = Pricing.cost(platform(null, null), NOON, Duration.ofMinutes(20), 1, 0, 0, 3);
        assertEquals(0.3333, c.monetary(), 1e-12, "one core for a third of an hour, GPUs free");
        assertEquals(0.0033, c.energy(), 1e-12);
        assertEquals(1.6667, c.carbon(), 1e-12);
    }

    @Test
    void offPeakHoursDiscountMoneyOnlyHourByHour() {
        Platform.OffPeak night = new Platform.OffPeak(22, 6, 0.5);
        Instant evening = Instant.parse("2027-01-01T21:30:00Z");
        Pricing.Cost c = Pricing.cost(platform(GPU, night), evening, Duration.ofHours(2), 1, 0, 0, 0);
        assertEquals(1.25, c.monetary(), 1e-9, "half an hour at full price, an hour and a half at half");
        assertEquals(0.02, c.energy(), 1e-9, "energy is not discounted");
        assertEquals(10, c.carbon(), 1e-9);
        assertEquals(2.0, Pricing.discountedHours(null, evening, Duration.ofHours(2)), 1e-12);
        assertEquals(0.25, Pricing.discountedHours(new Platform.OffPeak(10, 11, 0.5),
                Instant.parse("2027-01-01T10:15:00Z"), Duration.ofMinutes(30)), 1e-12);
        assertEquals(0.0, Pricing.discountedHours(night, evening, Duration.ZERO), 1e-12);
        // a day starting at midnight: 6 night hours, 16 day hours, 2 night hours
        assertEquals(6 * 0.5 + 16 + 2 * 0.5, Pricing.discountedHours(night,
                Instant.parse("2027-01-02T00:00:00Z"), Duration.ofDays(1)), 1e-9);
    }

    @Test
    void offPeakWindowsIncludeTheirFirstHourAndNotTheirLast() {
        Platform.OffPeak day = new Platform.OffPeak(9, 17, 0.8);
        assertTrue(day.covers(9));
        assertTrue(day.covers(16));
        assertFalse(day.covers(17));
        assertFalse(day.covers(8));
        Platform.OffPeak night = new Platform.OffPeak(22, 6, 0.5);
        assertTrue(night.covers(22));
        assertTrue(night.covers(0));
        assertTrue(night.covers(5));
        assertFalse(night.covers(6));
        assertFalse(night.covers(21));
    }

    @Test
    void sessionCostsRangeFromTheRequestedToTheOfferedLength() {
        List<FloatItem> items = Pricing.sessionCosts(new Pricing.Cost(1, 2, 3), new Pricing.Cost(10, 20, 30));
        assertEquals(List.of(Pricing.MONETARY, Pricing.ENERGY, Pricing.CARBON),
                items.stream().map(FloatItem::type).toList());
        assertEquals(List.of(1.0, 2.0, 3.0), items.stream().map(FloatItem::min).toList());
        assertEquals(List.of(10.0, 20.0, 30.0), items.stream().map(FloatItem::max).toList());
        assertTrue(items.stream().allMatch(i -> i.kind().equals(Kind.MINMAX_COST.uri())));
        assertTrue(items.stream().allMatch(i -> !i.description().isBlank()));
    }

    @Test
    void computeCostsGiveTheHourlyPriceAndItsOffPeakLow() {
        FloatItem flat = Pricing.computeCosts(platform(GPU, null), 4, 8, 1).get(0);
        assertEquals(6.8, flat.min(), 1e-9, "4 cores, 8 GiB and a GPU for an hour; storage is not compute");
        assertEquals(6.8, flat.max(), 1e-9);
        FloatItem discounted = Pricing.computeCosts(platform(GPU, new Platform.OffPeak(0, 6, 0.25)), 4, 8, 1).get(0);
        assertEquals(1.7, discounted.min(), 1e-9);
        assertEquals(6.8, discounted.max(), 1e-9);
        assertEquals(Pricing.MONETARY, discounted.type());
        assertEquals(Kind.MINMAX_COST.uri(), discounted.kind());
    }

    @Test
    void metricsReportThePlatformsFigures() {
        FloatItem session = Pricing.sessionMetrics(platform(GPU, null)).get(0);
        assertEquals(Pricing.COMPUTE_PERFORMANCE, session.type());
        assertEquals(1234.5, session.min());
        assertEquals(1234.5, session.max());
        List<FloatItem> compute = Pricing.computeMetrics(platform(GPU, null));
        assertEquals(List.of(Pricing.COMPUTE_PERFORMANCE, Pricing.IO_THROUGHPUT),
                compute.stream().map(FloatItem::type).toList());
        assertEquals(678.9, compute.get(1).min());
        assertEquals(678.9, compute.get(1).max());
        assertTrue(compute.stream().allMatch(i -> i.kind().equals(Kind.MINMAX_METRIC.uri())));
    }
}
