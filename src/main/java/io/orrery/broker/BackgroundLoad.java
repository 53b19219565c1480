package io.orrery.broker;

import io.orrery.broker.calendar.Shape;
import java.time.Instant;
import java.util.Random;

/**
 * Synthetic work of other users, booked straight into a broker's calendar: small jobs (1-16 cores, twice that in
 * GiB, 1-8 hours) at random minutes over the platform's booking horizon, from a seed. For benchmarks, load tests
 * and demos of a busy platform.
 */
public final class BackgroundLoad {
    private BackgroundLoad() {}

    /** Books up to n jobs that fit (trying at most 4n); returns how many were booked. */
    public static int book(BrokerCore core, int n, long seed) {
        Random r = new Random(seed);
        Instant from = core.clock().instant();
        long horizonMinutes = core.platform().limits().horizon().toMinutes();
        int booked = 0;
        for (int i = 0; booked < n && i < n * 4; i++) {
            long cores = 1 + r.nextInt(16);
            long hours = 1 + r.nextInt(8);
            long[] amounts = core.dimensions().vector(cores, cores * 2, 0);
            Instant start = from.plusSeconds(60 * (long) r.nextInt((int) Math.max(1, horizonMinutes)));
            if (core.bookBackground("background-" + seed + "-" + i, start, Shape.flat(hours * 3600, amounts))) {
                booked++;
            }
        }
        return booked;
    }
}
