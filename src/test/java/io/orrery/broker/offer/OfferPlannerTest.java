package io.orrery.broker.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.calendar.Shape;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The planner on a real calendar: which alternatives it proposes, in which order, where each starts, and what a
 * cost cap or the window's end stops.
 */
class OfferPlannerTest {
    private static final Instant NOON = Instant.parse("2027-01-04T12:00:00Z");
    private static final Demand.Staging NO_STAGING = new Demand.Staging(Duration.ZERO, Duration.ZERO, null, null);

    private static Platform platform(String name) {
        return PlatformCatalog.find(name).orElseThrow();
    }

    private static Platform withoutOffPeak(Platform p) {
        Platform.Prices x = p.prices();
        return new Platform(p.name(), p.description(), p.capacity(), p.executables(), p.data(), p.gpuKind(), p.limits(),
                p.preparation(), p.offers(), new Platform.Prices(x.coreHour(), x.memoryGiBHour(), x.storageGiBHour(),
                        x.gpuHour(), null), p.metrics(), null);
    }

    private static Demand demand(long coresMin, long coresMax, Duration duration, Duration max, Instant from,
                                 Instant to, Map<String, Double> caps) {
        return new Demand(coresMin, coresMax, 2, 2, 0, 0, null, 0, duration, max, from, to, NO_STAGING, Duration.ZERO,
                caps);
    }

    private record Run(OfferPlanner.Plan plan, ReservationCalendar calendar) {
        List<String> labels() {
            return plan.proposals().stream().map(Proposal::label).toList();
        }

        List<Instant> starts() {
            return plan.proposals().stream().map(Proposal::start).toList();
        }
    }

    private static Run plan(Platform p, Demand d, Instant now, ReservationCalendar calendar) {
        AtomicInteger ids = new AtomicInteger();
        return new Run(OfferPlanner.plan(p, new Dimensions(p), calendar, d, now, () -> "o" + ids.incrementAndGet()),
                calendar);
    }

    private static Run plan(Platform p, Demand d) {
        return plan(p, d, NOON, new ReservationCalendar(new Dimensions(p).capacity(p)));
    }

    private static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    @Test
    void earliestThenMoreResourcesThenLongestThenLaterStarts() {
        Run r = plan(platform("cloud"), demand(2, 8, h(1), h(3), NOON, NOON.plus(h(24)), Map.of()));
        assertEquals(List.of("earliest", "more resources", "longest", "later start"), r.labels());
        assertEquals(List.of(NOON, NOON, NOON, NOON.plusSeconds(60)), r.starts(), "cloud steps by its minute grain");
        List<Proposal> p = r.plan().proposals();
        assertEquals(List.of(2L, 8L, 2L, 2L), p.stream().map(Proposal::cores).toList());
        assertEquals(List.of(h(1), h(1), h(3), h(1)), p.stream().map(Proposal::duration).toList());
        assertEquals(4, r.calendar().size(), "every proposal is booked");
        assertEquals(List.of("o1", "o2", "o3", "o4"), p.stream().map(Proposal::id).toList());
        Proposal longest = p.get(2);
        assertEquals(3 * longest.least().monetary(), longest.most().monetary(), 1e-3,
                "least is the requested hour, most the offered three");
        assertNull(r.plan().cheapestOverCap());
    }

    @Test
    void fixedSizesAndLengthsGiveOnlyLaterStarts() {
        Run r = plan(platform("cloud"), demand(2, 2, h(1), h(1), NOON, NOON.plus(h(24)), Map.of()));
        assertEquals(List.of("earliest", "later start", "later start", "later start"), r.labels());
        assertEquals(List.of(NOON, NOON.plusSeconds(60), NOON.plusSeconds(120), NOON.plusSeconds(180)), r.starts());
    }

    @Test
    void aBatchPlatformOffersBackToBackSlots() {
        Run r = plan(withoutOffPeak(platform("green-hpc")), demand(2, 2, h(2), h(2), NOON, NOON.plus(h(24)), Map.of()));
        assertEquals(List.of(NOON, NOON.plus(h(2)), NOON.plus(h(4)), NOON.plus(h(6))), r.starts());
    }

