package io.orrery.workbench.timeline;

import java.time.Instant;

/** One stretch of a bar, drawn by its kind. */
public record Span(Instant start, Instant end, Kind kind) {
    /**
     * Planned parts of an offer or session, and what actually happened; OPEN is an offer's slot that its broker gave
     * no times for (an older protocol's YES), drawn from now, hatched.
     */
    public enum Kind { PREPARING, AVAILABLE, RELEASING, ACTUAL, FAILED, OPEN }
}
