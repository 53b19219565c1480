package io.orrery.workbench.offers;

import io.orrery.client.compare.OfferRow;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.MainViewModel;
import io.orrery.workbench.brokers.BrokerEntry;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.event.AcceptOffer;
import io.orrery.workbench.event.BrokerAnswered;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.GhostsChanged;
import io.orrery.workbench.event.OfferAccepted;
import io.orrery.workbench.event.OfflineClockMoved;
import io.orrery.workbench.event.TaskChanged;
import io.orrery.workbench.event.Tick;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.timeline.ClockMarkers;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Ask and compare: sends the editor's task ({@link TaskChanged}) to the checked brokers, stops waiting, asks the
 * monitor to accept an offer ({@link AcceptOffer}) and drops the broker's other offers once it has
 * ({@link OfferAccepted}), rejects; draws what-if ghosts ({@link GhostsChanged}) and redraws when the built-in
 * brokers' clock moves ({@link OfflineClockMoved}); every second moves the countdowns on and warns of offers about
 * to expire. Broker calls run on {@code io}.
 */
public final class OffersController extends Controller {
    private final OffersViewModel model;
    private final OffersView view;
    private final BrokersViewModel brokers;
    private final Executor io;
    private final EventBus bus;
    private final StatusLine status;
    private TaskChanged task = TaskChanged.NONE;
    private final AskReadiness readiness;

    public OffersController(BrokersViewModel brokers, Executor io, EventBus bus, StatusLine status) {
        this.brokers = brokers;
        this.io = io;
        this.bus = bus;
        this.status = status;
        // the display runs on real time; each built-in broker's offers are judged by the offline clock they came from
        model = new OffersViewModel(Platform::runLater, io, Clock.systemUTC(), brokers::clockFor);
        view = new OffersView(model, new OffersView.Actions(this::ask, this::stop, this::accept, this::reject));
        readiness = new AskReadiness(brokers.entries());
    }

    @Override
    protected void onActivate(Pins pins) {
        view.bind(pins);
        task = bus.last(TaskChanged.class).orElse(task);
        readiness.bind(pins);
        readiness.task(task);
        pins.bind(view.askWhyProperty(), readiness.why());
        pins.add(bus.subscribe(TaskChanged.class, t -> {
            task = t;
            readiness.task(t);
        }));
        pins.add(bus.subscribe(Tick.class, t -> tick()));
        pins.add(bus.subscribe(OfferAccepted.class, a -> model.resolved(a.broker())));
        pins.add(bus.subscribe(GhostsChanged.class, g -> view.ghosts(g.lanes(), g.bars())));
        pins.add(bus.subscribe(OfflineClockMoved.class, m -> {
            view.markers(ClockMarkers.ahead(brokers.offlineClock()));
            view.redraw();
        }));
        tick();
    }

    public OffersViewModel model() {
        return model;
    }

    public OffersView view() {
        return view;
    }

    private void tick() {
        model.tick();
        view.tick();
        view.markers(ClockMarkers.ahead(brokers.offlineClock()));
        model.expiryWarnings().forEach(status::notice);
    }

    /** Sends the editor's task to the checked brokers; refuses, saying why, when the task cannot be sent. */
    public void ask() {
        List<String> names = brokers.checked().stream().map(BrokerEntry::name).toList();
        if (names.isEmpty()) {
            status.say("Check at least one broker in the brokers pane");
            return;
        }
        var current = task.request(status::say);
        if (current.isEmpty()) {
            return;
        }
        ExecutionRequest request = current.get();
        status.say("Asking " + names.size() + " broker(s)\u2026");
        model.ask(request, names, n -> brokers.brokerFor(n, n), o -> {
            bus.publish(new BrokerAnswered(o, Clock.systemUTC().instant()));
            if (model.pendingProperty().get() == 0) {
                status.say(model.rows().size() + " offers from " + names.size() + " broker(s); "
                        + model.refusals().size() + " without offers");
            }
        });
    }

    private void stop() {
        model.cancel();
        status.say("Stopped waiting for the brokers that had not answered");
    }

    /** Asks for the offer to be accepted, under the name of the task it offers to run. */
    public void accept(OfferRow row) {
        if (row == null) {
            return;
        }
        String name = model.session(row.uuid()).map(s -> s.executable() != null && s.executable().meta() != null
                && s.executable().meta().name() != null ? s.executable().meta().name() : row.name()).orElse(row.name());
        bus.publish(new AcceptOffer(row, name == null ? "session" : name));
    }

    private void reject(OfferRow row) {
        if (row == null) {
            return;
        }
        CompletableFuture.supplyAsync(() -> brokers.brokerFor(row.broker(), row.url()).update(row.url(),
                SessionPhase.REJECTED), io).whenComplete((r, e) -> Platform.runLater(() -> {
                    if (e != null) {
                        status.say("Cannot reject: " + MainViewModel.reason(e));
                    } else {
                        model.gone(row.uuid());
                        status.say("Rejected the offer from " + row.broker());
                    }
                }));
    }
}
