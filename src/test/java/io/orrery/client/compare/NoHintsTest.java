package io.orrery.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.BrokerError;
import io.orrery.client.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When every broker says NO, the hint that keeps the request's window comes first, errors last. */
class NoHintsTest {
    private static Outcome no(String broker, String... reasons) {
        return new Outcome.No(broker, null, List.of(reasons), Duration.ZERO);
    }

    @Test
    void theMostUsefulHintComesFirst() {
        List<Outcome> all = List.of(
                new Outcome.Failed("remote", new BrokerError(BrokerError.Kind.UNREACHABLE, 0, "connection refused"),
                        Duration.ZERO),
                no("builtin:laptop", "Minimum cores 32 exceeds the largest session here, 8"),
                no("builtin:budget", "Nothing fits between 12:00 and 13:00: the platform is full",
                        "Earliest start after your window: 2027-03-01T13:00:00Z"),
                no("builtin:cloud", "Preparation here needs PT1H32M38S (staging)", "Fits in your window with 2 cores"));
        assertTrue(NoHints.allSaidNo(all));
        List<String> order = NoHints.of(all).stream().map(h -> h.broker() + ": " + h.text()).toList();
        assertEquals(List.of("builtin:cloud: Fits in your window with 2 cores",
                "builtin:budget: Earliest start after your window: 2027-03-01T13:00:00Z",
                "builtin:cloud: Preparation here needs PT1H32M38S (staging)",
                "builtin:budget: Nothing fits between 12:00 and 13:00: the platform is full",
                "builtin:laptop: Minimum cores 32 exceeds the largest session here, 8",
                "remote: failed: connection refused"), order);
    }

    @Test
    void notAllNoWhileAnyBrokerOffersOrNoneAnswered() {
        assertFalse(NoHints.allSaidNo(List.of()));
        assertFalse(NoHints.allSaidNo(List.of(no("a", "x"), new Outcome.Offers("b", null, List.of(), Duration.ZERO))));
    }
}
