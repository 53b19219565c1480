package io.orrery.broker.session;

import io.orrery.model.SessionPhase;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an execution adapter is handed for one accepted session: its times, the offer as accepted (executable,
 * compute with the offered cores and memory, data), the phase it is in, and whether the broker is bringing it back
 * after a restart (so that the adapter looks for work it started before, rather than starting it again).
 */
public record Work(SessionPlan plan, byte[] offer, SessionPhase phase, boolean restored) {
    public String sessionId() {
        return plan.sessionId();
    }

    /** The offer as a fresh tree of the newest shape (the caller may change it). */
    public ObjectNode offerTree() {
        return OfferTrees.unpack(offer);
    }
}
