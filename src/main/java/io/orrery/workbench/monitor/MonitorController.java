package io.orrery.workbench.monitor;

import io.orrery.client.compare.OfferRow;
import io.orrery.workbench.MainViewModel;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.event.AcceptOffer;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.OfferAccepted;
import io.orrery.workbench.event.OfflineClockMoved;
import io.orrery.workbench.event.OffersListed;
import io.orrery.workbench.event.TimeShown;
import io.orrery.workbench.clock.OfflineClockModel;
import io.orrery.client.text.HumanTime;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import io.orrery.workbench.event.Tick;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.timeline.ClockMarkers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The monitor: accepts the offers the offers table asks it to ({@link AcceptOffer}) and says so
 * ({@link OfferAccepted}); follows the sessions (resumed from the last run, read again every two seconds while
 * active), cancels, skips the built-in brokers' clock ahead (and says so: {@link OfflineClockMoved}), forgets, and
 * opens connector links. Phase changes are noticed in the status line and the window's corner.
 */
public final class MonitorController extends Controller {
    private static final javafx.util.Duration POLL = javafx.util.Duration.seconds(2);
    private static final javafx.util.Duration LOG_POLL = javafx.util.Duration.millis(500);

    private final MonitorViewModel model;
    private final MonitorView view;
    private final OutputsViewModel outputs;
    private final OutputsView outputsView;
    private final BrokersViewModel brokers;
    private final EventBus bus;
    private final StatusLine status;
    private Consumer<String> linkOpener = this::copyLink;
    private Predicate<String> confirm = this::askUser;
    private HumanTime time = HumanTime.UTC;

    public MonitorController(Path configDir, BrokersViewModel brokers, Executor io, EventBus bus, StatusLine status) {
        this.brokers = brokers;
        this.bus = bus;
        this.status = status;
        model = new MonitorViewModel(Platform::runLater, io, brokers, new WatchFile(configDir), status::notice);
        view = new MonitorView(model, Clock.systemUTC()::instant, new MonitorView.Actions(
                w -> act(w, model::cancel, "Cancelling"),
                w -> skip(w, false), w -> skip(w, true),
                model::forget, url -> linkOpener.accept(url), brokers::simulatedClock));
        outputs = new OutputsViewModel(Platform::runLater, io, brokers::brokerFor, status::say);
        outputsView = new OutputsView(outputs);
        model.resume();
    }

    @Override
    protected void onActivate(Pins pins) {
        view.bind(pins);
        pins.add(bus.subscribe(AcceptOffer.class, this::accept));
        bus.last(TimeShown.class).ifPresent(t -> shown(t.time()));
        pins.add(bus.subscribe(TimeShown.class, t -> shown(t.time())));
        pins.add(bus.subscribe(OfflineClockMoved.class, m -> {
            view.markers(ClockMarkers.ahead(brokers.offlineClock()));
            view.refresh();
        }));
        pins.add(bus.subscribe(Tick.class, t -> {
            view.tick();
            view.markers(ClockMarkers.ahead(brokers.offlineClock()));
        }));
        Timeline polling = new Timeline(new KeyFrame(POLL, e -> model.pollAll()));
        polling.setCycleCount(Animation.INDEFINITE);
        polling.play();
        pins.onRelease(polling::stop);
        bindOutputs(pins);
    }

    /** The selected session's live log and outputs: followed while it is selected, read every half second. */
    private void bindOutputs(Pins pins) {
        outputsView.bind(pins);
        outputs.follow(model.selectedProperty().get());
        pins.listen(model.selectedProperty(), (o, was, w) -> {
            outputs.follow(w);
            if (w != null && w.ended() && w.outputs().isEmpty()) {
                model.poll(w); // an ended session resumed from the last run is not polled: list what it left
            }
        });
        view.beside(outputsView.root(), outputs.availableProperty().get());
        pins.listen(outputs.availableProperty(), (o, was, on) -> view.beside(outputsView.root(), on));
        Timeline reading = new Timeline(new KeyFrame(LOG_POLL, e -> outputs.poll()));
        reading.setCycleCount(Animation.INDEFINITE);
        reading.play();
        pins.onRelease(() -> {
            reading.stop();
            outputs.follow(null);
            view.beside(outputsView.root(), false);
        });
    }

