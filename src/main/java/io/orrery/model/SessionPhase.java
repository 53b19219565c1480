package io.orrery.model;

import java.util.Locale;
import java.util.Optional;

/** The phases of an execution session (2026 schema), with the older names each one replaced. */
public enum SessionPhase {
    INITIAL("PROPOSED"), OFFERED, ACCEPTED, REJECTED, EXPIRED, WAITING, PREPARING, AVAILABLE("READY"), RUNNING,
    RELEASING, COMPLETED, FAILED, CANCELLED;

    private final String legacyName;

    SessionPhase() {
        this(null);
    }

    SessionPhase(String legacyName) {
        this.legacyName = legacyName;
    }

    /** The name the 2025 schemas and the standard's text used, where it differs. */
    public String legacyName() {
        return legacyName == null ? name() : legacyName;
    }

    public boolean isTerminal() {
        return this == REJECTED || this == EXPIRED || this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** Reads a current or legacy phase name, in any case; empty for an unknown one. */
    public static Optional<SessionPhase> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (SessionPhase p : values()) {
            if (p.name().equals(upper) || p.legacyName().equals(upper)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
