package io.orrery.broker.session;

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
    final Instant expires;
    SessionPhase phase;
    final List<PhaseChange> history = new ArrayList<>();

    SessionState(String uuid, String offerSet, byte[] offer, SessionPlan plan, Instant expires, SessionPhase phase,
                 Instant created) {
        this.uuid = uuid;
        this.offerSet = offerSet;
        this.offer = offer;
        this.plan = plan;
        this.expires = expires;
        this.phase = phase;
        history.add(new PhaseChange(phase, created, null));
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

    public Instant expires() {
        return expires;
    }

    public List<PhaseChange> history() {
        return List.copyOf(history);
    }
}
