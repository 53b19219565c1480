package io.orrery.workbench.monitor;

import io.orrery.model.PhaseChange;
import io.orrery.client.Broker;
import io.orrery.client.BrokerError;
import io.orrery.client.LocalBroker;
import io.orrery.client.SessionActions;
import io.orrery.client.UpdateResult;
import io.orrery.client.compare.OfferChecks;
import io.orrery.model.Connector;
import io.orrery.model.ExecutionSession;
import io.orrery.model.LifecycleComponent;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.brokers.BrokersViewModel;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Monitored sessions: accepting an offer starts one; each is read again on every poll, its phase history grows,
 * and a notification goes out when its phase changes; cancel; for built-in brokers, skip the offline clock ahead
 * to the next change. The list is kept on disk and resumed at start. Broker calls run on {@code io}; state
 * changes on {@code ui}.
 */
public final class MonitorViewModel {
    private final Executor ui;
    private final Executor io;
    private final BrokersViewModel brokers;
    private final WatchFile file;
    private final Consumer<String> notify;
    private final ObservableList<Watched> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<Watched> selected = new SimpleObjectProperty<>();
    private final javafx.beans.property.IntegerProperty revision = new javafx.beans.property.SimpleIntegerProperty();
    /** Reads of each session under way (from any thread): a tick skips a session that is still being read. */
    private final java.util.Map<Watched, Integer> reading = new java.util.concurrent.ConcurrentHashMap<>();
    /** Snapshots taken (on ui) and the newest written (under the file's lock), so saves never go back in time. */
    private long saves;
    private long written;

    public MonitorViewModel(Executor ui, Executor io, BrokersViewModel brokers, WatchFile file, Consumer<String> notify) {
        this.ui = ui;
        this.io = io;
        this.brokers = brokers;
        this.file = file;
        this.notify = notify;
    }

    public ObservableList<Watched> sessions() {
        return sessions;
    }

    public ObjectProperty<Watched> selectedProperty() {
        return selected;
    }

    /** The time on the clock of the broker a session runs on. */
    public Instant now(Watched w) {
        return brokers.clockFor(w.broker()).instant();
    }

    /** Goes up whenever a session's phase, history or problem changes: views redraw on it. */
    public javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** Accepts an offer; completes with its monitored session, or with the broker's refusal. */
    public CompletableFuture<Watched> accept(String broker, String offerUrl, String name) {
        return CompletableFuture.supplyAsync(() -> {
            UpdateResult r = brokers.brokerFor(broker, offerUrl).update(offerUrl, SessionPhase.ACCEPTED);
            if (!r.applied()) {
                throw new BrokerError(BrokerError.Kind.CONFLICT, 0, r.warning() == null
                        ? "the broker answered but did not accept the offer" : r.warning());
            }
            return r.reread();
        }, io).thenApplyAsync(s -> {
            var slot = OfferChecks.slot(s);
            String url = s.meta() != null && s.meta().url() != null ? s.meta().url() : offerUrl;
            Watched w = new Watched(broker, url, name, slot.map(OfferChecks.Slot::start).orElse(null),
                    slot.map(OfferChecks.Slot::lead).orElse(null), slot.map(OfferChecks.Slot::duration).orElse(null),
                    slot.map(OfferChecks.Slot::release).orElse(null));
            sessions.add(0, w);
            apply(w, s, exactHistory(w));
            selected.set(w);
            notify.accept(name + " accepted on " + broker + ": " + w.phaseProperty().get());
            save();
            changed();
            return w;
        }, ui);
    }

    /** Asks the broker to cancel; the next read shows the outcome. */
    public CompletableFuture<Void> cancel(Watched w) {
        return CompletableFuture.supplyAsync(() -> brokers.brokerFor(w.broker(), w.url()).update(w.url(),
                SessionPhase.CANCELLED), io).thenAcceptAsync(r -> {
                    if (!r.applied()) {
                        w.problemProperty().set(r.warning() == null ? "the broker did not cancel it" : r.warning());
                    }
                }, ui).thenCompose(v -> poll(w));
    }

