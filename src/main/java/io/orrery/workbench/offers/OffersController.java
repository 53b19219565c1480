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
import io.orrery.workbench.event.OfferPicked;
import io.orrery.workbench.event.OffersListed;
import io.orrery.workbench.event.OfflineClockMoved;
import io.orrery.workbench.event.TimeShown;
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
    private static final String PICKED_BY = "offers";

    private final OffersViewModel model;
    private final OffersView view;
    private final BrokersViewModel brokers;
    private final Executor io;
    private final EventBus bus;
    private final StatusLine status;
    private boolean picking;
    private TaskChanged task = TaskChanged.NONE;
    private final AskReadiness readiness;
    /** The task of the last ask, to tell when the editor's task is no longer the one the answers answer. */
    private TaskChanged asked;

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
        pins.add(bus.subscribe(TaskChanged.class, this::taskChanged));
        bus.last(TimeShown.class).ifPresent(t -> view.timeProperty().set(t.time()));
        pins.add(bus.subscribe(TimeShown.class, t -> view.timeProperty().set(t.time())));
        pins.listen(model.rows(), (javafx.collections.ListChangeListener<OfferRow>) c -> listed());
        pins.listen(model.selectedProperty(), (o, was, row) -> {
            if (!picking) {
                bus.publish(new OfferPicked(row == null ? null : row.uuid(), PICKED_BY));
            }
        });
        pins.add(bus.subscribe(OfferPicked.class, p -> {
            if (!PICKED_BY.equals(p.by())) {
                picking = true;
                try {
                    model.selectedProperty().set(p.uuid() == null ? null : model.row(p.uuid()).orElse(null));
                } finally {
                    picking = false;
                }
            }
        }));
        listed();
        pins.add(bus.subscribe(Tick.class, t -> tick()));
        pins.add(bus.subscribe(OfferAccepted.class, a -> model.resolved(a.broker())));
        pins.add(bus.subscribe(GhostsChanged.class, g -> view.ghosts(g.lanes(), g.bars())));
        pins.add(bus.subscribe(OfflineClockMoved.class, m -> {
            model.clockMoved();
            view.markers(ClockMarkers.ahead(brokers.offlineClock()));
            view.redraw();
        }));
        tick();
    }

    private void taskChanged(TaskChanged t) {
        task = t;
        readiness.task(t);
        if (asked == null) {
            return;
        }
        model.caption().stale(!java.util.Objects.equals(t.file(), asked.file()) ? "another task is open"
                : !t.text().equals(asked.text()) ? "the task has changed since" : "");
    }

    private void listed() {
        bus.publish(new OffersListed(List.copyOf(model.rows()), model.caption().task()));
    }

    /** The name answers are captioned with: the task's file name without its extension, else "untitled task". */
    static String taskName(TaskChanged t) {
        if (t.file() == null) {
            return "the untitled task";
        }
        String name = t.file().getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
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
        asked = task;
        model.ask(request, taskName(task), names, n -> brokers.brokerFor(n, n), o -> {
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
