package io.orrery.workbench.monitor;

import io.orrery.client.compare.OfferRow;
import io.orrery.workbench.MainViewModel;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.event.AcceptOffer;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.OfferAccepted;
import io.orrery.workbench.event.OfflineClockMoved;
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

    private final MonitorViewModel model;
    private final MonitorView view;
    private final BrokersViewModel brokers;
    private final EventBus bus;
    private final StatusLine status;
    private Consumer<String> linkOpener = this::copyLink;

    public MonitorController(Path configDir, BrokersViewModel brokers, Executor io, EventBus bus, StatusLine status) {
        this.brokers = brokers;
        this.bus = bus;
        this.status = status;
        model = new MonitorViewModel(Platform::runLater, io, brokers, new WatchFile(configDir), status::notice);
        view = new MonitorView(model, Clock.systemUTC()::instant, new MonitorView.Actions(
                w -> act(w, model::cancel, "Cancelling"),
                w -> skip(w, false), w -> skip(w, true),
                model::forget, url -> linkOpener.accept(url)));
        model.resume();
    }

    @Override
    protected void onActivate(Pins pins) {
        view.bind(pins);
        pins.add(bus.subscribe(AcceptOffer.class, this::accept));
        pins.add(bus.subscribe(Tick.class, t -> {
            view.tick();
            view.markers(ClockMarkers.ahead(brokers.offlineClock()));
        }));
        Timeline polling = new Timeline(new KeyFrame(POLL, e -> model.pollAll()));
        polling.setCycleCount(Animation.INDEFINITE);
        polling.play();
        pins.onRelease(polling::stop);
    }

    public MonitorViewModel model() {
        return model;
    }

    public Node view() {
        return view.root();
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

    private void skip(Watched w, boolean toEnd) {
        act(w, s -> model.skipAhead(s, toEnd).whenComplete((v, e) ->
                bus.publish(new OfflineClockMoved(brokers.offlineClock().shift()))),
                toEnd ? "Running to the end" : "Skipping the offline clock ahead for");
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
