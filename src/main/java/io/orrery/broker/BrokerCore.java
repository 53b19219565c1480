package io.orrery.broker;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.calendar.Shape;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.NotFoundException;
import io.orrery.model.PhaseChange;
import io.orrery.broker.session.PhaseDriver;
import io.orrery.broker.session.SessionListener;
import io.orrery.broker.session.SessionOutputs;
import io.orrery.broker.session.SessionRenderer;
import io.orrery.broker.session.SessionState;
import io.orrery.broker.session.SessionTable;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import io.orrery.model.codec.WireCodec;
import tools.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One broker over one platform: answers requests with offers that hold capacity, takes accepts, rejects and
 * cancels, and moves sessions through their phases as its clock passes. Thread-safe: every operation runs under
 * one lock, so an offer's search and its booking are a single step and nothing can overbook.
 */
public final class BrokerCore {
    private final Platform platform;
    private final Clock clock;
    private final Links links;
    private final SessionStore store;
    private final Dimensions dims;
    private final ReservationCalendar calendar;
    private final SessionTable sessions;
    private final OfferDesk desk;
    private final ReentrantLock lock = new ReentrantLock();
    /** How long ended sessions stay in memory; null keeps them for good (offline and what-if brokers). */
    private volatile java.time.Duration retention;
    private volatile int maxOffers = Integer.MAX_VALUE;
    private volatile int maxSessions = Integer.MAX_VALUE;
    private volatile int maxEnded = Integer.MAX_VALUE;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    /** Phase changes the store failed to take, saved first at its next success (guarded by the lock). */
    private final List<SessionStore.StoredPhase> unsaved = new ArrayList<>();
    /**
     * What execution adapters report through. Called under the lock (while the core hands work over) it only queues
     * the change; called from an adapter's own thread it takes the lock and applies what is due at once, so that a
     * container's exit is seen (and its capacity freed) without waiting for the next tick.
     */
    private final PhaseDriver driver = new PhaseDriver() {
        @Override
        public void at(Instant when, String sessionId, SessionPhase phase) {
            report(() -> sessions.at(when, sessionId, phase));
        }

        @Override
        public void failed(Instant when, String sessionId, String reason) {
            report(() -> sessions.failed(when, sessionId, reason));
        }
    };
    private final ExecutionAdapter adapter;
    private volatile ExternalLoad external = ExternalLoad.NONE;
    /** The last snapshot of external load, as booked (guarded by the lock). */
    private final ExternalBookings externalBookings;

    public BrokerCore(Platform platform, Clock clock) {
        this(platform, clock, new SimulatedExecution(), Links.NONE, SessionStore.NONE);
    }

    /** A broker that keeps its state in store, restoring what the store already holds. */
    public BrokerCore(Platform platform, Clock clock, ExecutionAdapter adapter, Links links, SessionStore store) {
        this.platform = platform;
        this.clock = clock;
        this.links = links;
        this.store = store;
        this.dims = new Dimensions(platform);
        this.calendar = new ReservationCalendar(dims.capacity(platform));
        this.adapter = adapter;
        this.sessions = new SessionTable(calendar, adapter);
        this.desk = new OfferDesk(platform, dims, calendar, sessions, links, store);
        this.externalBookings = new ExternalBookings(calendar, dims);
        restore();
    }

    private void restore() {
        locked(now -> {
            for (SessionStore.StoredOfferSet set : store.load()) {
                List<String> ids = new ArrayList<>();
                for (SessionStore.StoredSession s : set.offers()) {
                    sessions.restore(s.uuid(), set.uuid(), s.offer(), s.plan(), s.shape(), s.expires(), s.history(),
                            driver, now);
                    ids.add(s.uuid());
                }
                desk.keep(new OfferSetState(set.uuid(), set.created(), set.result(),
                        Persistence.messages(set.messagesJson()), ids, set.owner(), set.dialect()), false);
            }
            return null;
        });
        adapter.restoreDone();
    }

    /**
     * How long sessions and offer sets are kept in memory after they end (by default for good); after that a read
     * answers "not found". The store, if any, keeps them.
     */
    public void retain(java.time.Duration d) {
        this.retention = d;
    }