    /**
     * Reads every session that has not ended, except those whose last read has not come back yet: against a broker
     * that hangs, each session costs one outstanding call, not one more per tick.
     */
    public CompletableFuture<Void> pollAll() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Watched w : List.copyOf(sessions)) {
            if (!w.ended() && !reading.containsKey(w)) {
                all.add(poll(w));
            }
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Reads one session again and applies what changed (at once, even while another read of it is under way). */
    public CompletableFuture<Void> poll(Watched w) {
        reading.merge(w, 1, Integer::sum);
        CompletableFuture<Void> read;
        try {
            read = read(w);
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e); // io refused it (closing)
        }
        // however the read ends (answered, failed, cancelled), it is no longer under way
        return read.whenComplete((v, e) -> reading.computeIfPresent(w, (k, n) -> n == 1 ? null : n - 1));
    }

    private CompletableFuture<Void> read(Watched w) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ExecutionSession s = brokers.brokerFor(w.broker(), w.url()).session(w.url());
                return new Read(s, exactHistory(w), null);
            } catch (BrokerError e) {
                return new Read(null, Optional.<List<PhaseChange>>empty(), e.getMessage());
            } catch (RuntimeException e) {
                return new Read(null, Optional.<List<PhaseChange>>empty(), "the broker failed: " + BrokerError.plain(e));
            }
        }, io).thenAcceptAsync(r -> {
            String problem = r.error() == null ? "" : r.error();
            boolean changed = !problem.equals(w.problemProperty().get());
            w.problemProperty().set(problem);
            if (r.error() == null && apply(w, r.session(), r.history())) {
                save();
                changed = true;
            }
            if (changed) {
                changed();
            }
        }, ui);
    }

    private record Read(ExecutionSession session, Optional<List<PhaseChange>> history, String error) {
    }

    /**
     * For a session on a built-in broker: moves the offline clock to the session's own next planned change (all the
     * way to its end with {@code toEnd}), then reads it again.
     */
    public CompletableFuture<Void> skipAhead(Watched w, boolean toEnd) {
        return skipTarget(w, toEnd).thenCompose(t -> t.map(at -> skipTo(w, at))
                .orElseGet(() -> CompletableFuture.completedFuture(null)));
    }

    /**
     * Where a skip for this session would move the built-in brokers' clock: to the session's next planned change,
     * or its planned end with {@code toEnd}; empty when the session has no change left (it then ended). Fails for a
     * session on a remote broker. Reads the broker on {@code io}.
     */
    public CompletableFuture<Optional<Instant>> skipTarget(Watched w, boolean toEnd) {
        if (!w.broker().startsWith("builtin:")) {
            return CompletableFuture.failedFuture(new BrokerError(BrokerError.Kind.REFUSED, 0, "only the built-in"
                    + " brokers' clock can be moved; " + w.broker() + " runs on real time"));
        }
        return CompletableFuture.supplyAsync(() -> {
            LocalBroker local = (LocalBroker) brokers.brokerFor(w.broker(), w.url());
            if (local.realTime()) {
                throw new BrokerError(BrokerError.Kind.REFUSED, 0, w.broker() + " runs real work on real time: its"
                        + " clock cannot be moved");
            }
            String uuid = uuid(w);
            Optional<Instant> own = toEnd ? local.plannedEnd(uuid) : local.nextChange(uuid);
            // a session whose plan has passed but that has not ended yet waits on the broker's own next event
            boolean live = local.phase(uuid).map(p -> !p.isTerminal()).orElse(false);
            return own.isPresent() || !live ? own : local.nextChange();
        }, io);
    }

    /** Moves the built-in brokers' clock on to that instant, lets the session's broker catch up, and reads it again. */
    public CompletableFuture<Void> skipTo(Watched w, Instant target) {
        return CompletableFuture.runAsync(() -> {
            brokers.offlineClock().skipTo(target);
            brokers.local(w.broker()).ifPresent(LocalBroker::catchUp);
        }, io).thenCompose(v -> poll(w));
    }

    private static String uuid(Watched w) {
        return w.url().substring(w.url().lastIndexOf('/') + 1);
    }

    /** Stops monitoring a session (it is not cancelled). */
    public void forget(Watched w) {
        sessions.remove(w);
        if (selected.get() == w) {
            selected.set(null);
        }
        save();
        changed();
    }

    /** Loads the sessions monitored last time and reads them all again. */
    public CompletableFuture<Void> resume() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return file.load();
            } catch (IOException e) {
                notify.accept("Cannot read the monitored sessions: " + e.getMessage());
                return List.<WatchFile.Entry>of();
            }
        }, io).thenAcceptAsync(list -> {
            list.forEach(e -> sessions.add(e.watched()));
            changed();
        }, ui).thenCompose(v -> pollAll());
    }

    private Optional<List<PhaseChange>> exactHistory(Watched w) {
        // empty for an unknown session: the session read that follows says the broker does not know it
        return brokers.local(w.broker()).flatMap(l -> l.history(w.url().substring(w.url().lastIndexOf('/') + 1)));
    }

    /** Applies a fresh read; true when the phase changed. */
    private boolean apply(Watched w, ExecutionSession s, Optional<List<PhaseChange>> exact) {
        SessionPhase before = w.phaseProperty().get();
        int known = w.history().size();
        SessionPhase now = SessionPhase.parse(s.phase()).orElse(before);
        if (exact.isPresent() && !exact.get().isEmpty()) {
            w.history(exact.get());
        } else {
            w.reached(now, brokers.clockFor(w.broker()).instant(), null);
        }
        w.phaseProperty().set(now);
        List<String> parts = new ArrayList<>();
        component(parts, "executable", s.executable());
        component(parts, "compute", s.compute());
        w.componentsProperty().set(String.join(", ", parts));
        List<Watched.Link> links = new ArrayList<>();
        List<Connector> connectors = s.connectors() == null ? List.of() : s.connectors();
        List<Watched.Output> outputs = OutputConnectors.of(connectors);
        if (!outputs.equals(w.outputs())) {
            w.outputs().setAll(outputs);
        }
        for (Connector c : connectors) {
            if (c.location() != null && !OutputConnectors.isOutput(c)) {
                links.add(new Watched.Link((c.protocol() == null ? "connect" : c.protocol())
                        + (c.status() == null ? "" : " (" + c.status() + ")"), c.location()));
            }
        }
        w.links().setAll(links);
        w.actions().setAll(SessionActions.of(s));
        if (now != before) {
            // every phase passed since the last read, so none goes unreported when several came at once
            List<String> path = new ArrayList<>(List.of(before.name()));
            w.history().stream().skip(Math.min(known, w.history().size())).map(c -> c.phase().name())
                    .filter(p -> !p.equals(path.get(path.size() - 1))).forEach(path::add);
            if (!path.get(path.size() - 1).equals(now.name())) {
                path.add(now.name());
            }
            notify.accept(w.name() + " on " + w.broker() + ": " + String.join(" \u2192 ", path));
            return true;
        }
        return false;
    }

    private static void component(List<String> parts, String name, LifecycleComponent c) {
        if (c != null && c.phase() != null) {
            parts.add(name + " " + c.phase());
        }
    }

    /** Writes the list off the JavaFX thread. */
    private void save() {
        List<WatchFile.Entry> snapshot = sessions.stream().map(WatchFile.Entry::of).toList();
        long version = ++saves;
        io.execute(() -> {
            try {
                synchronized (file) {
                    if (version < written) {
                        return; // a newer list was written already
                    }
                    file.save(snapshot);
                    written = version;
                }
            } catch (IOException e) {
                ui.execute(() -> notify.accept("Cannot save the monitored sessions to " + file.path() + ": "
                        + e.getMessage()));
            }
        });
    }
}
