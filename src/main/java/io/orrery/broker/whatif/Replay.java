package io.orrery.broker.whatif;

import io.orrery.broker.BrokerCore;
import io.orrery.broker.calendar.Shape;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Books a workload into a broker core's own reservation calendar, first come first served: each job starts at the
 * earliest moment from its submission at which it fits, within a year, on the same capacity the broker's offers
 * use. Jobs larger than the platform are skipped and counted.
 */
public final class Replay {
    /** How a replay went. */
    public record Stats(int booked, int tooBig, int noRoom, Duration meanWait, Duration maxWait) {
        public String describe() {
            return booked + " jobs booked" + (tooBig == 0 ? "" : ", " + tooBig + " larger than the platform skipped")
                    + (noRoom == 0 ? "" : ", " + noRoom + " found no room within a year")
                    + ", wait mean " + meanWait.withNanos(0) + ", max " + maxWait.withNanos(0);
        }
    }

    private static final Duration WITHIN = Duration.ofDays(365);

    private Replay() {}

    /** Books the jobs, the trace's second 0 being origin. */
    public static Stats run(BrokerCore core, List<TraceJob> jobs, Instant origin) {
        return run(core, jobs, origin, false);
    }

    /**
     * Books the jobs, the trace's second 0 being origin; exact ones at their submit time to the second where they
     * fit (a real queue's snapshot), the others (and exact ones that do not fit) at the first whole minute they fit.
     */
    public static Stats run(BrokerCore core, List<TraceJob> jobs, Instant origin, boolean exact) {
        long cores = core.platform().capacity().cores();
        long memory = core.platform().capacity().memory();
        int booked = 0;
        int tooBig = 0;
        int noRoom = 0;
        long waitSum = 0;
        long waitMax = 0;
        for (TraceJob j : jobs) {
            long mem = j.memoryGiB() > 0 ? j.memoryGiB() : Math.max(1, (j.cores() * memory + cores - 1) / cores);
            if (j.cores() > cores || mem > memory) {
                tooBig++;
                continue;
            }
            Instant submit = origin.plusSeconds(j.submit());
            Shape shape = Shape.flat(j.runtime(), core.dimensions().vector(j.cores(), mem, 0));
            var start = exact && core.bookBackground("job-" + j.id(), submit, shape) ? java.util.Optional.of(submit)
                    : core.bookEarliest("job-" + j.id(), submit, shape, WITHIN);
            if (start.isEmpty()) {
                noRoom++;
                continue;
            }
            long wait = Duration.between(submit, start.get()).toSeconds();
            waitSum += wait;
            waitMax = Math.max(waitMax, wait);
            booked++;
        }
        return new Stats(booked, tooBig, noRoom, Duration.ofSeconds(booked == 0 ? 0 : waitSum / booked),
                Duration.ofSeconds(waitMax));
    }
}