    /**
     * Bounds what the broker holds in memory, so that no stream of requests can exhaust it: at most {@code offers}
     * open offers and {@code sessions} accepted sessions not yet ended (a request past either is refused with
     * {@link BrokerFullException} until some expire or end, and an accept past the second is refused), and at most
     * {@code ended} ended sessions and as many refused offer sets kept readable (the oldest are forgotten first,
     * before their retention runs out). Unbounded unless called.
     */
    public void bound(int offers, int sessions, int ended) {
        this.maxOffers = offers;
        this.maxSessions = sessions;
        this.maxEnded = ended;
    }

    private void prune(Instant now) {
        if (retention == null) {
            return;
        }
        Instant cutoff = now.minus(retention);
        desk.prune(sessions.prune(cutoff, maxEnded), cutoff, maxEnded);
    }

    private void roomForOffers(Instant now) {
        int offered = sessions.offered() + desk.inFlight();
        if (offered >= maxOffers) {
            throw new BrokerFullException(offered + " open offers", untilNextChange(now));
        }
        if (accepted() >= maxSessions) {
            throw new BrokerFullException(accepted() + " sessions", untilNextChange(now));
        }
    }

    private java.time.Duration untilNextChange(Instant now) {
        return sessions.nextEvent().map(t -> java.time.Duration.between(now, t)).orElse(java.time.Duration.ofMinutes(1));
    }

    private int accepted() {
        return sessions.live() - sessions.offered();
    }

    /** Reads the platform's other work before each request (a Slurm cluster's queue, say). */
    public void externalLoad(ExternalLoad load) {
        this.external = load;
    }

    /** Whether state survives a restart. */
    public boolean persistent() {
        return store.persistent();
    }

    public Platform platform() {
        return platform;
    }

    public Clock clock() {
        return clock;
    }

