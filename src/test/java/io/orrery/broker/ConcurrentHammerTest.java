package io.orrery.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.orrery.broker.clock.VirtualClock;
import io.orrery.broker.platform.PlatformCatalog;
import io.orrery.broker.session.UpdateRefusedException;
import io.orrery.model.ExecutionSession;
import io.orrery.model.OfferSet;
import io.orrery.model.SessionPhase;
import io.orrery.model.Update;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads request, accept, reject and cancel on one platform while time passes; the calendar stays sound. */
class ConcurrentHammerTest {

    @Test
    void manyThreadsNeverOverbook() throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2027-03-01T08:00:00Z"));
        BrokerCore core = new BrokerCore(PlatformCatalog.find("budget").orElseThrow(), clock);
        Queue<String> all = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                workers.add(pool.submit(() -> {
                    go.await();
                    Random r = new Random(seed);
                    for (int i = 0; i < 150; i++) {
                        OfferSet set = core.request(Requests.docker(1 + r.nextInt(64), 1 + r.nextInt(128),
                                "PT" + (1 + r.nextInt(8)) + "H", null));
                        if (set.offers() == null) {
                            continue;
                        }
                        set.offers().forEach(o -> all.add(o.meta().uuid()));
                        ExecutionSession o = set.offers().get(r.nextInt(set.offers().size()));
                        String want = List.of("ACCEPTED", "ACCEPTED", "REJECTED", "CANCELLED").get(r.nextInt(4));
                        try {
                            core.update(o.meta().uuid(), Update.phase(want));
                            if (want.equals("ACCEPTED")) {
                                accepted.incrementAndGet();
                                if (r.nextInt(4) == 0) {
                                    core.update(o.meta().uuid(), Update.phase("CANCELLED"));
                                }
                            }
                        } catch (UpdateRefusedException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Future<?> ticker = pool.submit(() -> {
                go.await();
                for (int i = 0; i < 400; i++) {
                    clock.advance(Duration.ofMinutes(3));
                    core.catchUp();
                    Thread.onSpinWait();
                }
                return null;
            });
            go.countDown();
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            ticker.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(accepted.get() > 50, "accepted " + accepted.get());
        BrokerInvariants.noOverbooking(core);
        BrokerInvariants.bookingsMatchPhases(core, all);
        BrokerInvariants.phasesFollowEdges(core, all);
        clock.advance(Duration.ofDays(30));
        core.catchUp();
        assertEquals(0, (int) core.inspect(cal -> cal.size()), "every session over, nothing held");
        assertTrue(core.census().keySet().stream().allMatch(SessionPhase::isTerminal), core.census().toString());
    }
}
