package io.orrery.workbench.samp;

import io.orrery.client.export.ExportFormat;
import io.orrery.client.export.ExportTable;
import io.orrery.client.samp.HubLocation;
import io.orrery.client.samp.SampLink;
import io.orrery.workbench.MainViewModel;
import io.orrery.workbench.event.AddDataResource;
import io.orrery.workbench.event.EventBus;
import io.orrery.workbench.feature.Controller;
import io.orrery.workbench.feature.DaemonThreads;
import io.orrery.workbench.feature.Pins;
import io.orrery.workbench.feature.StatusLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * SAMP from the window: sends the comparison to TOPCAT, Aladin or any tool that takes tables (a VOTable in a
 * temporary file, {@code table.load.votable}), and, while registered, turns the tables, images and spectra they send
 * into data of the open task ({@link AddDataResource}, which the editor applies). Everything that touches the hub
 * runs on one thread of its own, within {@link #LIMIT}; the window never waits for it.
 */
public final class SampController extends Controller {
    /** The longest wait for the hub to answer a registration. */
    public static final Duration LIMIT = Duration.ofSeconds(5);

    private final Supplier<Optional<ExportTable>> comparison;
    private final EventBus bus;
    private final StatusLine status;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ExecutorService hubThread = Executors.newSingleThreadExecutor(DaemonThreads.named("orrery-samp"));
    /** The hub and the link to it: read and written on the hub's thread only. */
    private HubLocation hub;
    private SampLink link;

    /** {@code comparison} gives the offers shown now (empty before any answer), on the JavaFX thread. */
    public SampController(Supplier<Optional<ExportTable>> comparison, EventBus bus, StatusLine status) {
        this.comparison = comparison;
        this.bus = bus;
        this.status = status;
    }

    @Override
    protected void onActivate(Pins pins) {
        // nothing to bind: the link is made on first use
    }

    @Override
    protected void onDeactivate() {
        hubThread.execute(this::closeLink);
        hubThread.shutdown();
    }

    /** Uses the hub of this lockfile from now on (tests; a running link is closed first). */
    public void useHub(HubLocation location) {
        hubThread.execute(() -> {
            closeLink();
            hub = location;
        });
    }

    private void closeLink() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    /** Whether Orrery is registered with a hub now. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /**
     * Broadcasts the comparison as a VOTable; completes with the names of the tools it reached (empty when it
     * reached none, or failed: the user is told which).
     */
    public CompletableFuture<List<String>> send() {
        Optional<ExportTable> table = comparison.get();
        if (table.isEmpty()) {
            status.say("Nothing to send yet: ask the brokers first (Ctrl+Enter)");
            return CompletableFuture.completedFuture(List.of());
        }
        ExportTable t = table.get();
        String name = "Orrery offers" + (t.task() == null ? "" : " for " + t.task());
        return onHub("Cannot send the comparison through SAMP", l -> {
            Path file = Files.createTempFile("orrery-offers-", ".vot");
            file.toFile().deleteOnExit();
            Files.writeString(file, ExportFormat.VOTABLE.text(t));
            return l.sendTable(file, "orrery-offers", name, LIMIT);
        }, to -> status.say(to.isEmpty() ? "No tool that takes tables is registered with the SAMP hub: open TOPCAT"
                + " or Aladin, then send again" : "Sent " + t.rows().size() + " offers to " + String.join(", ", to)
                + " through SAMP")).thenApply(to -> to.orElse(List.of()));
    }

    /**
     * Registers with the hub (then datasets sent to Orrery are added to the task), or leaves it; completes with
     * whether Orrery is registered afterwards.
     */
    public CompletableFuture<Boolean> listen(boolean on) {
        if (!on) {
            hubThread.execute(() -> {
                if (link != null) {
                    link.disconnect();
                }
            });
            status.say("Left the SAMP hub: datasets sent from other tools are no longer taken");
            return CompletableFuture.completedFuture(false);
        }
        return onHub("Cannot connect to SAMP", l -> {
            l.connect(LIMIT);
            return true;
        }, ok -> status.say("Connected to the SAMP hub: tables, images and spectra sent to Orrery from TOPCAT, Aladin"
                + " and the like become input data of the task")).thenApply(ok -> ok.orElse(false));
    }

    /** Work with the link on the hub's thread; its result, or a failure told to the user, comes on the FX thread. */
    private <T> CompletableFuture<Optional<T>> onHub(String failing, HubWork<T> work, java.util.function.Consumer<T> done) {
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        status.busyStart();
        try {
            hubThread.execute(() -> {
                Optional<T> value;
                String failure = null;
                try {
                    value = Optional.of(work.run(link()));
                } catch (SampLink.SampFailure e) {
                    value = Optional.empty();
                    failure = e.getMessage();
                } catch (Exception e) {
                    value = Optional.empty();
                    failure = failing + ": " + MainViewModel.reason(e);
                }
                Optional<T> v = value;
                String f = failure;
                Platform.runLater(() -> {
                    status.busyEnd();
                    if (f != null) {
                        status.notice(f);
                    } else {
                        done.accept(v.get());
                    }
                    result.complete(v);
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status.busyEnd(); // the window is closing
            result.complete(Optional.empty());
        }
        return result;
    }

    @FunctionalInterface
    private interface HubWork<T> {
        T run(SampLink link) throws Exception;
    }

    /** The link, made on first use (on the hub's thread: it opens JSAMP's callback port). */
    private SampLink link() {
        if (link == null) {
            link = new SampLink(hub == null ? HubLocation.standard() : hub, io.orrery.model.Version.text(),
                    this::received, this::connectionChanged);
        }
        return link;
    }

    private void received(SampLink.Dataset d) {
        bus.publish(new AddDataResource(d.url(), d.name(), d.sender() + " (SAMP)"));
    }

    private void connectionChanged(boolean now) {
        Platform.runLater(() -> {
            boolean was = connected.get();
            connected.set(now);
            if (was && !now) {
                status.say("Not registered with the SAMP hub any more (it stopped, or Orrery left it)");
            }
        });
    }
}
