package io.orrery.workbench.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.client.LocalBroker;
import io.orrery.client.Outcome;
import io.orrery.client.ShiftedClock;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.text.HumanTime;
import io.orrery.model.ExecutionSession;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.brokers.BrokersViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in brokers' clock as shown, what a skip would expire, and a reset that really is real time again. */
class OfflineClockModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    Path config;

    private static OfferRow offer(String broker, Instant expires) {
        return new OfferRow(broker, broker + expires, "u", "n", NOW, NOW.plusSeconds(3600), Duration.ZERO,
                Duration.ofHours(1), Duration.ZERO, 1L, 1L, null, Map.of(), Map.of(), Map.of(), expires, List.of(),
                true, false);
    }

    @Test
    void theClockReadsAsRealTimeOrSimulatedAhead() {
        ShiftedClock clock = new ShiftedClock(Clock.systemUTC(), Duration.ZERO);
        OfflineClockModel model = new OfflineClockModel(clock);
        assertEquals("built-in brokers: real time", model.textProperty().get());
        clock.skipTo(Instant.now().plus(Duration.ofMinutes(200)).plusSeconds(30));
        model.refresh();
        assertEquals("built-in brokers: simulated +3 h 20 min", model.textProperty().get());
        assertTrue(model.aheadProperty().get());
    }

    @Test
    void aSkipCountsTheOpenBuiltInOffersItWouldExpire() {
        List<OfferRow> rows = List.of(offer("builtin:cloud", NOW.plusSeconds(300)),
                offer("builtin:budget", NOW.plusSeconds(900)), offer("builtin:green-hpc", NOW.plusSeconds(9000)),
                offer("builtin:cloud", NOW.minusSeconds(10)), offer("remote", NOW.plusSeconds(60)));
        Instant target = NOW.plus(Duration.ofHours(2));
        assertEquals(2, OfflineClockModel.expiredBy(rows, NOW, target).size(),
                "not the one that outlives the move, the one expired already, nor a remote one");
        String q = OfflineClockModel.warning("Running x to its end", rows, NOW, target, HumanTime.UTC);
        assertTrue(q.startsWith("Running x to its end moves the built-in brokers' clock 2 h ahead, to 2026-12-01"
                + " 14:00:00 UTC."), q);
        assertTrue(q.contains("2 open offers from builtin:budget, builtin:cloud expire on the way"), q);
        assertNull(OfflineClockModel.warning("Skipping", rows, NOW, NOW.plusSeconds(60), HumanTime.UTC),
                "nothing to ask when nothing expires");
    }

    @Test
    void afterAResetABuiltInBrokerSchedulesFromTheRealNowAgain() throws Exception {
        ShiftedClock clock = new ShiftedClock(Clock.systemUTC(), Duration.ZERO);
        try (BrokersViewModel brokers = new BrokersViewModel(config, clock)) {
            LocalBroker before = (LocalBroker) brokers.brokerFor("builtin:laptop", "builtin:laptop");
            clock.skipTo(Instant.now().plus(Duration.ofHours(6)));
            before.catchUp(); // the broker has acted six hours ahead
            Duration was = brokers.resetOfflineClock();
            assertTrue(was.compareTo(Duration.ofHours(5)) > 0 && clock.real());
            LocalBroker laptop = (LocalBroker) brokers.brokerFor("builtin:laptop", "builtin:laptop");
            Outcome.Offers answer = (Outcome.Offers) laptop.ask(Fixtures.sample("01-minimal-container.yaml")).join();
            ExecutionSession offer = answer.offerSet().offers().get(0);
            laptop.update(offer.meta().url(), SessionPhase.ACCEPTED);
            Instant end = laptop.plannedEnd(offer.meta().uuid()).orElseThrow();
            assertTrue(end.isBefore(Instant.now().plus(Duration.ofHours(5))), "planned on real time: " + end);
            clock.skipTo(end);
            laptop.catchUp();
            assertEquals(SessionPhase.COMPLETED, laptop.phase(offer.meta().uuid()).orElseThrow(),
                    "its phases fall due by its plan, not six hours later where the broker had been");
        }
    }
}
