package io.orrery.workbench.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.timeline.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What happened to a session, as spans beside its plan. */
class SessionLanesTest {
    private static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void theHistoryBecomesPreparingRunningAndReleasingSpans() {
        List<PhaseChange> h = List.of(new PhaseChange(SessionPhase.ACCEPTED, T, null),
                new PhaseChange(SessionPhase.PREPARING, T.plusSeconds(60), null),
                new PhaseChange(SessionPhase.AVAILABLE, T.plusSeconds(90), null),
                new PhaseChange(SessionPhase.RUNNING, T.plusSeconds(90), null),
                new PhaseChange(SessionPhase.RELEASING, T.plusSeconds(600), null),
                new PhaseChange(SessionPhase.COMPLETED, T.plusSeconds(610), null));
        List<Span> spans = SessionLanes.actual(h, T.plusSeconds(9999));
        assertEquals(List.of(new Span(T.plusSeconds(60), T.plusSeconds(90), Span.Kind.PREPARING),
                new Span(T.plusSeconds(90), T.plusSeconds(90), Span.Kind.ACTUAL),
                new Span(T.plusSeconds(90), T.plusSeconds(600), Span.Kind.ACTUAL),
                new Span(T.plusSeconds(600), T.plusSeconds(610), Span.Kind.RELEASING)), spans);
    }

    @Test
    void aRunningSessionReachesNowAndThePlanHasItsThreeParts() {
        Watched w = new Watched("builtin:cloud", "builtin:cloud/sessions/1", "job", T.plusSeconds(60),
                Duration.ofSeconds(60), Duration.ofHours(2), Duration.ofSeconds(30));
        w.reached(SessionPhase.RUNNING, T.plusSeconds(60), null);
        SessionLanes.Content c = SessionLanes.of(List.of(w), T.plusSeconds(300));
        assertEquals(2, c.lanes().size());
        assertEquals(List.of(Span.Kind.PREPARING, Span.Kind.AVAILABLE, Span.Kind.RELEASING),
                c.bars().get(0).spans().stream().map(Span::kind).toList());
        assertEquals(T.plusSeconds(300), c.bars().get(1).end(), "under way: drawn up to now");
    }
}
