package io.orrery.model;

import io.orrery.model.SessionPhase;
import java.time.Instant;

/** A session entered a phase at a time (with the reason, for failures and refusals). */
public record PhaseChange(SessionPhase phase, Instant at, String reason) {
}
