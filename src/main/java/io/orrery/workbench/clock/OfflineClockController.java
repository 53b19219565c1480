package io.orrery.workbench.clock;

import io.orrery.client.text.HumanTime;
import io.orrery.workbench.MainViewModel;
import io.orrery.workbench.brokers.BrokersViewModel;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.event.OfflineClockMoved;
import io.orrery.workbench.event.TimeShown;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.StatusLine;
import io.orrery.workbench.library.Settings;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.Node;

/**
 * One clock the window can trust: shows how far the built-in brokers' clock runs ahead (it moves on
 * {@link OfflineClockMoved}), keeps the shift in the settings as soon as it moves, resets it to real time (and says
 * so with {@link OfflineClockMoved}), and says which zone times are shown in ({@link TimeShown}).
 */
public final class OfflineClockController extends Controller {
    private final BrokersViewModel brokers;
    private final Settings settings;
    private final Executor io;
    private final EventBus bus;
    private final StatusLine status;
    private final OfflineClockModel model;
    private final OfflineClockView view;

    public OfflineClockController(BrokersViewModel brokers, Settings settings, Executor io, EventBus bus,
                                  StatusLine status) {
        this.brokers = brokers;
        this.settings = settings;
        this.io = io;
        this.bus = bus;
        this.status = status;
        model = new OfflineClockModel(brokers.offlineClock());
        view = new OfflineClockView(model, this::reset, this::zone);
        view.zone(settings.timeZone());
    }

    @Override
    protected void onActivate(Pins pins) {
        view.bind(pins);
        model.refresh();
        pins.add(bus.subscribe(OfflineClockMoved.class, m -> {
            model.refresh();
            persist();
        }));
        bus.publish(new TimeShown(HumanTime.named(settings.timeZone())));
    }

    public OfflineClockModel model() {
        return model;
    }

    public Node view() {
        return view.root();
    }

    /** Brings the built-in brokers back to real time (their databases are reopened off the JavaFX thread). */
    public CompletableFuture<Void> reset() {
        status.say("Bringing the built-in brokers back to real time\u2026");
        return CompletableFuture.supplyAsync(brokers::resetOfflineClock, io).handleAsync((was, e) -> {
            if (e != null) {
                status.say("Cannot reset the built-in brokers' clock: " + MainViewModel.reason(e));
            } else {
                status.say("The built-in brokers run on real time again (they were " + HumanTime.duration(was)
                        + " ahead)");
            }
            bus.publish(new OfflineClockMoved(brokers.offlineClock().shift()));
            return null;
        }, javafx.application.Platform::runLater);
    }

    private void zone(String name) {
        String chosen = name == null || name.isBlank() ? "UTC" : name.strip();
        HumanTime time = HumanTime.named(chosen);
        if (!chosen.equalsIgnoreCase("local") && !chosen.equalsIgnoreCase("UTC") && time == HumanTime.UTC) {
            status.say("Unknown time zone '" + chosen + "': times stay in UTC");
            view.zone("UTC");
            chosen = "UTC";
        }
        settings.timeZone(chosen);
        persist();
        bus.publish(new TimeShown(time));
    }

    /** Keeps the shift (and the zone) in the settings file now, not only at close. */
    private void persist() {
        settings.put("offline.shift", brokers.offlineClock().shift().toString());
        io.execute(() -> {
            try {
                settings.save();
            } catch (IOException e) {
                status.say("Cannot save the settings: " + e.getMessage());
            }
        });
    }

    /** How far ahead the built-in brokers' clock runs now. */
    public Duration ahead() {
        return brokers.offlineClock().shift();
    }
}
