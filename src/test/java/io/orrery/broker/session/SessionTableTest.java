package io.orrery.broker.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.calendar.Shape;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The session table on its own, with a real calendar and an adapter that records what it is told: the counters
 * (live, offered), the capacity held, the time floor, restores after a restart, stops and pruning.
 */
class SessionTableTest {
    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    /** Records the seam's calls; the table under test is real. */
    private static final class Recorder implements ExecutionAdapter {
        final List<String> accepted = new ArrayList<>();
        final List<String> stopped = new ArrayList<>();

        @Override
        public void accepted(Work work, PhaseDriver driver) {
            accepted.add(work.sessionId());
        }

        @Override
        public void stop(String sessionId) {
            stopped.add(sessionId);
        }
    }

    private final ReservationCalendar calendar = new ReservationCalendar(new long[] {4});
    private final Recorder adapter = new Recorder();
    private final SessionTable table = new SessionTable(calendar, adapter);

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static SessionPlan plan(String id, long start) {
        return new SessionPlan(id, t(start - 60), t(start), t(start + 3600), t(start + 3660));
    }

    private static Shape cores(long n) {
        return Shape.flat(3600, new long[] {n});
    }

    private SessionState offer(String id, String set, long cores, long start, long expires) {
        calendar.book(id, t(start).getEpochSecond(), cores(cores));
        return table.add(id, set, new byte[0], plan(id, start), cores(cores), t(expires), t(0));
    }

    private boolean restore(String id, long cores, long start, List<PhaseChange> history, Instant now) {
        return table.restore(id, "set-" + id, new byte[0], plan(id, start), cores(cores), t(start - 10), history,
                table, now);
    }

    private static List<PhaseChange> history(SessionPhase... phases) {
        List<PhaseChange> out = new ArrayList<>();
        for (int i = 0; i < phases.length; i++) {
            out.add(new PhaseChange(phases[i], t(i), null));
        }
        return out;
    }

    @Test
    void anOfferCountsAsLiveAndOfferedAndExpiresAtItsTime() {
        offer("a", "s1", 2, 1000, 500);
        assertEquals(1, table.live());
        assertEquals(1, table.offered());
        assertEquals(Optional.of(t(500)), table.nextEvent());
        table.runDue(t(499));
        assertEquals(SessionPhase.OFFERED, table.get("a").orElseThrow().phase());
        table.runDue(t(500));
        assertEquals(SessionPhase.EXPIRED, table.get("a").orElseThrow().phase());
        assertEquals(0, table.live());
        assertEquals(0, table.offered());
        assertFalse(calendar.contains("a"), "an expired offer frees its capacity");
        assertTrue(adapter.stopped.isEmpty(), "nothing ran for an offer, so nothing is stopped");
        assertEquals(List.of(SessionPhase.EXPIRED),
                table.drainNotices().stream().map(SessionTable.Notice::to).toList());
        assertTrue(table.drainNotices().isEmpty(), "notices are drained once");
    }

    @Test
    void acceptingRejectsOpenSiblingsOnlyAndStartsTheExecution() {
        SessionState a = offer("a", "s1", 1, 1000, 500);
        SessionState b = offer("b", "s1", 1, 2000, 500);
        SessionState c = offer("c", "s1", 1, 3000, 500);
        table.move(c, SessionPhase.EXPIRED, t(10), "gone");
        table.accept(a, List.of(a, b, c), t(20), table);
        assertEquals(SessionPhase.ACCEPTED, a.phase());
        assertEquals(SessionPhase.REJECTED, b.phase());
        assertEquals(SessionPhase.EXPIRED, c.phase(), "an ended sibling is left as it was");
        assertEquals(List.of("a"), adapter.accepted);
        assertEquals(1, table.live());
        assertEquals(0, table.offered());
        assertTrue(calendar.contains("a"));
        assertFalse(calendar.contains("b"));
        assertEquals(3, table.all().size());
        // the plan prepares after now, so the session waits first
        assertEquals(Optional.of(t(20)), table.nextEvent());
        table.runDue(t(20));
        assertEquals(SessionPhase.WAITING, a.phase());
    }

    @Test
    void aLateAcceptNeitherWaitsNorSchedulesIntoThePast() {
        SessionState a = offer("a", "s1", 1, 100, 5000);
        table.accept(a, List.of(a), t(3000), table);
        assertEquals(Optional.of(t(5000)), table.nextEvent(), "only the old expiry is queued, no WAITING");
        // a driver report timed before the accept happens at the accept's time, so history runs forward
        table.at(t(50), "a", SessionPhase.PREPARING);
        assertEquals(Optional.of(t(3000)), table.nextEvent());
    }

    @Test
    void runDueRaisesTheFloorForLaterReports() {
        SessionState a = offer("a", "s1", 1, 10_000, 9000);
        table.runDue(t(700));
        table.accept(a, List.of(a), t(100), table);
        table.at(t(200), "a", SessionPhase.WAITING);
        assertEquals(t(700), table.nextEvent().orElseThrow(), "nothing is queued before the last time acted at");
    }

