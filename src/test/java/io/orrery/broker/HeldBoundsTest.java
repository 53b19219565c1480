package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bounded broker holds at most so many open offers, and keeps at most so many ended ones readable. */
class HeldBoundsTest {
    @Test
    void aFullBrokerTurnsRequestsAwayUntilOffersExpireAndForgetsTheOldestEnded() {
        VirtualClock clock = new VirtualClock(Instant.parse("2027-03-01T08:00:00Z"));
        BrokerCore core = new BrokerCore(PlatformCatalog.find("cloud").orElseThrow(), clock);
        core.retain(Duration.ofDays(1));
        core.bound(8, 3, 6);
        List<String> offers = new ArrayList<>();
        while (true) {
            try {
                OfferSet set = core.request(Requests.docker(1, 1, "PT1H", null));
                set.offers().forEach(o -> offers.add(o.meta().uuid()));
            } catch (BrokerFullException full) {
                assertTrue(full.getMessage().contains("open offers"), full.getMessage());
                assertEquals(Duration.ofMinutes(5), full.retryAfter(), "until the first offers expire (cloud: PT5M)");
                break;
            }
            assertTrue(offers.size() <= 8 + 4, "never past the bound by more than one request's offers");
        }
        assertTrue(offers.size() >= 8, "full at the bound: " + offers.size());
        assertThrows(BrokerFullException.class, () -> core.direct(Requests.docker(1, 1, "PT1H", null)));
        clock.advance(Duration.ofMinutes(6));
        OfferSet again = core.request(Requests.docker(1, 1, "PT1H", null));
        assertEquals("YES", again.result(), "room again once the offers expired");
        long readable = offers.stream().filter(id -> core.session(id).isPresent()).count();
        assertTrue(readable <= 6, "at most 6 ended sessions kept readable, not " + readable);
        for (ExecutionSession o : again.offers()) {
            assertEquals("OFFERED", core.session(o.meta().uuid()).orElseThrow().phase());
        }
    }
    @Test
    void acceptedSessionsAreBoundedToo() {
        VirtualClock clock = new VirtualClock(Instant.parse("2027-03-01T08:00:00Z"));
        BrokerCore core = new BrokerCore(PlatformCatalog.find("cloud").orElseThrow(), clock);
        core.bound(100, 2, 100);
        for (int i = 0; i < 2; i++) {
            OfferSet set = core.request(Requests.docker(1, 1, "PT1H", null));
            core.update(set.offers().get(0).meta().uuid(), io.orrery.model.Update.phase("ACCEPTED"));
        }
        OfferSet third = null;
        try {
            third = core.request(Requests.docker(1, 1, "PT1H", null));
        } catch (BrokerFullException full) {
            assertTrue(full.getMessage().contains("2 sessions"), full.getMessage());
        }
        assertEquals(null, third, "no offers while the broker runs as many sessions as it may");
        clock.advance(Duration.ofHours(3));
        assertEquals("YES", core.request(Requests.docker(1, 1, "PT1H", null)).result(), "room once they ended");
    }
}
