package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.Platform;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.SimpleCompute;
import io.orrery.model.Update;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random sequences of requests, accepts, rejects, cancels and time passing keep every invariant of the core. */
class BrokerPropertiesTest {
    private static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");

    @Property(tries = 60)
    void invariantsHoldUnderAnySequence(@ForAll long seed, @ForAll @IntRange(min = 5, max = 60) int steps) {
        Random r = new Random(seed);
        Platform platform = PlatformCatalog.find(r.nextBoolean() ? "laptop" : "budget").orElseThrow();
        VirtualClock clock = new VirtualClock(T0);
        BrokerCore core = new BrokerCore(platform, clock);
        List<String> all = new ArrayList<>();
        List<OfferSet> sets = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            switch (r.nextInt(5)) {
                case 0, 1 -> {
                    long cores = 1 + r.nextInt(8);
                    long memory = 1 + r.nextInt(16);
                    Duration d = Duration.ofMinutes(10L * (1 + r.nextInt(18)));
                    String window = null;
                    Instant ws = null;
                    Instant we = null;
                    if (r.nextBoolean()) {
                        ws = clock.instant().plus(Duration.ofMinutes(r.nextInt(600)));
                        we = ws.plus(Duration.ofMinutes(r.nextInt(240)));
                        window = ws + "/" + we;
                    }
                    Instant asked = clock.instant();
                    OfferSet set = core.request(Requests.docker(cores, memory, d.toString(), window));
                    sets.add(set);
                    if ("YES".equals(set.result())) {
                        for (ExecutionSession o : set.offers()) {
                            all.add(o.meta().uuid());
                            offerKeepsTheRequest(o, cores, memory, d, ws, we, asked, platform);
                        }
                    }
                }
                case 2 -> act(core, sets, r, all);
                case 3 -> clock.advance(Duration.ofMinutes(r.nextInt(180)));
                default -> acceptExpired(core, sets, clock);
            }
            BrokerInvariants.noOverbooking(core);
        }
        BrokerInvariants.bookingsMatchPhases(core, all);
        BrokerInvariants.phasesFollowEdges(core, all);
    }

    private static void offerKeepsTheRequest(ExecutionSession o, long cores, long memory, Duration d, Instant ws,
                                             Instant we, Instant asked, Platform platform) {
        SimpleCompute c = (SimpleCompute) o.compute();
        assertTrue(c.cores().min() >= cores && c.cores().max() <= cores, "cores " + c.cores());
        assertTrue(c.memory().min() >= memory && c.memory().max() <= memory, "memory " + c.memory());
        Duration length = Times.duration(o.schedule().available().duration());
        assertTrue(length.compareTo(d) >= 0 && length.compareTo(d.multipliedBy(2)) <= 0, "length " + length);
        Instant start = Times.startOf(o.schedule().available().start());
        assertTrue(start.isAfter(asked), "starts in the future");
        if (ws != null) {
            assertTrue(!start.isBefore(ws) && !start.isAfter(we), start + " outside " + ws + "/" + we);
        }
        assertTrue(Instant.parse(o.expires()).equals(asked.plus(platform.offers().lifetime())));
    }

    private static void act(BrokerCore core, List<OfferSet> sets, Random r, List<String> all) {
        if (sets.isEmpty()) {
            return;
        }
        OfferSet set = sets.get(r.nextInt(sets.size()));
        if (set.offers() == null) {
            return;
        }
        ExecutionSession o = set.offers().get(r.nextInt(set.offers().size()));
        String id = o.meta().uuid();
        SessionPhase now = SessionPhase.valueOf(core.session(id).orElseThrow().phase());
        SessionPhase want = List.of(SessionPhase.ACCEPTED, SessionPhase.REJECTED, SessionPhase.CANCELLED)
                .get(r.nextInt(3));
        try {
            core.update(id, Update.phase(want.name()));
            if (want == SessionPhase.ACCEPTED && now == SessionPhase.OFFERED) {
                BrokerInvariants.siblingsReleased(core, set, id);
            }
        } catch (UpdateRefusedException e) {
            assertTrue(now != SessionPhase.OFFERED || want == SessionPhase.CANCELLED
                    || now.isTerminal() || e.getMessage().contains("expired"), e.getMessage() + " from " + now);
        }
    }

    /** An offer past its expiry can never be accepted. */
    private static void acceptExpired(BrokerCore core, List<OfferSet> sets, VirtualClock clock) {
        for (OfferSet set : sets) {
            if (set.offers() == null) {
                continue;
            }
            for (ExecutionSession o : set.offers()) {
                if (!clock.instant().isBefore(Instant.parse(o.expires()))) {
                    SessionPhase p = SessionPhase.valueOf(core.session(o.meta().uuid()).orElseThrow().phase());
                    if (p == SessionPhase.OFFERED || p == SessionPhase.EXPIRED) {
                        assertThrows(UpdateRefusedException.class,
                                () -> core.update(o.meta().uuid(), Update.phase("ACCEPTED")));
                    }
                }
            }
        }
    }
}
