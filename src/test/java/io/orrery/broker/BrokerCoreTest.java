package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.model.PhaseChange;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerCoreTest {
    private final VirtualClock clock = new VirtualClock(Instant.parse("2027-03-01T08:00:00Z"));
    private final BrokerCore core = new BrokerCore(PlatformCatalog.find("laptop").orElseThrow(), clock);

    @Test
    void offersHoldCapacityUntilRejected() {
        OfferSet first = core.request(Requests.docker(8, 16, "PT1H", null));
        assertEquals("YES", first.result());
        ExecutionSession offer = first.offers().get(0);
        assertEquals(SessionPhase.OFFERED.name(), offer.phase());
        Instant start = Instant.parse(offer.schedule().available().start().split("/")[0]);
        // the laptop is full for the first offer's hour, so the next request starts after it
        OfferSet second = core.request(Requests.docker(8, 16, "PT1H", null));
        Instant start2 = Instant.parse(second.offers().get(0).schedule().available().start().split("/")[0]);
        assertTrue(!start2.isBefore(start.plus(Duration.ofHours(1))), start + " then " + start2);
        for (ExecutionSession o : first.offers()) {
            core.update(o.meta().uuid(), Update.phase("REJECTED"));
        }
        OfferSet third = core.request(Requests.docker(8, 16, "PT1H", null));
        assertEquals(offer.schedule().available().start(), third.offers().get(0).schedule().available().start());
    }

    @Test
    void acceptRejectsSiblingsAndTheClockDrivesTheLifecycle() {
        OfferSet set = core.request(Requests.docker(2, 4, "PT1H", "2027-03-01T10:00:00Z/PT2H"));
        assertTrue(set.offers().size() >= 2, "laptop offers two alternatives");
        String chosen = set.offers().get(0).meta().uuid();
        ExecutionSession accepted = core.update(chosen, Update.phase("ACCEPTED"));
        assertEquals("ACCEPTED", accepted.phase());
        OfferSet again = core.offerSet(set.meta().uuid()).orElseThrow();
        for (ExecutionSession o : again.offers()) {
            if (!o.meta().uuid().equals(chosen)) {
                assertEquals("REJECTED", o.phase());
            }
        }
        assertEquals("WAITING", core.session(chosen).orElseThrow().phase());
        clock.set(Instant.parse("2027-03-01T13:00:00Z"));
        List<SessionPhase> phases = core.history(chosen).stream().map(PhaseChange::phase).toList();
        assertEquals(List.of(SessionPhase.OFFERED, SessionPhase.ACCEPTED, SessionPhase.WAITING, SessionPhase.PREPARING,
                SessionPhase.AVAILABLE, SessionPhase.RUNNING, SessionPhase.RELEASING, SessionPhase.COMPLETED), phases);
        assertEquals(0, (int) core.inspect(c -> c.size()), "nothing is held once every session has ended");
    }

    @Test
    void offersExpireAndCannotBeAcceptedAfterwards() {
        OfferSet set = core.request(Requests.docker(1, 1, "PT10M", null));
        String id = set.offers().get(0).meta().uuid();
        clock.advance(Duration.ofMinutes(2));
        assertEquals("EXPIRED", core.session(id).orElseThrow().phase());
        UpdateRefusedException e = assertThrows(UpdateRefusedException.class,
                () -> core.update(id, Update.phase("ACCEPTED")));
        assertTrue(e.getMessage().contains("EXPIRED"), e.getMessage());
        assertEquals(0, (int) core.inspect(c -> c.size()));
    }

    @Test
    void invalidUpdatesAreRefusedWithAReason() {
        OfferSet set = core.request(Requests.docker(1, 1, "PT10M", null));
        String id = set.offers().get(0).meta().uuid();
        assertTrue(assertThrows(UpdateRefusedException.class, () -> core.update(id, Update.phase("RUNNING")))
                .getMessage().contains("cannot be set to RUNNING"));
        core.update(id, Update.phase("REJECTED"));
        assertThrows(UpdateRefusedException.class, () -> core.update(id, Update.phase("ACCEPTED")));
    }

    @Test
    void optionsFollowThePhase() {
        OfferSet set = core.request(Requests.docker(1, 1, "PT10M", null));
        ExecutionSession offer = set.offers().get(0);
        assertEquals(List.of("ACCEPTED", "REJECTED"), offer.meta().options().get(0).values());
        ExecutionSession accepted = core.update(offer.meta().uuid(), Update.phase("ACCEPTED"));
        assertEquals(List.of("CANCELLED"), accepted.meta().options().get(0).values());
        ExecutionSession cancelled = core.update(offer.meta().uuid(), Update.phase("CANCELLED"));
        assertEquals(null, cancelled.meta().options());
    }

    @Test
    void offersAreValidDocumentsThatRoundTrip() {
        OfferSet set = core.request(Requests.sample("02-newton-raphson-window.yaml"));
        String yaml = WireCodec.write(set, Format.YAML);
        assertEquals(set, WireCodec.readAs(yaml, Format.YAML, OfferSet.class));
        assertNotNull(set.offers().get(0).costs());
    }

    @Test
    void impossibleRequestsSayWhy() {
        OfferSet no = core.request(Requests.sample("16-impossible-request.yaml"));
        assertEquals("NO", no.result());
        assertFalse(no.meta().messages().isEmpty());
        assertTrue(no.meta().messages().stream().allMatch(m -> m.message() != null && !m.message().isBlank()));
    }

    @Test
    void interactivePlatformsOfferNearbyStartsBatchOnesBackToBack() {
        assertEquals(Duration.ofMinutes(1), lastGap("cloud"));
        assertEquals(Duration.ofHours(1), lastGap("green-hpc"));
    }

    /** The gap between the last two one-hour offers of a platform. */
    private Duration lastGap(String platform) {
        BrokerCore broker = new BrokerCore(PlatformCatalog.find(platform).orElseThrow(), clock);
        List<Instant> starts = broker.request(Requests.docker(1, 1, "PT1H", null)).offers().stream()
                .filter(o -> o.schedule().available().duration().equals("PT1H")).map(BrokerCoreTest::start)
                .sorted().toList();
        assertTrue(starts.size() >= 3, platform + " " + starts);
        return Duration.between(starts.get(starts.size() - 2), starts.get(starts.size() - 1));
    }

    private static Instant start(ExecutionSession s) {
        return Instant.parse(s.schedule().available().start().split("/")[0]);
    }
}
