package io.orrery.workbench.offers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.client.ShiftedClock;
import io.orrery.client.compare.OfferRow;
import io.orrery.workbench.OnFx;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.GhostsChanged;
import io.orrery.workbench.event.OfferAccepted;
import io.orrery.workbench.event.OfferPicked;
import io.orrery.workbench.event.OfflineClockMoved;
import io.orrery.workbench.event.TimeShown;
import io.orrery.workbench.event.TaskChanged;
import io.orrery.workbench.event.Tick;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Lane;
import io.orrery.workbench.timeline.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The offers feature on its own, headless: the editor's task reaches Ask through the bus; while active the view
 * follows the view-model and the events, and once deactivated it holds no listener, binding or subscription, and
 * changing the view-model or publishing no longer reaches the view, until it is activated again.
 */
@ExtendWith(ApplicationExtension.class)
class OffersControllerFxTest {
    private static final List<Class<? extends Record>> HEARD = List.of(TaskChanged.class, Tick.class,
            OfferAccepted.class, GhostsChanged.class, OfflineClockMoved.class, OfferPicked.class, TimeShown.class);

    @TempDir
    static Path config;

    private final ExecutorService io = Executors.newCachedThreadPool();
    private final EventBus bus = EventBus.onFxThread();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private BrokersViewModel brokers;
    private OffersController offers;

