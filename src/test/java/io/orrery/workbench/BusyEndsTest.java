package io.orrery.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.client.ShiftedClock;
import io.orrery.client.BreakableClock;
import io.orrery.client.compare.OfferRow;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.monitor.MonitorViewModel;
import io.orrery.workbench.monitor.WatchFile;
import io.orrery.workbench.monitor.Watched;
import io.orrery.workbench.offers.OffersViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No busy indicator outlives its work, without the toolkit: an accept on a broker that throws, and work that
 * fails, is cancelled or cannot even start, all end it and say why.
 */
class BusyEndsTest {
    @TempDir
    Path config;

    private final UiThread ui = new UiThread();
    private final ExecutorService work = Executors.newCachedThreadPool();
    private BrokersViewModel brokers;

    @AfterEach
    void tearDown() {
        if (brokers != null) {
            brokers.close();
        }
        work.shutdownNow();
        ui.close();
    }

    @Test
    void anAcceptOnABrokerThatThrowsEndsTheBusyIndicatorAndSaysWhy() throws Exception {
        BreakableClock clock = new BreakableClock();
        brokers = new BrokersViewModel(config, new ShiftedClock(clock, Duration.ZERO));
        List<String> notes = new CopyOnWriteArrayList<>();
        MonitorViewModel monitor = new MonitorViewModel(ui, work, brokers, new WatchFile(config), notes::add);
        OffersViewModel offers = new OffersViewModel(ui, work, Clock.systemUTC(), brokers::clockFor);
        ui.call(() -> {
            offers.ask(Fixtures.sample("01-minimal-container.yaml"), List.of("builtin:laptop"),
                    n -> brokers.brokerFor(n, n), o -> { });
            return null;
        });
        ui.await(() -> offers.pendingProperty().get() == 0 && !offers.rows().isEmpty());
        OfferRow row = ui.call(() -> offers.rows().get(0));
        MainViewModel main = ui.call(MainViewModel::new);

        clock.breakWith(new IllegalStateException("the broker's store is gone"));
        CompletableFuture<Optional<Watched>> accepted = ui.call(() -> main.busyWhile("Cannot accept",
                () -> monitor.accept(row.broker(), row.url(), "x"), ui));

        assertEquals(Optional.empty(), accepted.get(20, TimeUnit.SECONDS));
        assertEquals(0, ui.call(() -> main.busyProperty().get()), "the busy indicator ended with the accept");
        assertEquals("Cannot accept: the broker's store is gone", ui.call(() -> main.statusProperty().get()));
        assertTrue(ui.call(() -> monitor.sessions().isEmpty()), "nothing is monitored");
    }

    @Test
    void busyLastsAsLongAsTheWorkAndEndsHoweverItEnds() {
        MainViewModel main = new MainViewModel();
        java.util.concurrent.Executor now = Runnable::run;

        CompletableFuture<String> failing = new CompletableFuture<>();
        CompletableFuture<Optional<String>> a = main.busyWhile("Cannot save", () -> failing, now);
        assertEquals(1, main.busyProperty().get(), "busy while the work runs");
        failing.completeExceptionally(new java.util.concurrent.CompletionException(new NullPointerException()));
        assertEquals(Optional.empty(), a.join());
        assertEquals(0, main.busyProperty().get());
        assertEquals("Cannot save: NullPointerException", main.statusProperty().get(), "never just 'null'");

        CompletableFuture<String> stopped = new CompletableFuture<>();
        main.busyWhile("Cannot accept", () -> stopped, now);
        assertEquals(1, main.busyProperty().get());
        stopped.cancel(true);
        assertEquals(0, main.busyProperty().get(), "a cancelled task ends its busy indicator too");
        assertEquals("Cannot accept: stopped before it finished", main.statusProperty().get());

        main.busyWhile("Cannot accept", () -> {
            throw new RejectedExecutionException("no thread to run it on");
        }, now);
        assertEquals(0, main.busyProperty().get(), "work that never started ends it at once");
        assertEquals("Cannot accept: no thread to run it on", main.statusProperty().get());

        main.say("before");
        assertEquals(Optional.of("done"), main.busyWhile("Cannot x", () -> CompletableFuture.completedFuture("done"),
                now).join());
        assertEquals(0, main.busyProperty().get());
        assertEquals("before", main.statusProperty().get(), "success says nothing of its own");
    }
}