    /** The selected session's log and outputs (its view-model). */
    public OutputsViewModel outputs() {
        return outputs;
    }

    /** The selected session's log and outputs (its view, to choose where outputs are saved in a test). */
    public OutputsView outputsView() {
        return outputsView;
    }

    private void shown(HumanTime t) {
        time = t;
        view.time(t);
    }

    public MonitorViewModel model() {
        return model;
    }

    public Node view() {
        return view.root();
    }

    /** The monitor's view (its timeline, to save as a picture). */
    public MonitorView monitorView() {
        return view;
    }

    /** Opens connector links with the desktop's browser (the default copies them to the clipboard). */
    public void openLinksWith(Consumer<String> opener) {
        this.linkOpener = opener;
    }

    /** Accepts the offer, with the busy indicator on until the broker has answered however it answers. */
    private void accept(AcceptOffer a) {
        OfferRow row = a.offer();
        status.say("Accepting the offer from " + row.broker() + "\u2026");
        status.busyWhile("Cannot accept", () -> model.accept(row.broker(), row.url(), a.name()))
                .thenAccept(w -> w.ifPresent(s -> bus.publish(new OfferAccepted(row.broker(), row.uuid(), s.url()))));
    }

    /** Asks before moving the clock when the move would expire offers on show (the question states how many). */
    public void confirmWith(Predicate<String> asker) {
        this.confirm = asker;
    }

    /**
     * Moves the built-in brokers' clock for one session: to its next planned change, or its end. When that expires
     * open offers of built-in brokers on show, the user is asked first, told how many and whose.
     */
    private void skip(Watched w, boolean toEnd) {
        String what = toEnd ? "Running " + w.name() + " to its end" : "Skipping " + w.name() + " to its next change";
        model.skipTarget(w, toEnd).whenComplete((target, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.say(w.name() + ": " + MainViewModel.reason(e));
                return;
            }
            if (target.isEmpty()) {
                status.say(w.name() + " has no planned change left");
                view.refresh();
                return;
            }
            List<OfferRow> shown = bus.last(OffersListed.class).map(OffersListed::rows).orElse(List.of());
            String question = OfflineClockModel.warning(what, shown, brokers.offlineClock().instant(), target.get(),
                    time);
            if (question != null && !confirm.test(question)) {
                status.say("Left the built-in brokers' clock where it was");
                return;
            }
            act(w, s -> model.skipTo(s, target.get()).whenComplete((v, x) ->
                    bus.publish(new OfflineClockMoved(brokers.offlineClock().shift()))),
                    toEnd ? "Running to the end" : "Skipping the built-in brokers' clock ahead for");
        }));
    }

    private boolean askUser(String question) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        a.setTitle("Move the built-in brokers' clock?");
        a.setHeaderText("This expires offers you have not accepted");
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.OK)).setText("Move the clock");
        a.getDialogPane().setId("skipConfirmation");
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (view.root().getScene() != null) {
            a.initOwner(view.root().getScene().getWindow());
        }
        return a.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private void act(Watched w, Function<Watched, CompletableFuture<Void>> f, String what) {
        status.say(what + " " + w.name() + " on " + w.broker() + "\u2026");
        f.apply(w).whenComplete((v, e) -> Platform.runLater(() -> {
            if (e != null) {
                status.say(w.name() + ": " + MainViewModel.reason(e));
            }
            view.refresh();
        }));
    }

    private void copyLink(String url) {
        ClipboardContent c = new ClipboardContent();
        c.putString(url);
        Clipboard.getSystemClipboard().setContent(c);
        status.say("Copied " + url);
    }
}
