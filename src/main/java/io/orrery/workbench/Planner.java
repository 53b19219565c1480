package io.orrery.workbench;

import io.orrery.client.ShiftedClock;
import io.orrery.client.compare.OfferRow;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.SessionPhase;
import io.orrery.model.codec.Format;
import io.orrery.model.codec.WireCodec;
import io.orrery.workbench.brokers.BrokerEntry;
import io.orrery.workbench.brokers.BrokersController;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.event.BrokerAnswered;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.editor.EditorViewModel;
import io.orrery.workbench.library.Settings;
import io.orrery.workbench.monitor.MonitorView;
import io.orrery.workbench.monitor.MonitorViewModel;
import io.orrery.workbench.monitor.WatchFile;
import io.orrery.workbench.offers.OffersView;
import io.orrery.workbench.offers.OffersViewModel;
import io.orrery.workbench.timeline.Marker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;

/**
 * The second half of the window: the brokers pane, Ask and compare (table and timeline), Accept, and the monitor,
 * wired to their view-models; a one-second tick for countdowns and expiry warnings, polling of monitored sessions,
 * and desktop-style notifications. Broker calls run on their own threads, never on the JavaFX thread.
 */
public final class Planner {
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Stage stage;
    private final Settings settings;
    private final MainViewModel main;
    private final EditorViewModel editor;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> Workbench.daemon(r, "orrery-brokers"));
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> Workbench.daemon(r, "orrery-poll"));
    private final ShiftedClock offlineClock;
    private final EventBus bus;
    private final BrokersController brokersController;
    private final BrokersViewModel brokers;
    private final OffersViewModel offers;
    private final MonitorViewModel monitor;
    private final OffersView offersView;
    private final MonitorView monitorView;
    private final io.orrery.workbench.whatif.WhatIfViewModel whatIf;
    private final TabPane tabs = new TabPane();
    private final Tab monitorTab;
    private final Timeline tick;
    private Consumer<String> linkOpener = this::copyLink;

    public Planner(Stage stage, Path configDir, Settings settings, MainViewModel main, EditorViewModel editor,
                   EventBus bus, io.orrery.workbench.feature.StatusLine status) {
        this.stage = stage;
        this.settings = settings;
        this.main = main;
        this.editor = editor;
        this.bus = bus;
        brokersController = new BrokersController(configDir, settings, io, bus, status);
        brokersController.activate();
        brokers = brokersController.model();
        offlineClock = brokers.offlineClock();
        // the display runs on real time; each built-in broker's offers are judged by the offline clock they came from
        offers = new OffersViewModel(Platform::runLater, io, Clock.systemUTC(), brokers::clockFor);
        monitor = new MonitorViewModel(Platform::runLater, io, brokers, new WatchFile(configDir), this::notifyUser);
        offersView = new OffersView(offers, new OffersView.Actions(this::ask, this::stop, this::accept, this::reject));
        monitorView = new MonitorView(monitor, Clock.systemUTC()::instant, url -> linkOpener.accept(url), main::say);
        whatIf = new io.orrery.workbench.whatif.WhatIfViewModel(Platform::runLater, io);
        offersView.ghosts(whatIf.ghostLanes(), whatIf.ghostBars());
        Tab offersTab = new Tab("Offers", offersView.root());
        monitorTab = new Tab("Monitor", monitorView.root());
        Tab whatIfTab = new Tab("What-if", new io.orrery.workbench.whatif.WhatIfView(whatIf, this::currentRequest).root());
        offersTab.setClosable(false);
        monitorTab.setClosable(false);
        whatIfTab.setClosable(false);
        tabs.setId("planTabs");
        tabs.getTabs().setAll(offersTab, monitorTab, whatIfTab);
        tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> everySecond()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        everySecond();
        poller.scheduleWithFixedDelay(() -> Platform.runLater(monitor::pollAll), POLL.toMillis(), POLL.toMillis(),
                TimeUnit.MILLISECONDS);
        monitor.resume();
    }

    /** Opens connector links with the desktop's browser (the default copies them to the clipboard). */
    public void openLinksWith(Consumer<String> opener) {
        this.linkOpener = opener;
    }

    /** Checks only the built-in brokers, for a demonstration, without remembering it as the user's choice. */
    public void checkBuiltInOnly() {
        brokersController.checkBuiltInOnly();
    }

    public Node brokersPane() {
        return brokersController.view();
    }

    public Node tabs() {
        return tabs;
    }

    public BrokersViewModel brokers() {
        return brokers;
    }

    public OffersViewModel offers() {
        return offers;
    }

    public MonitorViewModel monitor() {
        return monitor;
    }

    public io.orrery.workbench.whatif.WhatIfViewModel whatIf() {
        return whatIf;
    }

    public OffersView offersView() {
        return offersView;
    }

    public BrokersController brokersController() {
        return brokersController;
    }

    private void everySecond() {
        offersView.tick();
        monitorView.tick();
        List<Marker> ahead = offlineClock.shift().isZero() ? List.of()
                : List.of(new Marker(offlineClock.instant(), "built-in brokers' now ("
                        + offlineClock.shift().withNanos(0) + " ahead)"));
        offersView.markers(ahead);
        monitorView.markers(ahead);
        offers.expiryWarnings().forEach(this::notifyUser);
    }

    /** The editor's task as a request, or empty (the status line then says why it cannot be sent). */
    public java.util.Optional<ExecutionRequest> currentRequest() {
        if (!editor.sendableProperty().get()) {
            main.say("Cannot send the task yet: " + (editor.problems().stream().anyMatch(f -> f.isError())
                    ? "fix the problems listed under the editor first" : "the task still has template placeholders"
                    + " (or is not readable)"));
            return java.util.Optional.empty();
        }
        try {
            String text = editor.textProperty().get();
            return java.util.Optional.of(WireCodec.readAs(text, Format.guess(editor.fileProperty().get(), text),
                    ExecutionRequest.class));
        } catch (RuntimeException e) {
            main.say("Cannot read the task: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** Sends the editor's task to the checked brokers; refuses, saying why, when the task cannot be sent. */
    public void ask() {
        List<String> names = brokers.checked().stream().map(BrokerEntry::name).toList();
        if (names.isEmpty()) {
            main.say("Check at least one broker in the brokers pane");
            return;
        }
        var current = currentRequest();
        if (current.isEmpty()) {
            return;
        }
        ExecutionRequest request = current.get();
        main.say("Asking " + names.size() + " broker(s)\u2026");
        offers.ask(request, names, n -> brokers.brokerFor(n, n), o -> {
            bus.publish(new BrokerAnswered(o, Clock.systemUTC().instant()));
            if (offers.pendingProperty().get() == 0) {
                main.say(offers.rows().size() + " offers from " + names.size() + " broker(s); "
                        + offers.refusals().size() + " without offers");
            }
        });
    }

    private void stop() {
        offers.cancel();
        main.say("Stopped waiting for the brokers that had not answered");
    }

    /** Accepts an offer; its session moves to the monitor. Completes with the outcome (or the refusal). */
    public CompletableFuture<Void> accept(OfferRow row) {
        if (row == null) {
            return CompletableFuture.completedFuture(null);
        }
        String name = offers.session(row.uuid()).map(s -> s.executable() != null && s.executable().meta() != null
                && s.executable().meta().name() != null ? s.executable().meta().name() : row.name()).orElse(row.name());
        main.say("Accepting the offer from " + row.broker() + "\u2026");
        // the busy indicator ends with the accept, however it ends (a refusal, a broker that threw, cancelled)
        return main.busyWhile("Cannot accept", () -> monitor.accept(row.broker(), row.url(),
                name == null ? "session" : name), Platform::runLater).thenAccept(w -> {
                    if (w.isPresent()) {
                        offers.resolved(row.broker());
                        tabs.getSelectionModel().select(monitorTab);
                    }
                });
    }

    private void reject(OfferRow row) {
        if (row == null) {
            return;
        }
        CompletableFuture.supplyAsync(() -> brokers.brokerFor(row.broker(), row.url()).update(row.url(),
                SessionPhase.REJECTED), io).whenComplete((r, e) -> Platform.runLater(() -> {
                    if (e != null) {
                        main.say("Cannot reject: " + MainViewModel.reason(e));
                    } else {
                        offers.gone(row.uuid());
                        main.say("Rejected the offer from " + row.broker());
                    }
                }));
    }

    /** A notification in the corner of the window, and the same words in the status bar. */
    private void notifyUser(String message) {
        main.say(message);
        if (stage.isShowing()) {
            // at most three at once: beyond that one summary, so a burst of changes never buries the window
            Notifications.create().owner(stage).title("Orrery").text(message).position(Pos.BOTTOM_RIGHT)
                    .hideAfter(javafx.util.Duration.seconds(5))
                    .threshold(3, Notifications.create().owner(stage).title("Orrery")
                            .text("Several changes at once: the Monitor tab and the status line have them all")
                            .position(Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(5)))
                    .showInformation();
        }
    }

    private void copyLink(String url) {
        ClipboardContent c = new ClipboardContent();
        c.putString(url);
        Clipboard.getSystemClipboard().setContent(c);
        main.say("Copied " + url);
    }

    /**
     * Stops the timers and the broker threads, remembers the offline clock, closes the built-in brokers (after
     * pending saves); completes once they are closed.
     */
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        brokersController.remember();
        brokersController.deactivate();
        tick.stop();
        poller.shutdownNow();
        io.shutdown();
        // let queued saves finish (up to two seconds) off the JavaFX thread, then close the built-in brokers' stores;
        // not a daemon, so the process waits for it
        Thread closing = new Thread(() -> {
            try {
                io.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                brokers.close();
            } finally {
                closed.complete(null);
            }
        }, "orrery-closing");
        closing.start();
        return closed;
    }
}
