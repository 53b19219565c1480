package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.compare.OfferChecks;
import io.orrery.model.ExecutionSession;
import io.orrery.model.SessionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A built-in broker's clock moved for one session: to that session's own next planned change or its end (not to
 * whatever else falls due first on the broker), and a shifted clock that comes back to real time.
 */
class LocalBrokerClockTest {
    @Test
    void aSessionsNextChangeAndEndComeFromItsOwnPlan() throws Exception {
        ShiftedClock clock = new ShiftedClock(Clock.systemUTC(), Duration.ZERO);
        try (LocalBroker laptop = new LocalBroker("builtin:laptop", PlatformCatalog.load("laptop"), clock)) {
            Outcome.Offers answer = (Outcome.Offers) laptop.ask(Fixtures.sample("01-minimal-container.yaml")).join();
            ExecutionSession offer = answer.offerSet().offers().get(0);
            String uuid = offer.meta().uuid();
            // another offer set of the same broker, whose expiry falls due long before the session ends
            laptop.ask(Fixtures.sample("01-minimal-container.yaml")).join();
            assertTrue(laptop.nextChange(uuid).isPresent(), "an offer that may still be accepted has a plan");
            laptop.update(offer.meta().url(), SessionPhase.ACCEPTED);
            OfferChecks.Slot slot = OfferChecks.slot(offer).orElseThrow();
            Instant end = slot.end().plus(slot.release());
            assertEquals(end, laptop.plannedEnd(uuid).orElseThrow(), "the end is the end of its release");
            Instant next = laptop.nextChange(uuid).orElseThrow();
            assertTrue(!next.isBefore(slot.start().minus(slot.lead())) && next.isBefore(end), "its next change: " + next);
            assertTrue(laptop.nextChange().orElseThrow().isBefore(next) || laptop.nextChange().orElseThrow().equals(next),
                    "the broker's own next event may come sooner (the other offers' expiry)");

            clock.skipTo(end);
            laptop.catchUp();
            assertEquals(SessionPhase.COMPLETED, laptop.phase(uuid).orElseThrow());
            assertTrue(laptop.nextChange(uuid).isEmpty() && laptop.plannedEnd(uuid).isEmpty(), "an ended session has none");
            assertTrue(laptop.nextChange("no-such-session").isEmpty());
        }
    }

    @Test
    void aShiftedClockComesBackToRealTime() {
        ShiftedClock clock = new ShiftedClock(Clock.systemUTC(), Duration.ZERO);
        assertTrue(clock.real());
        clock.skipTo(Instant.now().plus(Duration.ofHours(3)));
        assertFalse(clock.real());
        Duration was = clock.reset();
        assertTrue(was.compareTo(Duration.ofMinutes(179)) > 0, "it ran three hours ahead: " + was);
        assertTrue(clock.real());
        assertTrue(Duration.between(Instant.now(), clock.instant()).abs().compareTo(Duration.ofSeconds(1)) < 0);
    }
}
