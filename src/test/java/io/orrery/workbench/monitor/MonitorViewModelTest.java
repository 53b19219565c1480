package io.orrery.workbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.Fixtures;
import io.orrery.client.ShiftedClock;
import io.orrery.model.PhaseChange;
import io.orrery.client.compare.OfferRow;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.UiThread;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.offers.OffersViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepting, monitoring, cancelling and resuming sessions on the built-in brokers, without the toolkit. */
class MonitorViewModelTest {
    @TempDir
    Path config;

    private final UiThread ui = new UiThread();
    private final ExecutorService work = Executors.newCachedThreadPool();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private BrokersViewModel brokers;

    /** Waits for the work under way (a save of the watch list, say) before the temporary directory is deleted. */
    @AfterEach
    void tearDown() throws InterruptedException {
        work.shutdown();
        work.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        if (brokers != null) {
            brokers.close();
        }
        work.shutdownNow();
        ui.close();
    }

    private MonitorViewModel open(Duration shift) throws Exception {
        if (brokers != null) {
            brokers.close();
        }
        brokers = new BrokersViewModel(config, new ShiftedClock(Clock.systemUTC(), shift));
        return new MonitorViewModel(ui, work, brokers, new WatchFile(config), notes::add);
    }

    private OfferRow firstOffer(String broker) throws Exception {
        OffersViewModel offers = new OffersViewModel(ui, work, brokers.offlineClock());
        ui.call(() -> {
            offers.ask(Fixtures.sample("01-minimal-container.yaml"), List.of(broker),
                    n -> brokers.brokerFor(n, n), o -> { });
            return null;
        });
        ui.await(() -> offers.pendingProperty().get() == 0 && !offers.rows().isEmpty());
        return ui.call(() -> offers.rows().get(0));
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void anAcceptedOfferIsMonitoredToCompletedAndResumedAfterARestart() throws Exception {
        MonitorViewModel monitor = open(Duration.ZERO);
        OfferRow offer = firstOffer("builtin:laptop");
        Watched w = get(monitor.accept(offer.broker(), offer.url(), "sleep-and-exit"));
        assertEquals(SessionPhase.ACCEPTED, w.phaseProperty().get());
        assertEquals(offer.start(), w.start());
        assertEquals(List.of(SessionPhase.CANCELLED), ui.call(() -> List.copyOf(w.actions())));

        int before = ui.call(() -> w.history().size());
        get(monitor.skipAhead(w, false));
        assertTrue(ui.call(() -> w.history().size()) > before, "one step on");
        assertTrue(ui.call(() -> !w.ended()), "one step is not the end");
        get(monitor.skipAhead(w, true));
        assertEquals(SessionPhase.COMPLETED, ui.call(() -> w.phaseProperty().get()));
        // WAITING comes only when the preparation does not start at once
        List<SessionPhase> phases = ui.call(() -> w.history().stream().map(PhaseChange::phase)
                .filter(p -> p != SessionPhase.WAITING).toList());
        assertEquals(List.of(SessionPhase.OFFERED, SessionPhase.ACCEPTED, SessionPhase.PREPARING,
                SessionPhase.AVAILABLE, SessionPhase.RUNNING, SessionPhase.RELEASING, SessionPhase.COMPLETED), phases);
        assertEquals(offer.start(), ui.call(() -> w.history().stream().filter(c -> c.phase() == SessionPhase.RUNNING)
                .findFirst().orElseThrow().at()), "ran exactly when planned");
        assertTrue(notes.stream().anyMatch(n -> n.contains("RELEASING \u2192 COMPLETED")), notes.toString());
        Duration shift = brokers.offlineClock().shift();
        ui.await(() -> Files.readString(config.resolve("monitor.yaml")).contains("COMPLETED"));

        MonitorViewModel again = open(shift);
        get(again.resume());
        Watched back = ui.call(() -> again.sessions().get(0));
        assertEquals(SessionPhase.COMPLETED, back.phaseProperty().get());
        assertEquals(w.url(), back.url());
        assertEquals(w.history().size(), back.history().size());
    }

    @Test
    void aSessionCanBeCancelledAndResumedPollingReadsTheBrokerAgain() throws Exception {
        MonitorViewModel monitor = open(Duration.ZERO);
        OfferRow offer = firstOffer("builtin:cloud");
        Watched w = get(monitor.accept(offer.broker(), offer.url(), "sleep-and-exit"));
        get(monitor.cancel(w));
        assertEquals(SessionPhase.CANCELLED, ui.call(() -> w.phaseProperty().get()));
        assertTrue(ui.call(() -> w.actions().isEmpty()));

        Watched other = get(monitor.accept(firstOffer("builtin:budget").broker(), firstOffer("builtin:budget").url(), "x"));
        ui.await(() -> Files.exists(config.resolve("monitor.yaml"))
                && Files.readString(config.resolve("monitor.yaml")).contains(other.url()));
        MonitorViewModel again = open(brokers.offlineClock().shift());
        get(again.resume());
        assertEquals(2, ui.call(() -> again.sessions().size()));
        Watched back = ui.call(() -> again.sessions().stream().filter(x -> x.url().equals(other.url())).findFirst()
                .orElseThrow());
        assertTrue(List.of(SessionPhase.ACCEPTED, SessionPhase.WAITING).contains(back.phaseProperty().get()),
                "read from the built-in broker's own store: " + back.phaseProperty().get());
        get(again.cancel(back));
        assertEquals(SessionPhase.CANCELLED, ui.call(() -> back.phaseProperty().get()));
    }

    @Test
    void aDamagedListIsSetAsideAndSaid() throws Exception {
        Files.writeString(config.resolve("monitor.yaml"), "sessions: [ {broker: x, phase: NOT_A_PHASE} ]");
        MonitorViewModel monitor = open(Duration.ZERO);
        get(monitor.resume());
        assertTrue(Files.exists(config.resolve("monitor.yaml.damaged")));
        assertTrue(notes.stream().anyMatch(n -> n.contains("monitor.yaml.damaged")), notes.toString());
    }
}
