package io.orrery.workbench.offers;

import io.orrery.client.Broker;
import io.orrery.client.BrokerError;
import io.orrery.client.FanOut;
import io.orrery.client.Outcome;
import io.orrery.client.SessionActions;
import io.orrery.client.compare.Comparison;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Rank;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.SessionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import io.orrery.client.text.HumanTime;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Asking several brokers and comparing their answers: outcomes stream in as each broker answers, and the table
 * (ranked, with flags and Pareto marks), the refusals and the selection follow. A new ask supersedes the last one:
 * late answers to it are dropped. State changes happen on the {@code ui} executor (the JavaFX thread in the
 * window, the calling thread in tests).
 */
public final class OffersViewModel {
    /** Offers this close to expiry get a warning. */
    public static final Duration WARN_BEFORE = Duration.ofMinutes(1);

    private final Executor ui;
    private final Executor io;
    private final Clock clock;
    private final Function<String, Clock> clocks;
    private final ObservableList<OfferRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Refusal> refusals = FXCollections.observableArrayList();
    private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    private final ObjectProperty<Rank> rank = new SimpleObjectProperty<>(Rank.EARLIEST_START);
    private final ObjectProperty<OfferRow> selected = new SimpleObjectProperty<>();
    private final IntegerProperty pending = new SimpleIntegerProperty();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>();
    private final IntegerProperty clockRevision = new SimpleIntegerProperty();
    /** Each broker's now as of the last tick or clock move: the table and the timeline judge offers by it alike. */
    private final Map<String, Instant> seen = new HashMap<>();
    private final Map<String, OfferRow> byUuid = new HashMap<>();
    private final Caption caption = new Caption();
    private final Map<String, ExecutionSession> sessions = new HashMap<>();
    private final Map<String, List<String>> brokerWarnings = new HashMap<>();
    private final Set<String> warned = new HashSet<>();
    private final Set<String> gone = new HashSet<>();
    private final Set<String> resolvedBrokers = new HashSet<>();
    private ExecutionRequest request;
    private int generation;
    private CompletableFuture<List<Outcome>> running;

    public OffersViewModel(Executor ui, Executor io, Clock clock) {
        this(ui, io, clock, broker -> clock);
    }

    /**
     * A view-model whose display runs on {@code clock} (the now line) while each broker's offers are judged by that
     * broker's own clock ({@code clocks}): built-in brokers may run ahead of real time, remote ones never do.
     */
    public OffersViewModel(Executor ui, Executor io, Clock clock, Function<String, Clock> clocks) {
        this.ui = ui;
        this.io = io;
        this.clock = clock;
        this.clocks = clocks;
        rank.addListener((o, was, now) -> recompute());
        look();
    }

    /** What the answers on show answer: which task, asked when, and whether the task has changed since. */
    public Caption caption() {
        return caption;
    }

    public ObservableList<OfferRow> rows() {
        return rows;
    }

    public ObservableList<Refusal> refusals() {
        return refusals;
    }

    /** Every answer of the current ask, in the order they came. */
    public ObservableList<Outcome> outcomes() {
        return outcomes;
    }

    public ObjectProperty<Rank> rankProperty() {
        return rank;
    }

    public ObjectProperty<OfferRow> selectedProperty() {
        return selected;
    }

    /** Brokers asked that have not answered yet. */
    public IntegerProperty pendingProperty() {
        return pending;
    }

    /** The request of the current ask. */
    public Optional<ExecutionRequest> request() {
        return Optional.ofNullable(request);
    }

    /**
     * Asks the named brokers; {@code open} turns a name into its broker (it may touch the disk or fail, so it runs
     * on {@code io}); {@code onEach} sees each outcome as it arrives (on {@code ui}).
     */
    public void ask(ExecutionRequest req, List<String> brokers, Function<String, Broker> open, Consumer<Outcome> onEach) {
        ask(req, "the task", brokers, open, onEach);
    }

