package io.orrery.broker;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.offer.BrokerMessages;
import io.orrery.broker.offer.Explainer;
import io.orrery.broker.offer.OfferBuilder;
import io.orrery.broker.offer.OfferPlanner;
import io.orrery.broker.offer.Proposal;
import io.orrery.broker.offer.RequestAnalyzer;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.session.OfferTrees;
import io.orrery.broker.session.SessionPlan;
import io.orrery.broker.session.SessionRenderer;
import io.orrery.broker.session.SessionState;
import io.orrery.broker.session.SessionTable;
import io.orrery.broker.store.SessionStore;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.Kind;
import io.orrery.model.Message;
import io.orrery.model.SessionPhase;
import io.orrery.model.codec.WireCodec;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offer sets of a broker: making them (analysis, planning, booking, writing the offers), keeping and storing
 * them, rendering them, and forgetting them once their sessions are gone. Used under the core's lock, but for
 * {@link #write}, the part of an answer that needs none.
 */
final class OfferDesk {
    /** Offers in an answer: by start, then by name. */
    private static final Comparator<ObjectNode> BY_START = Comparator
            .comparing((ObjectNode o) -> o.path("schedule").path("available").path("start").asString(""))
            .thenComparing(o -> o.path("meta").path("name").asString(""));

    private final Platform platform;
    private final Dimensions dims;
    private final ReservationCalendar calendar;
    private final SessionTable sessions;
    private final Links links;
    private final SessionStore store;
    private final Map<String, OfferSetState> offerSets = new HashMap<>();
    /** Offer sets that got no offers, in the order they were made, for pruning. */
    private final ArrayDeque<OfferSetState> refused = new ArrayDeque<>();
    /** Offers booked by drafts not yet complete (see {@link #plan}). */
    private int inFlight;

    OfferDesk(Platform platform, Dimensions dims, ReservationCalendar calendar, SessionTable sessions, Links links,
              SessionStore store) {
        this.platform = platform;
        this.dims = dims;
        this.calendar = calendar;
        this.sessions = sessions;
        this.links = links;
        this.store = store;
    }

    /** Answers a request with up to `alternatives` offers, booked and stored, or a NO with the reasons, at once. */
    OfferSetState create(ExecutionRequest request, RequestContext ctx, Instant now, int alternatives) {
        Draft d = plan(request, ctx, now, alternatives);
        if (d.answered() != null) {
            return d.answered();
        }
        Written w;
        try {
            w = write(d);
        } catch (RuntimeException | Error e) {
            abandon(d);
            throw e;
        }
        return complete(d, w, now);
    }

    /**
     * A request half answered: its slots found and booked in the calendar (so that no other request can take them),
     * its offers not yet written; or, when it was refused, the answer itself.
     */
    record Draft(String setId, ExecutionRequest request, RequestContext ctx, Instant created, Instant expires,
                 List<Proposal> proposals, OfferSetState answered) {
    }

    /**
     * The offers of a draft, written: each offer rendered in phase OFFERED as a tree, as compact JSON and packed as
     * it is stored, in the draft's order.
     */
    record Written(List<ObjectNode> trees, List<byte[]> json, List<byte[]> packed) {
    }

    /**
     * The first step of an answer, under the lock: the analysis and the plan, each offered slot booked; or the NO,
     * kept and stored. A draft with slots must be finished with {@link #complete} or given back with {@link #abandon}.
     */
    Draft plan(ExecutionRequest request, RequestContext ctx, Instant now, int alternatives) {
        String setId = UUID.randomUUID().toString();
        RequestAnalyzer.Result analysis = RequestAnalyzer.analyze(request, platform, now);
        if (!analysis.ok()) {
            return refused(request, ctx, now, keep(new OfferSetState(setId, now, "NO", analysis.reasons(), List.of(),
                    ctx.owner(), ctx.dialect()), true));
        }
        Platform.OfferPolicy o = platform.offers();
        Platform limited = alternatives == o.alternatives() ? platform
                : platform.withOffers(new Platform.OfferPolicy(alternatives, o.lifetime(), o.granularity(), o.style()));
        OfferPlanner.Plan plan = OfferPlanner.plan(limited, dims, calendar, analysis.demand(), now,
                () -> UUID.randomUUID().toString());
        if (plan.proposals().isEmpty()) {
            List<Message> why = Explainer.explain(platform, dims, calendar, analysis.demand(), now, plan.cheapestOverCap());
            return refused(request, ctx, now, keep(new OfferSetState(setId, now, "NO", why, List.of(), ctx.owner(),
                    ctx.dialect()), true));
        }
        inFlight += plan.proposals().size();
        return new Draft(setId, request, ctx, now, now.plus(o.lifetime()), List.copyOf(plan.proposals()), null);
    }

    private static Draft refused(ExecutionRequest request, RequestContext ctx, Instant now, OfferSetState answer) {
        return new Draft(answer.uuid(), request, ctx, now, now, List.of(), answer);
    }

    /**
     * The second step, which needs no lock (it reads only the draft, the platform and the links): each offer written
     * out, rendered as the answer shows it, and packed as it is stored, the costliest part of an answer. The stored
     * form is the rendered one, so that the answer can send the same text (a later rendering writes over it).
     */
    Written write(Draft d) {
        String base = d.request().executable() != null && d.request().executable().name() != null
                ? d.request().executable().name() : "offer";
        ObjectNode req = OfferBuilder.requestTree(d.request());
        List<ObjectNode> trees = new ArrayList<>();
        List<byte[]> json = new ArrayList<>();
        List<byte[]> packed = new ArrayList<>();
        int n = 1;
        for (Proposal p : d.proposals()) {
            ObjectNode tree = OfferBuilder.build(req, p, platform, p.id(), base + "-offer-" + n++, d.created(), d.expires());
            SessionRenderer.render(tree, p.id(), SessionPhase.OFFERED, links, platform.name(), null);
            byte[] text = OfferTrees.json(tree);
            trees.add(tree);
            json.add(text);
            packed.add(OfferTrees.pack(text));
        }
        return new Written(trees, json, packed);
    }

    /** The last step, under the lock: the offers become sessions held by the platform, and the set is kept and stored. */
    OfferSetState complete(Draft d, Written w, Instant now) {
        inFlight -= d.proposals().size();
        List<String> ids = new ArrayList<>();
        List<Message> refusals = new ArrayList<>();
        for (int i = 0; i < d.proposals().size(); i++) {
            Proposal p = d.proposals().get(i);
            SessionPlan sp = new SessionPlan(p.id(), p.preparingStart(), p.start(), p.end(), p.releaseEnd());
            SessionState s = sessions.add(p.id(), d.setId(), w.packed().get(i), sp, p.shape(), d.expires(), d.created());
            Optional<String> refused = sessions.hold(s, now);
            if (refused.isEmpty()) {
                ids.add(p.id());
            } else {
                refusals.add(BrokerMessages.of(now, BrokerMessages.NO_SLOT, "WARN", "${platform} refused to hold the slot"
                        + " from ${start}: ${reason}", "platform", platform.name(), "start", p.start().toString(),
                        "reason", refused.get()));
            }
        }
        String result = ids.isEmpty() ? "NO" : "YES";
        return keep(new OfferSetState(d.setId(), d.created(), result, refusals, ids, d.ctx().owner(), d.ctx().dialect()),
                true);
    }

    /** Gives back the slots of a draft whose offers could not be written. */
    void abandon(Draft d) {
        inFlight -= d.proposals().size();
        d.proposals().forEach(p -> calendar.release(p.id()));
    }

    /** Offers planned and booked whose drafts are not complete yet: they count against the most open offers. */
    int inFlight() {
        return inFlight;
    }

    /** Keeps an offer set in memory, and in the store when it is new. */
    OfferSetState keep(OfferSetState set, boolean isNew) {
        offerSets.put(set.uuid(), set);
        if (set.offers().isEmpty()) {
            refused.add(set);
        }
        if (isNew && store.persistent()) { // a broker in memory has nothing to write (and no copy to make)
            List<SessionState> offers = new ArrayList<>();
            set.offers().forEach(id -> sessions.get(id).ifPresent(offers::add));
            store.saveOfferSet(Persistence.stored(set, offers));
        }
        return set;
    }

    Optional<OfferSetState> get(String uuid) {
        return Optional.ofNullable(offerSets.get(uuid));
    }

    /** The offer set itself, or the one the session belongs to. */
    Optional<OfferSetState> context(String id) {
        OfferSetState set = offerSets.get(id);
        if (set != null) {
            return Optional.of(set);
        }
        return sessions.get(id).map(s -> offerSets.get(s.offerSet()));
    }

    /** The answer to a request just completed: the set and its held offers as written, in order of start. */
    OfferAnswer answer(OfferSetState set, Written w) {
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < w.trees().size(); i++) {
            if (set.offers().contains(w.trees().get(i).path("meta").path("uuid").asString(""))) {
                held.add(i);
            }
        }
        held.sort(Comparator.comparing((Integer i) -> w.trees().get(i), BY_START));
        return new OfferAnswer(setTree(set), held.stream().map(w.trees()::get).toList(),
                held.stream().map(w.json()::get).toList());
    }

    /** The offer set as a tree of the newest shape, its offers in order of start. */
    ObjectNode tree(OfferSetState set) {
        List<ObjectNode> offers = new ArrayList<>();
        for (String id : set.offers()) {
            sessions.get(id).ifPresent(s -> offers.add(SessionRenderer.tree(s, links, platform.name())));
        }
        offers.sort(BY_START);
        ObjectNode t = setTree(set);
        if (!offers.isEmpty()) {
            t.putArray("offers").addAll(offers);
        }
        return t;
    }

    /** The offer set without its offers (which, when it has any, come last). */
    private ObjectNode setTree(OfferSetState set) {
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("kind", Kind.OFFER_SET.uri());
        ObjectNode meta = t.putObject("meta");
        meta.put("uuid", set.uuid());
        String url = links.offerSet(set.uuid());
        if (url != null) {
            meta.put("url", url);
        }
        meta.put("created", set.created().toString());
        if (!set.messages().isEmpty()) {
            ArrayNode messages = meta.putArray("messages");
            set.messages().forEach(m -> messages.add(WireCodec.recordTree(m)));
        }
        t.put("result", set.result());
        return t;
    }

    /**
     * Forgets offer sets whose sessions were all pruned, and refused ones older than cutoff or beyond the most to
     * keep (oldest first).
     */
    void prune(Set<String> touched, Instant cutoff, int most) {
        for (String set : touched) {
            OfferSetState state = offerSets.get(set);
            if (state != null && state.offers().stream().noneMatch(id -> sessions.get(id).isPresent())) {
                offerSets.remove(set);
            }
        }
        while (!refused.isEmpty() && (refused.peek().created().isBefore(cutoff) || refused.size() > most)) {
            offerSets.remove(refused.poll().uuid());
        }
    }
}
