package io.orrery.client;

import io.orrery.model.Lifecycle;
import io.orrery.model.ExecutionSession;
import io.orrery.model.Option;
import io.orrery.model.SessionPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The phase changes a user may ask of a session: none when it has no URL to send them to; the broker's own
 * {@code options} on {@code phase} where it sends them, else what the standard's lifecycle allows from the session's
 * phase.
 */
public final class SessionActions {
    private SessionActions() {}

    public static List<SessionPhase> of(ExecutionSession s) {
        List<SessionPhase> out = new ArrayList<>();
        if (s.meta() == null || s.meta().url() == null || s.meta().url().isBlank()) {
            return out; // nowhere to send a change (a CanIDoThis answer, say)
        }
        if (s.meta() != null && s.meta().options() != null) {
            for (Option o : s.meta().options()) {
                if (o.path() != null && o.path().replace("/", "").equalsIgnoreCase("phase") && o.values() != null) {
                    o.values().forEach(v -> SessionPhase.parse(v).filter(p -> !out.contains(p)).ifPresent(out::add));
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        Set<SessionPhase> allowed = Lifecycle.clientChoices(SessionPhase.parse(s.phase()).orElse(SessionPhase.INITIAL));
        for (SessionPhase p : SessionPhase.values()) {
            if (allowed.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
