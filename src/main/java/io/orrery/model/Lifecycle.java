package io.orrery.model;

import io.orrery.model.SessionPhase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session state machine: which phase may follow which, and which of those a client may ask for. Everything
 * else (WAITING onwards) is driven by the broker from the schedule and from what the execution reports.
 */
public final class Lifecycle {
    private static final Map<SessionPhase, Set<SessionPhase>> EDGES = new EnumMap<>(SessionPhase.class);
    private static final Map<SessionPhase, Set<SessionPhase>> CLIENT = new EnumMap<>(SessionPhase.class);

    static {
        edge(SessionPhase.INITIAL, SessionPhase.OFFERED, SessionPhase.ACCEPTED, SessionPhase.CANCELLED);
        edge(SessionPhase.OFFERED, SessionPhase.ACCEPTED, SessionPhase.REJECTED, SessionPhase.EXPIRED,
                SessionPhase.CANCELLED);
        edge(SessionPhase.ACCEPTED, SessionPhase.WAITING, SessionPhase.PREPARING, SessionPhase.CANCELLED,
                SessionPhase.FAILED);
        edge(SessionPhase.WAITING, SessionPhase.PREPARING, SessionPhase.CANCELLED, SessionPhase.FAILED);
        edge(SessionPhase.PREPARING, SessionPhase.AVAILABLE, SessionPhase.CANCELLED, SessionPhase.FAILED);
        edge(SessionPhase.AVAILABLE, SessionPhase.RUNNING, SessionPhase.RELEASING, SessionPhase.CANCELLED,
                SessionPhase.FAILED);
        edge(SessionPhase.RUNNING, SessionPhase.RELEASING, SessionPhase.CANCELLED, SessionPhase.FAILED);
        edge(SessionPhase.RELEASING, SessionPhase.COMPLETED, SessionPhase.FAILED);
        for (SessionPhase p : SessionPhase.values()) {
            EDGES.putIfAbsent(p, EnumSet.noneOf(SessionPhase.class));
        }
        CLIENT.put(SessionPhase.OFFERED, EnumSet.of(SessionPhase.ACCEPTED, SessionPhase.REJECTED));
        for (SessionPhase p : List.of(SessionPhase.ACCEPTED, SessionPhase.WAITING, SessionPhase.PREPARING,
                SessionPhase.AVAILABLE, SessionPhase.RUNNING)) {
            CLIENT.put(p, EnumSet.of(SessionPhase.CANCELLED));
        }
    }

    private static void edge(SessionPhase from, SessionPhase... to) {
        EDGES.put(from, EnumSet.of(to[0], to));
    }

    private Lifecycle() {}

    public static boolean allowed(SessionPhase from, SessionPhase to) {
        return EDGES.get(from).contains(to);
    }

    /** The phases a client may set from this one (what the session's options advertise). */
    public static Set<SessionPhase> clientChoices(SessionPhase from) {
        return CLIENT.getOrDefault(from, EnumSet.noneOf(SessionPhase.class));
    }

    /** Whether the phase holds capacity: offers until resolved, sessions until they end. */
    public static boolean holdsCapacity(SessionPhase p) {
        return !p.isTerminal() && p != SessionPhase.INITIAL;
    }
}