    public Dimensions dimensions() {
        return dims;
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /** Asks for offers. YES with offers that hold capacity until they expire, or NO with the reasons. */
    public OfferSet request(ExecutionRequest request) {
        return request(request, RequestContext.ANONYMOUS);
    }

    /** Asks for offers on behalf of an owner, in a dialect that later reads of the offers should use too. */
    public OfferSet request(ExecutionRequest request, RequestContext context) {
        return WireCodec.fromTree(requestTree(request, context), OfferSet.class);
    }

    /** {@link #request} as a tree of the newest shape (what a server writes out, without binding records). */
    public ObjectNode requestTree(ExecutionRequest request, RequestContext context) {
        return requestAnswer(request, context).tree();
    }

    /**
     * {@link #request} rendered once, as a tree and as JSON. Answered in three steps, the costliest off the lock:
     * the slots are planned and booked, the offers written, then held and stored ({@link OfferDesk#plan}).
     */
    public OfferAnswer requestAnswer(ExecutionRequest request, RequestContext context) {
        List<ExternalLoad.Booking> load = external.snapshot();
        OfferDesk.Draft draft = locked(now -> {
            externalBookings.refresh(load, now);
            roomForOffers(now);
            return desk.plan(request, context, now, platform.offers().alternatives());
        });
        if (draft.answered() != null) {
            return locked(now -> new OfferAnswer(desk.tree(draft.answered()), List.of(), List.of()));
        }
        OfferDesk.Written offers;
        try {
            offers = desk.write(draft);
        } catch (RuntimeException | Error e) { // the slots are given back whatever failed (a full heap included)
            locked(now -> {
                desk.abandon(draft);
                return null;
            });
            throw e;
        }
        OfferSetState set = locked(now -> desk.complete(draft, offers, now));
        return desk.answer(set, offers);
    }

    /** Direct execution: the best offer, accepted at once; {@link RequestRefusedException} with the NO otherwise. */
    public ExecutionSession direct(ExecutionRequest request) {
        return WireCodec.fromTree(directTree(request, RequestContext.ANONYMOUS), ExecutionSession.class);
    }

    public ObjectNode directTree(ExecutionRequest request, RequestContext context) {
        List<ExternalLoad.Booking> load = external.snapshot();
        return render(locked(now -> {
            externalBookings.refresh(load, now);
            roomForOffers(now);
            OfferSetState set = desk.create(request, context, now, 1);
            if (set.offers().isEmpty()) {
                throw new RequestRefusedException(desk.tree(set));
            }
            SessionState s = sessions.get(set.offers().get(0)).orElseThrow();
            sessions.accept(s, List.of(), now, driver);
            return snapshot(s);
        }));
    }

    public Optional<OfferSet> offerSet(String uuid) {
        return offerSetTree(uuid).map(t -> WireCodec.fromTree(t, OfferSet.class));
    }

    public Optional<ObjectNode> offerSetTree(String uuid) {
        return locked(now -> desk.get(uuid).map(desk::tree));
    }

    public Optional<ExecutionSession> session(String uuid) {
        return sessionTree(uuid).map(t -> WireCodec.fromTree(t, ExecutionSession.class));
    }

    public Optional<ObjectNode> sessionTree(String uuid) {
        return locked(now -> sessions.get(uuid).map(this::snapshot)).map(this::render);
    }

    /** Whether a session (or offer) with this uuid is known. */
    public boolean exists(String uuid) {
        return locked(now -> sessions.get(uuid).isPresent());
    }

    /** The phases a session has been through, with times. */
    public List<PhaseChange> history(String uuid) {
        return locked(now -> sessions.get(uuid).map(SessionState::history)
                .orElseThrow(() -> new NotFoundException("no session " + uuid)));
    }

    /**
     * Applies a client's update: accept (rejecting the siblings), reject, or cancel. Refused with a reason when the
     * phase does not allow it ({@link io.orrery.broker.session.UpdateRefusedException}).
     */
    public ExecutionSession update(String uuid, Update update) {
        return WireCodec.fromTree(updateTree(uuid, update), ExecutionSession.class);
    }

    public ObjectNode updateTree(String uuid, Update update) {
        return render(locked(now -> {
            SessionState s = sessions.get(uuid).orElseThrow(() -> new NotFoundException("no session " + uuid));
            SessionPhase target = UpdateRules.target(update);
            if (s.phase() == target) {
                return snapshot(s);
            }
            UpdateRules.check(s, target, now);
            if (target == SessionPhase.ACCEPTED && accepted() >= maxSessions) {
                throw new io.orrery.broker.session.UpdateRefusedException("this broker runs at most " + maxSessions
                        + " sessions at once: ask again for offers when some have ended");
            }
            if (target == SessionPhase.ACCEPTED) {
                java.util.Optional<String> lost = sessions.confirm(s);
                if (lost.isPresent()) {
                    sessions.move(s, SessionPhase.CANCELLED, now, "the platform no longer holds its slot: " + lost.get());
                    throw new io.orrery.broker.session.UpdateRefusedException("the platform no longer holds this offer's"
                            + " slot (" + lost.get() + "): ask again for offers");
                }
                List<SessionState> siblings = new ArrayList<>();
                desk.get(s.offerSet()).ifPresent(set -> set.offers()
                        .forEach(id -> sessions.get(id).ifPresent(siblings::add)));
                sessions.accept(s, siblings, now, driver);
            } else {
                sessions.move(s, target, now, "asked by the client");
            }
            return snapshot(s);
        }));
    }

    /** What rendering the session needs, taken under the lock (with its outputs so far, if it is really run). */
    private SessionRenderer.Snapshot snapshot(SessionState s) {
        SessionOutputs outputs = adapter.outputs();
        return SessionRenderer.snapshot(s, outputs == SessionOutputs.NONE ? null : outputs.list(s.uuid()));
    }

    /** Renders a session off the lock. */
    private ObjectNode render(SessionRenderer.Snapshot s) {
        return s.render(links, platform.name());
    }

    /** Applies everything due by now (expiries, phase changes); a server calls it as time passes. */
    public void catchUp() {
        locked(now -> null);
    }

    /** When the next timed change falls due, if any. */
    public Optional<Instant> nextEvent() {
        return locked(now -> sessions.nextEvent());
    }

    /** Books background load (another user's work) straight into the calendar, as a what-if replay does. */
    public boolean bookBackground(String id, Instant start, Shape shape) {
        return locked(now -> {
            if (!calendar.fits(start.getEpochSecond(), shape)) {
                return false;
            }
            calendar.book(id, start.getEpochSecond(), shape);
            return true;
        });
    }

    /**
     * Books background load at the earliest whole minute from {@code from} (within {@code within}) where it fits,
     * as a replayed job would start; empty when it finds no room.
     */
    public Optional<Instant> bookEarliest(String id, Instant from, Shape shape, java.time.Duration within) {
        return locked(now -> {
            long s = from.getEpochSecond();
            var at = calendar.earliest(s, s + within.toSeconds(), shape, 60);
            if (at.isEmpty()) {
                return Optional.<Instant>empty();
            }
            calendar.book(id, at.getAsLong(), shape);
            return Optional.of(Instant.ofEpochSecond(at.getAsLong()));
        });
    }

    /** Reads the calendar under the lock (for checks, charts and benchmarks). */
    public <T> T inspect(Function<ReservationCalendar, T> reader) {
        lock.lock();
        try {
            return reader.apply(calendar);
        } finally {
            lock.unlock();
        }
    }

    /** The calendar in numbers: capacity, live bookings, the most in use from now on, and whether any step overbooks. */
    public Usage usage() {
        return locked(now -> Usage.of(calendar, dims, now));
    }

    /** Counts of sessions by phase. */
    public Map<SessionPhase, Long> census() {
        return locked(now -> {
            Map<SessionPhase, Long> out = new java.util.EnumMap<>(SessionPhase.class);
            sessions.all().forEach(s -> out.merge(s.phase(), 1L, Long::sum));
            return out;
        });
    }

    /** Who asked for the offer set a session belongs to (null if anonymous); empty for an unknown session. */
    public Optional<String> owner(String sessionOrOfferSet) {
        return locked(now -> desk.context(sessionOrOfferSet).map(OfferSetState::owner));
    }

    /** The dialect the offer set (or session) was asked for in, if known. */
    public Optional<String> dialect(String sessionOrOfferSet) {
        return locked(now -> desk.context(sessionOrOfferSet).map(OfferSetState::dialect));
    }

    private void report(Runnable change) {
        if (lock.isHeldByCurrentThread()) {
            change.run();
            return;
        }
        locked(now -> {
            change.run();
            sessions.runDue(now);
            return null;
        });
    }

    /** What a session has left to read so far (logs, exit code, output files); not found for an unknown session. */
    public List<SessionOutputs.OutputFile> outputs(String uuid) {
        if (!exists(uuid)) {
            throw new NotFoundException("no session " + uuid);
        }
        return adapter.outputs().list(uuid);
    }

    /** One output of a session from a byte offset on; not found when the session or the output is unknown. */
    public java.io.InputStream openOutput(String uuid, String name, long offset) throws java.io.IOException {
        if (!exists(uuid)) {
            throw new NotFoundException("no session " + uuid);
        }
        return adapter.outputs().open(uuid, name, Math.max(0, offset))
                .orElseThrow(() -> new NotFoundException("session " + uuid + " has no output '" + name + "'"));
    }

    /**
     * Stores phase changes, with any that an earlier failure left unsaved, so that a store that was down for a while
     * catches up once it is back. Called under the lock.
     */
    private void savePhases(List<SessionTable.Notice> notices) {
        if (notices.isEmpty() && unsaved.isEmpty()) {
            return;
        }
        List<SessionStore.StoredPhase> phases = new ArrayList<>(unsaved);
        phases.addAll(Persistence.phases(notices));
        unsaved.clear();
        try {
            store.savePhases(phases);
        } catch (RuntimeException e) {
            unsaved.addAll(phases);
            throw e;
        }
    }

    /**
     * Runs an operation under the lock after applying what fell due; stores the phase changes it caused and tells
     * listeners afterwards. The lock is released whatever fails, a store included: a failure answers that one call
     * (a {@link io.orrery.broker.store.StoreException} stands for "try again"), and the broker goes on serving.
     */
    private <T> T locked(Function<Instant, T> op) {
        T result;
        try {
            result = underLock(op);
        } catch (RuntimeException e) {
            try {
                store.sync();
            } catch (RuntimeException failed) {
                e.addSuppressed(failed);
            }
            throw e;
        }
        store.sync(); // what the answer reports is stored before it is given (a group commit waits here, off the lock)
        return result;
    }

    private <T> T underLock(Function<Instant, T> op) {
        List<SessionTable.Notice> notices = List.of();
        lock.lock();
        try {
            Instant now = clock.instant();
            sessions.runDue(now);
            prune(now);
            return op.apply(now);
        } finally {
            try {
                notices = sessions.drainNotices();
                savePhases(notices);
            } finally {
                lock.unlock();
                for (SessionTable.Notice n : notices) {
                    for (SessionListener l : listeners) {
                        l.phaseChanged(n.session(), n.from(), n.to(), n.at());
                    }
                }
            }
        }
    }
}