    @Test
    void cancellingOrFailingARunningSessionStopsItsExecution() {
        SessionState a = offer("a", "s1", 1, 100, 5000);
        SessionState b = offer("b", "s2", 1, 100, 5000);
        SessionState c = offer("c", "s3", 1, 100, 5000);
        SessionState d = offer("d", "s4", 1, 100, 5000);
        for (SessionState s : List.of(a, b, c)) {
            table.accept(s, List.of(s), t(1), table);
            table.move(s, SessionPhase.PREPARING, t(2), null);
            table.move(s, SessionPhase.AVAILABLE, t(3), null);
            table.move(s, SessionPhase.RUNNING, t(4), null);
            table.move(s, SessionPhase.RELEASING, t(5), null);
        }
        table.move(a, SessionPhase.COMPLETED, t(6), null);
        table.move(b, SessionPhase.FAILED, t(6), "broke");
        table.move(d, SessionPhase.CANCELLED, t(6), null);
        assertEquals(List.of("b"), adapter.stopped, "completed and never-accepted sessions are not stopped");
        SessionState e = offer("e", "s5", 1, 100, 5000);
        table.accept(e, List.of(e), t(7), table);
        table.move(e, SessionPhase.CANCELLED, t(8), null);
        assertEquals(List.of("b", "e"), adapter.stopped);
        assertEquals(1, table.live());
        assertThrows(IllegalStateException.class, () -> table.move(a, SessionPhase.RUNNING, t(9), null));
    }

    @Test
    void aFailureReportIsQueuedWithItsReason() {
        SessionState a = offer("a", "s1", 1, 100, 5000);
        table.accept(a, List.of(a), t(1), table);
        table.failed(t(30), "a", "the image could not be pulled");
        table.drainNotices();
        table.runDue(t(30));
        assertEquals(SessionPhase.FAILED, a.phase());
        List<SessionTable.Notice> notices = table.drainNotices();
        assertEquals("the image could not be pulled", notices.get(notices.size() - 1).reason());
        assertEquals("the image could not be pulled", a.history().get(a.history().size() - 1).reason());
        assertEquals(List.of("a"), adapter.stopped);
    }

    @Test
    void aRestoredOfferHoldsItsCapacityAndExpiresAgain() {
        assertTrue(restore("a", 3, 1000, history(SessionPhase.OFFERED), t(0)));
        assertTrue(calendar.contains("a"));
        assertEquals(1, table.live());
        assertEquals(1, table.offered());
        assertTrue(adapter.accepted.isEmpty(), "an offer is not executed");
        assertEquals(Optional.of(t(990)), table.nextEvent());
        table.runDue(t(990));
        assertEquals(SessionPhase.EXPIRED, table.get("a").orElseThrow().phase());
        assertEquals(0, table.offered());
    }

    @Test
    void aRestoredAcceptedSessionIsExecutedAgain() {
        assertTrue(restore("a", 3, 1000, history(SessionPhase.OFFERED, SessionPhase.ACCEPTED), t(0)));
        assertEquals(List.of("a"), adapter.accepted);
        assertEquals(1, table.live());
        assertEquals(0, table.offered());
        assertEquals(Optional.empty(), table.nextEvent(), "no expiry for an accepted session");
        assertEquals(3, calendar.usageAt(t(1000).getEpochSecond())[0]);
    }

    @Test
    void aRestoredEndedSessionHoldsNothingAndIsPrunedLikeAnyOther() {
        assertTrue(restore("a", 3, 1000, history(SessionPhase.OFFERED, SessionPhase.EXPIRED), t(100)));
        assertFalse(calendar.contains("a"));
        assertEquals(0, table.live());
        assertTrue(adapter.accepted.isEmpty());
        assertEquals(SessionPhase.EXPIRED, table.get("a").orElseThrow().phase());
        // it ended at t(1), its last change: pruned by a cutoff after that, not at it
        assertEquals(Set.of(), table.prune(t(1), 100));
        assertEquals(Set.of("set-a"), table.prune(t(2), 100));
        assertTrue(table.get("a").isEmpty());
    }

    @Test
    void aRestoreThatNoLongerFitsFailsWithoutSkewingTheCounters() {
        offer("big", "s0", 3, 1000, 50_000);
        assertFalse(restore("a", 2, 1000, history(SessionPhase.OFFERED), t(400)));
        SessionState a = table.get("a").orElseThrow();
        assertEquals(SessionPhase.CANCELLED, a.phase(), "an offer cannot fail: it is withdrawn");
        assertEquals("the platform no longer has the capacity this offer held",
                a.history().get(a.history().size() - 1).reason());
        assertEquals(1, table.live(), "only the offer that fits is live");
        assertEquals(1, table.offered());
        assertTrue(adapter.stopped.isEmpty(), "an offer never ran");
        assertFalse(restore("b", 2, 1000, history(SessionPhase.OFFERED, SessionPhase.ACCEPTED), t(400)));
        assertEquals(List.of("b"), adapter.stopped);
        assertEquals(SessionPhase.FAILED, table.get("b").orElseThrow().phase());
        assertEquals(1, table.live());
        assertEquals(1, table.offered());
        // the failed restore acted at t(400): a report timed before it is queued at t(400)
        table.at(t(300), "big", SessionPhase.ACCEPTED);
        assertEquals(Optional.of(t(400)), table.nextEvent());
    }

    @Test
    void pruneKeepsAtMostTheGivenNumberOfEndedSessionsOldestFirst() {
        for (int i = 0; i < 5; i++) {
            SessionState s = offer("o" + i, "set" + i, 0, 1000, 5000);
            table.move(s, SessionPhase.REJECTED, t(10 + i), null);
        }
        SessionState open = offer("open", "set-open", 0, 1000, 5000);
        assertEquals(Set.of(), table.prune(t(0), 5), "five ended and five kept");
        assertEquals(Set.of("set0", "set1"), table.prune(t(0), 3));
        assertEquals(Set.of("set2"), table.prune(t(13), 3), "ended before the cutoff goes even within the most");
        assertEquals(Set.of(), table.prune(t(13), 3), "one ended exactly at the cutoff stays");
        assertTrue(table.get("o3").isPresent());
        assertTrue(table.get("open").isPresent());
        assertEquals(SessionPhase.OFFERED, open.phase());
        assertEquals(3, table.all().size());
    }
}
