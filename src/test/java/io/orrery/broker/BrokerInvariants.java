package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.model.Lifecycle;
import io.orrery.model.PhaseChange;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Checks that hold after any sequence of operations on a broker core. */
final class BrokerInvariants {
    private BrokerInvariants() {}

    /** No dimension is over capacity at any step of the calendar, and none is negative. */
    static void noOverbooking(BrokerCore core) {
        core.inspect(cal -> {
            long[] cap = cal.capacity();
            for (Map.Entry<Long, long[]> step : cal.profile().entrySet()) {
                for (int i = 0; i < cap.length; i++) {
                    long used = step.getValue()[i];
                    assertTrue(used >= 0 && used <= cap[i], "dimension " + i + " holds " + used + " of " + cap[i]
                            + " from " + step.getKey());
                }
            }
            return null;
        });
    }

    /** Exactly the sessions whose phase holds capacity have a booking. */
    static void bookingsMatchPhases(BrokerCore core, Collection<String> sessionIds) {
        for (String id : sessionIds) {
            ExecutionSession s = core.session(id).orElseThrow();
            boolean holds = Lifecycle.holdsCapacity(SessionPhase.valueOf(s.phase()));
            boolean booked = core.inspect(cal -> cal.contains(id));
            assertEquals(holds, booked, "session " + id + " in " + s.phase() + (booked ? " still holds" : " holds nothing"));
        }
    }

    /** Every phase change followed an edge of the lifecycle. */
    static void phasesFollowEdges(BrokerCore core, Collection<String> sessionIds) {
        for (String id : sessionIds) {
            List<PhaseChange> h = core.history(id);
            for (int i = 1; i < h.size(); i++) {
                assertTrue(Lifecycle.allowed(h.get(i - 1).phase(), h.get(i).phase()),
                        h.get(i - 1).phase() + " -> " + h.get(i).phase() + " in " + h);
                assertTrue(!h.get(i).at().isBefore(h.get(i - 1).at()), "time runs forward: " + h);
            }
        }
    }

    /** After an accept, no sibling is still OFFERED or holding anything. */
    static void siblingsReleased(BrokerCore core, OfferSet set, String accepted) {
        for (ExecutionSession o : core.offerSet(set.meta().uuid()).orElseThrow().offers()) {
            if (!o.meta().uuid().equals(accepted)) {
                assertTrue(SessionPhase.valueOf(o.phase()).isTerminal(), "sibling is " + o.phase());
                assertTrue(!core.inspect(cal -> cal.contains(o.meta().uuid())), "sibling still holds capacity");
            }
        }
    }
}
