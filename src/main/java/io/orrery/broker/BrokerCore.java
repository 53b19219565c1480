package io.orrery.broker;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.calendar.Shape;
import io.orrery.broker.offer.Explainer;
import io.orrery.broker.offer.OfferBuilder;
import io.orrery.broker.offer.OfferPlanner;
import io.orrery.broker.offer.Proposal;
import io.orrery.broker.offer.RequestAnalyzer;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.session.ExecutionAdapter;
import io.orrery.broker.session.NotFoundException;
import io.orrery.broker.session.OfferTrees;
import io.orrery.broker.session.PhaseChange;
import io.orrery.broker.session.PhaseDriver;
import io.orrery.broker.session.SessionListener;
import io.orrery.broker.session.SessionPlan;
import io.orrery.broker.session.SessionRenderer;
import io.orrery.broker.session.SessionState;
import io.orrery.broker.session.SessionTable;
import io.orrery.broker.session.SimulatedExecution;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.Kind;
import io.orrery.model.Message;
import io.orrery.model.Meta;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    private final Map<String, OfferSetState> offerSets = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    /** What execution adapters report through: takes the lock, so an adapter may call from its own threads. */
    private final PhaseDriver driver = new PhaseDriver() {
        @Override
        public void at(Instant when, String sessionId, SessionPhase phase) {
            underLock(() -> sessions.at(when, sessionId, phase));
        }

        @Override
        public void failed(Instant when, String sessionId, String reason) {
            underLock(() -> sessions.failed(when, sessionId, reason));
        }
    };

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
        this.sessions = new SessionTable(calendar, adapter);
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
                offerSets.put(set.uuid(), new OfferSetState(set.uuid(), set.created(), set.result(),
                        Persistence.messages(set.messagesJson()), ids, set.owner(), set.dialect()));
            }
            return null;
        });
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
        return locked(now -> offerSetView(createOffers(request, context, now, platform.offers().alternatives())));
    }

    /** Direct execution: the best offer, accepted at once; {@link RequestRefusedException} with the NO otherwise. */
    public ExecutionSession direct(ExecutionRequest request) {
        return direct(request, RequestContext.ANONYMOUS);
    }

    public ExecutionSession direct(ExecutionRequest request, RequestContext context) {
        return locked(now -> {
            OfferSetState set = createOffers(request, context, now, 1);
            if (set.offers().isEmpty()) {
                throw new RequestRefusedException(offerSetView(set));
            }
            SessionState s = sessions.get(set.offers().get(0)).orElseThrow();
            sessions.accept(s, List.of(), now, driver);
            return SessionRenderer.render(s, links, platform.name());
        });
    }

    public Optional<OfferSet> offerSet(String uuid) {
        return locked(now -> Optional.ofNullable(offerSets.get(uuid)).map(this::offerSetView));
    }

    public Optional<ExecutionSession> session(String uuid) {
        return locked(now -> sessions.get(uuid).map(s -> SessionRenderer.render(s, links, platform.name())));
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
        return locked(now -> {
            SessionState s = sessions.get(uuid).orElseThrow(() -> new NotFoundException("no session " + uuid));
            SessionPhase target = UpdateRules.target(update);
            if (s.phase() == target) {
                return SessionRenderer.render(s, links, platform.name());
            }
            UpdateRules.check(s, target, now);
            if (target == SessionPhase.ACCEPTED) {
                List<SessionState> siblings = new ArrayList<>();
                Optional.ofNullable(offerSets.get(s.offerSet())).ifPresent(set -> set.offers()
                        .forEach(id -> sessions.get(id).ifPresent(siblings::add)));
                sessions.accept(s, siblings, now, driver);
            } else {
                sessions.move(s, target, now, "asked by the client");
            }
            return SessionRenderer.render(s, links, platform.name());
        });
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

    /** Reads the calendar under the lock (for checks, charts and benchmarks). */
    public <T> T inspect(Function<ReservationCalendar, T> reader) {
        lock.lock();
        try {
            return reader.apply(calendar);
        } finally {
            lock.unlock();
        }
    }

    /** Counts of sessions by phase. */
    public Map<SessionPhase, Long> census() {
        return locked(now -> {
            Map<SessionPhase, Long> out = new java.util.EnumMap<>(SessionPhase.class);
            sessions.all().forEach(s -> out.merge(s.phase(), 1L, Long::sum));
            return out;
        });
    }

    private OfferSetState createOffers(ExecutionRequest request, RequestContext ctx, Instant now, int alternatives) {
        String setId = UUID.randomUUID().toString();
        RequestAnalyzer.Result analysis = RequestAnalyzer.analyze(request, platform, now);
        if (!analysis.ok()) {
            return store(new OfferSetState(setId, now, "NO", analysis.reasons(), List.of(), ctx.owner(), ctx.dialect()));
        }
        Platform limited = alternatives == platform.offers().alternatives() ? platform : withAlternatives(alternatives);
        OfferPlanner.Plan plan = OfferPlanner.plan(limited, dims, calendar, analysis.demand(), now,
                () -> UUID.randomUUID().toString());
        if (plan.proposals().isEmpty()) {
            List<Message> why = Explainer.explain(platform, dims, calendar, analysis.demand(), now, plan.cheapestOverCap());
            return store(new OfferSetState(setId, now, "NO", why, List.of(), ctx.owner(), ctx.dialect()));
        }
        Instant expires = now.plus(platform.offers().lifetime());
        String base = request.executable() != null && request.executable().name() != null
                ? request.executable().name() : "offer";
        List<String> ids = new ArrayList<>();
        int n = 1;
        for (Proposal p : plan.proposals()) {
            var tree = OfferBuilder.build(request, p, platform, p.id(), base + "-offer-" + n++, now, expires);
            SessionPlan sp = new SessionPlan(p.id(), p.preparingStart(), p.start(), p.end(), p.releaseEnd());
            sessions.add(p.id(), setId, OfferTrees.pack(tree), sp, p.shape(), expires, now);
            ids.add(p.id());
        }
        return store(new OfferSetState(setId, now, "YES", List.of(), ids, ctx.owner(), ctx.dialect()));
    }

    private Platform withAlternatives(int n) {
        Platform.OfferPolicy o = platform.offers();
        return platform.withOffers(new Platform.OfferPolicy(n, o.lifetime(), o.granularity(), o.style()));
    }

    private OfferSetState store(OfferSetState set) {
        offerSets.put(set.uuid(), set);
        List<SessionState> offers = new ArrayList<>();
        set.offers().forEach(id -> sessions.get(id).ifPresent(offers::add));
        store.saveOfferSet(Persistence.stored(set, offers));
        return set;
    }

    /** Who asked for the offer set a session belongs to (null if anonymous); empty for an unknown session. */
    public Optional<String> owner(String sessionOrOfferSet) {
        return locked(now -> context(sessionOrOfferSet).map(OfferSetState::owner));
    }

    /** The dialect the offer set (or session) was asked for in, if known. */
    public Optional<String> dialect(String sessionOrOfferSet) {
        return locked(now -> context(sessionOrOfferSet).map(OfferSetState::dialect));
    }

    private Optional<OfferSetState> context(String id) {
        OfferSetState set = offerSets.get(id);
        if (set != null) {
            return Optional.of(set);
        }
        return sessions.get(id).map(s -> offerSets.get(s.offerSet()));
    }

    private OfferSet offerSetView(OfferSetState set) {
        List<ExecutionSession> offers = new ArrayList<>();
        for (String id : set.offers()) {
            sessions.get(id).ifPresent(s -> offers.add(SessionRenderer.render(s, links, platform.name())));
        }
        offers.sort(Comparator.comparing((ExecutionSession s) -> s.schedule().available().start())
                .thenComparing(s -> s.meta().name()));
        Meta meta = new Meta(set.uuid(), null, links.offerSet(set.uuid()), null, set.created().toString(), null,
                set.messages().isEmpty() ? null : set.messages(), null, Map.of());
        return new OfferSet(Kind.OFFER_SET.uri(), meta, null, null, set.result(), null, offers.isEmpty() ? null : offers,
                Map.of());
    }

    private void underLock(Runnable r) {
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

    /** Runs an operation under the lock after applying what fell due; tells listeners afterwards. */
    private <T> T locked(Function<Instant, T> op) {
        List<SessionTable.Notice> notices;
        lock.lock();
        try {
            Instant now = clock.instant();
            sessions.runDue(now);
            return op.apply(now);
        } finally {
            notices = sessions.drainNotices();
            if (!notices.isEmpty()) {
                store.savePhases(Persistence.phases(notices));
            }
            lock.unlock();
            for (SessionTable.Notice n : notices) {
                for (SessionListener l : listeners) {
                    l.phaseChanged(n.session(), n.from(), n.to(), n.at());
                }
            }
        }
    }
}
