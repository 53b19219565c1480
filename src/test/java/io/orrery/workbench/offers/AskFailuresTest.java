package io.orrery.workbench.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.Fixtures;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.client.BreakableClock;
import io.orrery.client.Broker;
import io.orrery.client.LocalBroker;
import io.orrery.workbench.UiThread;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An ask never waits on a broker that threw: it ends (the waiting indicator goes) and the failures are listed. */
class AskFailuresTest {
    private final UiThread ui = new UiThread();
    private final ExecutorService work = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        work.shutdownNow();
        ui.close();
    }

    @Test
    void aBrokerWhoseCoreThrowsAndOneThatCannotBeOpenedAreFailuresAndTheAskEnds() throws Exception {
        BreakableClock clock = new BreakableClock();
        try (LocalBroker throwing = new LocalBroker("builtin:laptop", PlatformCatalog.load("laptop"), clock)) {
            clock.breakWith(new IllegalStateException("the clock stopped"));
            Function<String, Broker> open = n -> {
                if (n.equals("builtin:laptop")) {
                    return throwing;
                }
                throw new UncheckedIOException("offline/cloud: disk full", new java.io.IOException("No space left on device"));
            };
            OffersViewModel offers = new OffersViewModel(ui, work, Clock.systemUTC());
            ui.call(() -> {
                offers.ask(Fixtures.sample("01-minimal-container.yaml"), List.of("builtin:laptop", "builtin:cloud"),
                        open, o -> { });
                return null;
            });
            ui.await(() -> offers.pendingProperty().get() == 0);
            assertEquals(List.of("builtin:cloud failed: cannot open the broker: offline/cloud: disk full",
                    "builtin:laptop failed: the built-in broker failed: the clock stopped"),
                    ui.call(() -> offers.refusals().stream().map(Refusal::text).sorted().toList()));
            assertEquals(0, ui.call(() -> offers.rows().size()));
        }
    }

    @Test
    void anAskWithNoThreadToRunOnEndsAtOnce() throws Exception {
        OffersViewModel offers = new OffersViewModel(Runnable::run, r -> {
            throw new RejectedExecutionException("the window is closing");
        }, Clock.systemUTC());
        offers.ask(Fixtures.sample("01-minimal-container.yaml"), List.of("builtin:laptop"), n -> null, o -> { });
        assertEquals(0, offers.pendingProperty().get());
        assertEquals(List.of("builtin:laptop failed: cannot open the broker: the window is closing"),
                offers.refusals().stream().map(Refusal::text).toList());
    }
}
