package io.orrery.broker.session;

import io.orrery.model.PhaseChange;
import io.orrery.broker.calendar.Shape;
import io.orrery.model.SessionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A session (or offer) as the core keeps it; guarded by the core's lock. */
public final class SessionState {
    final String uuid;
    final String offerSet;
    final byte[] offer;
    final SessionPlan plan;
    final Shape shape;
    final Instant expires;
    SessionPhase phase;
    final List<PhaseChange> history = new ArrayList<>();

    SessionState(String uuid, String offerSet, byte[] offer, SessionPlan plan, Shape shape, Instant expires,
                 List<PhaseChange> history) {
        this.uuid = uuid;
        this.offerSet = offerSet;
        this.offer = offer;
        this.plan = plan;
        this.shape = shape;
        this.expires = expires;
        this.history.addAll(history);
        this.phase = history.get(history.size() - 1).phase();
    }

    public String uuid() {
        return uuid;
    }

    public String offerSet() {
        return offerSet;
    }

    public SessionPhase phase() {
        return phase;
    }

    public SessionPlan plan() {
        return plan;
    }

    /** The offer as a tree to render, unpacked. */
    tools.jackson.databind.node.ObjectNode offerTree() {
        return OfferTrees.unpack(offer);
    }

    public Shape shape() {
        return shape;
    }

    /** The offer as first made, as compact JSON. */
    public byte[] offer() {
        return offer.clone();
    }

    public Instant expires() {
        return expires;
    }

    public List<PhaseChange> history() {
        return List.copyOf(history);
    }
}