    /** Says into a list; no busy indicator. */
    private final StatusLine status = new StatusLine() {
        @Override
        public void say(String message) {
            said.add(message);
        }

        @Override
        public void notice(String message) {
            said.add(message);
        }

        @Override
        public void busyStart() {
        }

        @Override
        public void busyEnd() {
        }

        @Override
        public <T> CompletableFuture<Optional<T>> busyWhile(String failing, Supplier<CompletableFuture<T>> work) {
            return work.get().thenApply(Optional::ofNullable);
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        brokers = new BrokersViewModel(Files.createTempDirectory(config, "run"),
                new ShiftedClock(Clock.systemUTC(), Duration.ZERO));
        brokers.entries().forEach(e -> e.checkedProperty().set(e.name().equals("builtin:cloud")));
        offers = new OffersController(brokers, io, bus, status);
        offers.activate();
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(offers.view().root()), 1000, 600));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        OnFx.run(offers::deactivate);
        io.shutdownNow();
        brokers.close();
    }

    private void askTheCloud() throws Exception {
        String text = Files.readString(Path.of("sample-tasks", "01-minimal-container.yaml"));
        OnFx.run(() -> {
            bus.publish(new TaskChanged(text, null, null));
            offers.ask();
        });
        OnFx.await(Duration.ofSeconds(20), "the cloud's offers", () -> offers.model().pendingProperty().get() == 0
                && !offers.model().rows().isEmpty());
    }

    private static GhostsChanged ghost(String id) {
        Instant t = Instant.now().plus(Duration.ofHours(1));
        return new GhostsChanged(List.of(new Lane(id, "what-if: x", "ghost", Lane.Kind.GHOST, null)),
                List.of(new Bar(id, id, List.of(new Span(t, t.plus(Duration.ofHours(2)), Span.Kind.AVAILABLE)),
                        null, "what-if", "a ghost", false)));
    }

    private boolean drawn(String barId) throws Exception {
        return OnFx.call(() -> offers.view().chart().layoutOfLanes().bar(barId).isPresent());
    }

    @Test
    void askSendsTheTaskTheEditorPublishedAndRefusesWithoutOne() throws Exception {
        OnFx.run(offers::ask);
        assertTrue(said.stream().anyMatch(s -> s.startsWith("Cannot send the task yet: the task has not been read")),
                said.toString());
        OnFx.run(() -> {
            bus.publish(new TaskChanged("executable: {}", null, "fix the problems listed under the editor first"));
            offers.ask();
        });
        assertTrue(said.contains("Cannot send the task yet: fix the problems listed under the editor first"),
                said.toString());
        assertEquals("Brokers that say NO are listed here, with their reasons", refusalsPlaceholder(),
                "before any answer, the NO list does not claim that every broker made offers");
        askTheCloud();
        assertTrue(OnFx.call(() -> offers.model().rows().stream().allMatch(r -> r.broker().equals("builtin:cloud"))));
        assertEquals("Every broker asked made offers", refusalsPlaceholder());
    }

    private String refusalsPlaceholder() throws Exception {
        return OnFx.call(() -> ((javafx.scene.control.Label) ((javafx.scene.control.ListView<?>) offers.view().root()
                .lookup("#refusalsList")).getPlaceholder()).getText());
    }

    private Instant expiryDrawn(OfferRow r) throws Exception {
        return OnFx.call(() -> offers.view().chart().layoutOfLanes().bar(r.uuid()).orElseThrow().expires());
    }

    @Test
    void aMoveOfTheBuiltInBrokersClockRedrawsTheirOffers() throws Exception {
        askTheCloud();
        OfferRow first = OnFx.call(() -> offers.model().rows().get(0));
        Instant before = expiryDrawn(first);
        brokers.offlineClock().skipTo(brokers.offlineClock().instant().plus(Duration.ofHours(3)));
        assertEquals(before, expiryDrawn(first), "nothing redraws by itself");
        OnFx.run(() -> bus.publish(new OfflineClockMoved(brokers.offlineClock().shift())));
        Instant after = expiryDrawn(first);
        Duration moved = Duration.between(after, before);
        assertTrue(moved.compareTo(Duration.ofMinutes(179)) > 0 && moved.compareTo(Duration.ofMinutes(181)) < 0,
                "its expiry is drawn three hours earlier, on the chart's real-time clock: " + moved);
    }

    @Test
    void deactivatedTheViewNoLongerFollowsTheModelNorTheEventsUntilActivatedAgain() throws Exception {
        askTheCloud();
        OfferRow first = OnFx.call(() -> offers.model().rows().get(0));
        OfferRow last = OnFx.call(() -> offers.model().rows().get(offers.model().rows().size() - 1));
        OnFx.run(() -> offers.model().selectedProperty().set(first));
        assertEquals(first, OnFx.call(() -> offers.view().table().getSelectionModel().getSelectedItem()));
        OnFx.run(() -> bus.publish(ghost("ghost:1")));
        assertTrue(drawn("ghost:1"), "a what-if ghost reaches the timeline");
        assertTrue(OnFx.call(offers::pinned) > 0);
        for (Class<? extends Record> type : HEARD) {
            assertEquals(1, bus.subscribers(type), type.getSimpleName());
        }

        OnFx.run(offers::deactivate);
        assertEquals(0, (int) OnFx.call(offers::pinned), "every listener, binding and subscription let go");
        for (Class<? extends Record> type : HEARD) {
            assertEquals(0, bus.subscribers(type), type.getSimpleName());
        }
        assertTrue(OnFx.call(() -> offers.view().table().getItems().isEmpty()), "the table no longer shows the rows");
        OnFx.run(() -> {
            offers.model().selectedProperty().set(last);
            bus.publish(ghost("ghost:2"));
        });
        assertNull(OnFx.call(() -> offers.view().table().getSelectionModel().getSelectedItem()),
                "a selection in the model no longer reaches the table");
        assertEquals(first.uuid(), OnFx.call(() -> offers.view().chart().selectedProperty().get()),
                "nor the timeline");
        assertFalse(drawn("ghost:2"), "nor does an event");
        OnFx.run(() -> {
            offers.view().chart().selectedProperty().set(null);
            offers.view().chart().selectedProperty().set(first.uuid());
        });
        assertEquals(last, OnFx.call(() -> offers.model().selectedProperty().get()),
                "and the timeline's selection no longer reaches the model");

        OnFx.run(offers::activate);
        assertEquals(OnFx.call(() -> offers.model().rows().size()),
                OnFx.call(() -> offers.view().table().getItems().size()), "active again, it shows the rows");
        assertEquals(last, OnFx.call(() -> offers.view().table().getSelectionModel().getSelectedItem()));
        OnFx.run(() -> offers.model().selectedProperty().set(null));
        assertNull(OnFx.call(() -> offers.view().table().getSelectionModel().getSelectedItem()));
        OnFx.run(() -> bus.publish(ghost("ghost:3")));
        assertTrue(drawn("ghost:3"));
    }
}
