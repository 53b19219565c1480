package io.orrery.broker.session;

import java.time.Instant;

/** The times an accepted session must keep: preparation from, start, end, and the end of releasing. */
public record SessionPlan(String sessionId, Instant preparing, Instant start, Instant end, Instant releaseEnd) {
}
