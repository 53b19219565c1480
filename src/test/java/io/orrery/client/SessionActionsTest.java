package io.orrery.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.model.ExecutionSession;
import io.orrery.model.Meta;
import io.orrery.model.Option;
import io.orrery.model.SessionPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actions offered on a session: the broker's options first, the lifecycle otherwise. */
class SessionActionsTest {
    private static ExecutionSession session(String phase, List<Option> options) {
        Meta meta = new Meta("u", "n", "http://b/sessions/u", null, null, null, List.of(), options, Map.of());
        return new ExecutionSession(null, meta, null, null, null, null, null, null, phase, null, null, null, Map.of());
    }

    @Test
    void theBrokersOptionsComeFirstInAnySpelling() {
        Option o = Option.enumValues("/phase", List.of("accepted", "READY", "CANCELLED"));
        assertEquals(List.of(SessionPhase.ACCEPTED, SessionPhase.AVAILABLE, SessionPhase.CANCELLED),
                SessionActions.of(session("OFFERED", List.of(o))));
    }

    @Test
    void withoutOptionsThePhaseDecides() {
        assertEquals(List.of(SessionPhase.ACCEPTED, SessionPhase.REJECTED), SessionActions.of(session("OFFERED", null)));
        assertEquals(List.of(SessionPhase.CANCELLED), SessionActions.of(session("RUNNING", List.of())));
        assertEquals(List.of(), SessionActions.of(session("COMPLETED", null)));
    }
}