    /** The same, for the task of that name (the answers are captioned with it and the time of the ask). */
    public void ask(ExecutionRequest req, String task, List<String> brokers, Function<String, Broker> open,
                    Consumer<Outcome> onEach) {
        caption.asked(task, clock.instant());
        if (running != null) {
            running.cancel(true);
        }
        int gen = ++generation;
        request = req;
        byUuid.clear();
        rows.clear();
        refusals.clear();
        outcomes.clear();
        sessions.clear();
        brokerWarnings.clear();
        warned.clear();
        gone.clear();
        resolvedBrokers.clear();
        selected.set(null);
        pending.set(brokers.size());
        try {
            io.execute(() -> {
                List<Broker> opened = new ArrayList<>();
                for (String name : brokers) {
                    try {
                        opened.add(open.apply(name));
                    } catch (RuntimeException e) {
                        // a broker that cannot even be opened is a failure like any other, never an ask left waiting
                        ui.execute(() -> arrived(gen, cannotOpen(name, e), onEach));
                    }
                }
                CompletableFuture<List<Outcome>> all = FanOut.ask(opened, req,
                        o -> ui.execute(() -> arrived(gen, o, onEach)));
                ui.execute(() -> {
                    if (gen == generation) {
                        running = all;
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // no thread to ask on (the window is closing): every broker fails now rather than the ask waiting on
            brokers.forEach(name -> arrived(gen, cannotOpen(name, e), onEach));
        }
    }

    private static Outcome cannotOpen(String name, RuntimeException e) {
        BrokerError error = e instanceof BrokerError be ? be
                : e instanceof IllegalStateException || e instanceof IllegalArgumentException
                        ? new BrokerError(BrokerError.Kind.UNREACHABLE, 0, BrokerError.plain(e))
                        : new BrokerError(BrokerError.Kind.BROKER_FAILURE, 0, "cannot open the broker: "
                                + BrokerError.plain(e));
        return new Outcome.Failed(name, error, Duration.ZERO);
    }

    /** Stops waiting for the brokers that have not answered. */
    public void cancel() {
        generation++;
        if (running != null) {
            running.cancel(true);
        }
        pending.set(0);
    }

    private void arrived(int gen, Outcome o, Consumer<Outcome> onEach) {
        if (gen != generation) {
            return;
        }
        outcomes.add(o);
        pending.set(Math.max(0, pending.get() - 1));
        if (o instanceof Outcome.Offers offers) {
            for (ExecutionSession s : offers.offerSet().offers()) {
                sessions.put(s.meta().uuid(), s);
            }
            for (String w : offers.warnings()) {
                // "UUID: text" concerns one offer; anything else (the broker's own warnings) all of its offers
                int colon = w.indexOf(": ");
                boolean oneOffer = colon > 0 && sessions.containsKey(w.substring(0, colon));
                brokerWarnings.computeIfAbsent(oneOffer ? w.substring(0, colon) : o.broker(), k -> new ArrayList<>())
                        .add(oneOffer ? w.substring(colon + 2) : w);
            }
        } else if (o instanceof Outcome.No no) {
            refusals.add(new Refusal(o.broker(), false, no.reasons()));
        } else if (o instanceof Outcome.Failed f) {
            refusals.add(new Refusal(o.broker(), true, List.of(f.error().getMessage())));
        }
        recompute();
        onEach.accept(o);
    }

    private void recompute() {
        if (request == null) {
            return;
        }
        String keep = selected.get() == null ? null : selected.get().uuid();
        look();
        List<OfferRow> next = Comparison.of(request, outcomes, this::seen, rank.get()).stream()
                .filter(r -> !gone.contains(r.uuid()) && !resolvedBrokers.contains(r.broker())).toList();
        byUuid.clear();
        next.forEach(r -> byUuid.put(r.uuid(), r));
        rows.setAll(next);
        selected.set(keep == null ? null : row(keep).orElse(null));
    }

    /** An offer the user rejected: it leaves the table. */
    public void gone(String uuid) {
        gone.add(uuid);
        recompute();
    }

    /** One of the broker's offers was accepted, so the broker rejected the others: they all leave the table. */
    public void resolved(String broker) {
        resolvedBrokers.add(broker);
        recompute();
    }

    public Optional<OfferRow> row(String uuid) {
        return Optional.ofNullable(byUuid.get(uuid));
    }

    /** The offer as the broker sent it. */
    public Optional<ExecutionSession> session(String uuid) {
        return Optional.ofNullable(sessions.get(uuid));
    }

    /**
     * Everything to flag on a row: where it breaks the request or a cap, what the client noticed about the
     * broker's answer (known broker bugs) and what the broker itself warned of, without repeats.
     */
    public List<String> flags(OfferRow r) {
        Set<String> all = new LinkedHashSet<>(r.flags());
        all.addAll(brokerWarnings.getOrDefault(r.uuid(), List.of()));
        all.addAll(brokerWarnings.getOrDefault(r.broker(), List.of()));
        return List.copyOf(all);
    }

    /** The changes the broker allows on this offer now (ACCEPTED among them while it may be taken). */
    public List<SessionPhase> actions(OfferRow r) {
        if (r.expires() != null && !now(r.broker()).isBefore(r.expires())) {
            return List.of();
        }
        return session(r.uuid()).map(SessionActions::of).orElse(List.of());
    }

    /**
     * Time left to accept, as of the last tick or clock move on the broker's own clock, or empty when the broker set
     * no expiry. Negative once expired.
     */
    public Optional<Duration> timeLeft(OfferRow r) {
        return r.expires() == null ? Optional.empty() : Optional.of(Duration.between(seen(r.broker()), r.expires()));
    }

    /** Whether an offer is open, about to expire or expired: the one answer the table and the timeline both show. */
    public OfferState state(OfferRow r) {
        return timeLeft(r).map(OfferState::of).orElse(OfferState.OPEN);
    }

    /** The state in words, the same in the table and beside the offer's bar: "expires in 4:59", "expired". */
    public String stateText(OfferRow r) {
        Optional<Duration> left = timeLeft(r);
        if (left.isEmpty()) {
            return "no expiry";
        }
        return state(r) == OfferState.EXPIRED ? "expired" : "expires in " + HumanTime.countdown(left.get());
    }

    /**
     * Warnings, once per broker and ask, for offers that will expire within a minute; call it every second or so.
     */
    public List<String> expiryWarnings() {
        List<String> out = new ArrayList<>();
        for (OfferRow r : rows) {
            Instant now = seen(r.broker());
            if (r.expires() != null && now.isBefore(r.expires()) && !now.plus(WARN_BEFORE).isBefore(r.expires())
                    && warned.add(r.broker())) {
                long n = rows.stream().filter(x -> x.broker().equals(r.broker()) && x.expires() != null
                        && now.isBefore(x.expires()) && !now.plus(WARN_BEFORE).isBefore(x.expires())).count();
                out.add(n + (n == 1 ? " offer" : " offers") + " from " + r.broker() + " expire"
                        + (n == 1 ? "s" : "") + " in under a minute: accept now or ask again");
            }
        }
        return out;
    }

    /** The display's clock (the now line). */
    public Clock clock() {
        return clock;
    }

    /** The time on a broker's own clock. */
    public Instant now(String broker) {
        return clocks.apply(broker).instant();
    }

    /** How far a broker's clock runs ahead of the display's (zero for remote brokers). */
    public Duration skew(String broker) {
        return Duration.between(clock.instant(), now(broker));
    }

    /** The time as of the last {@link #tick()}: countdowns follow it. */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    /**
     * Goes up whenever the brokers' clocks are looked at again (every tick, every clock move): whatever shows an
     * offer's state redraws on it.
     */
    public ReadOnlyIntegerProperty clockRevisionProperty() {
        return clockRevision;
    }

    /** Moves the countdowns on (the window calls it every second); an offer that expired meanwhile is flagged so. */
    public void tick() {
        long expiredBefore = rows.stream().filter(r -> state(r) == OfferState.EXPIRED).count();
        look();
        if (rows.stream().filter(r -> state(r) == OfferState.EXPIRED).count() != expiredBefore) {
            recompute();
        }
    }

    /** A broker's clock was moved (a skip or a reset of the built-in brokers' clock): every offer is judged again. */
    public void clockMoved() {
        recompute();
        look();
    }

    /** Reads every clock once: each broker's offers are judged by this look until the next. */
    private void look() {
        seen.clear();
        outcomes.forEach(o -> seen.put(o.broker(), now(o.broker())));
        now.set(clock.instant());
        clockRevision.set(clockRevision.get() + 1);
    }

    private Instant seen(String broker) {
        return seen.computeIfAbsent(broker, this::now);
    }
}
