package io.orrery.broker.session;

import io.orrery.model.SessionPhase;
import java.time.Instant;

/** How an execution adapter reports progress: phases reached (now or at a future time), or failure. */
public interface PhaseDriver {
    /** The session reaches the phase at the given time (which may be in the future, for a schedule). */
    void at(Instant when, String sessionId, SessionPhase phase);

    /** The session failed at the given time, for the given reason. */
    void failed(Instant when, String sessionId, String reason);
}
