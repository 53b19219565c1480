package io.orrery.broker.session;

import io.orrery.model.SessionPhase;
import java.time.Instant;

/** Told of every phase change, after the core's lock is released. */
@FunctionalInterface
public interface SessionListener {
    void phaseChanged(String sessionId, SessionPhase from, SessionPhase to, Instant at);
}