    @Test
    void noStartLiesPastTheWindow() {
        Run r = plan(platform("cloud"), demand(2, 2, h(1), h(1), NOON, NOON.plusSeconds(60), Map.of()));
        assertEquals(List.of(NOON, NOON.plusSeconds(60)), r.starts(), "the window's last second is a start too");
        Run late = plan(platform("cloud"), demand(2, 2, h(1), h(1), NOON, NOON.plusSeconds(60), Map.of()),
                NOON.plusSeconds(61), new ReservationCalendar(new Dimensions(platform("cloud")).capacity(platform("cloud"))));
        assertEquals(List.of(), late.starts(), "a window already past gives nothing");
        Run staged = plan(platform("cloud"), new Demand(2, 2, 2, 2, 0, 0, null, 0, h(1), h(1), NOON, NOON.plus(h(1)),
                new Demand.Staging(Duration.ofMinutes(30), Duration.ZERO, null, null), Duration.ZERO, Map.of()));
        assertEquals(NOON.plus(Duration.ofMinutes(30)), staged.starts().get(0), "not before staging is done");
    }

    @Test
    void aFullPlatformPushesTheEarliestStartToWhenCapacityFrees() {
        Platform laptop = platform("laptop");
        ReservationCalendar calendar = new ReservationCalendar(new Dimensions(laptop).capacity(laptop));
        calendar.book("busy", NOON.getEpochSecond(), Shape.flat(3600, new Dimensions(laptop).vector(8, 0, 0)));
        Run r = plan(laptop, demand(4, 4, h(1), h(1), NOON, NOON.plus(h(24)), Map.of()), NOON, calendar);
        assertEquals(List.of(NOON.plus(h(1)), NOON.plus(h(1)).plusSeconds(60)), r.starts());
        assertEquals(2, r.plan().proposals().size(), "the laptop makes two alternatives");
    }

    @Test
    void offersOverACostCapAreDroppedAndTheCheapestOfThemReported() {
        Platform cloud = platform("cloud");
        Run free = plan(cloud, demand(2, 2, h(1), h(1), NOON, NOON.plus(h(24)), Map.of()));
        double price = free.plan().proposals().get(0).least().monetary();
        Run capped = plan(cloud, demand(2, 2, h(1), h(1), NOON, NOON.plus(h(24)), Map.of(Pricing.MONETARY, price - 0.001)));
        assertEquals(List.of(), capped.plan().proposals());
        assertEquals(price, capped.plan().cheapestOverCap().monetary(), 1e-9);
        assertEquals(0, capped.calendar().size(), "nothing is booked for a dropped offer");
        Run exact = plan(cloud, demand(2, 2, h(1), h(1), NOON, NOON.plus(h(24)), Map.of(Pricing.MONETARY, price)));
        assertEquals(4, exact.plan().proposals().size(), "a cost equal to the cap is within it");
        Run mixed = plan(cloud, demand(2, 8, h(1), h(1), NOON, NOON.plus(h(24)), Map.of(Pricing.MONETARY, price)));
        assertTrue(mixed.labels().stream().noneMatch("more resources"::equals), mixed.labels().toString());
        assertTrue(mixed.plan().cheapestOverCap().monetary() > price, "the bigger offer is the one dropped");
        Run unknown = plan(cloud, demand(2, 2, h(1), h(1), NOON, NOON.plus(h(24)), Map.of("urn:other", 0.0)));
        assertEquals(4, unknown.plan().proposals().size(), "a cap on a cost the platform does not price caps nothing");
    }

    @Test
    void anOffPeakPlatformAddsTheCheapestStartWhenItIsCheaper() {
        Platform budget = platform("budget");
        Run r = plan(budget, demand(2, 2, h(1), h(1), NOON, NOON.plus(h(48)), Map.of()));
        assertEquals(List.of("earliest", "cheapest", "later start"), r.labels());
        Instant evening = Instant.parse("2027-01-04T20:00:00Z");
        assertEquals(List.of(NOON, evening, evening.plus(h(1))), r.starts());
        List<Proposal> p = r.plan().proposals();
        assertEquals(p.get(0).least().monetary() / 2, p.get(1).least().monetary(), 1e-3, "half price off-peak");
        Instant night = Instant.parse("2027-01-04T21:00:00Z");
        Run already = plan(budget, demand(2, 2, h(1), h(1), night, night.plus(h(48)), Map.of()), night,
                new ReservationCalendar(new Dimensions(budget).capacity(budget)));
        assertEquals(List.of("earliest", "later start", "later start"), already.labels(),
                "no cheaper start than one already off-peak");
        Run shortWindow = plan(budget, demand(2, 2, h(1), h(1), NOON, NOON.plus(h(7)), Map.of()));
        assertEquals(List.of(NOON, NOON.plus(h(1)), NOON.plus(h(2))), shortWindow.starts(),
                "the window ends before 20:00: no cheapest offer, hourly batch slots");
        assertTrue(shortWindow.labels().stream().noneMatch("cheapest"::equals), shortWindow.labels().toString());
    }
}
