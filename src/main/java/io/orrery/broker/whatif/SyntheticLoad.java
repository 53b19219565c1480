package io.orrery.broker.whatif;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Other users' work, made up from a seed: jobs arrive as a Poisson process at {@code rate} an hour, with cores
 * drawn log-uniformly between {@code coresMin} and {@code coresMax} (as powers of two where the range allows) and
 * run times log-uniformly between {@code hoursMin} and {@code hoursMax}. The same numbers give the same jobs.
 */
public record SyntheticLoad(double rate, long coresMin, long coresMax, double hoursMin, double hoursMax, long seed) {
    public SyntheticLoad {
        if (!(rate > 0)) {
            throw new TraceFormatException("rate must be above 0 jobs an hour, not " + rate);
        }
        if (coresMin < 1 || coresMax < coresMin) {
            throw new TraceFormatException("cores must be a range like 1..64 with 1 <= min <= max, not " + coresMin
                    + ".." + coresMax);
        }
        if (!(hoursMin > 0) || hoursMax < hoursMin) {
            throw new TraceFormatException("hours must be a range like 0.5..8 with 0 < min <= max, not " + hoursMin
                    + ".." + hoursMax);
        }
    }

    /** The jobs submitted within the first {@code span} of the load (at most {@code limit}). */
    public List<TraceJob> jobs(Duration span, int limit) {
        Random r = new Random(seed);
        List<TraceJob> out = new ArrayList<>();
        double t = 0;
        long end = span.toSeconds();
        double perSecond = rate / 3600.0;
        for (long id = 1; out.size() < limit; id++) {
            t += -Math.log(1 - r.nextDouble()) / perSecond;
            if (t > end) {
                break;
            }
            long cores = logUniform(r, coresMin, coresMax);
            boolean powers = Long.highestOneBit(coresMax) >= coresMin;
            if (powers) {
                long p = Long.highestOneBit(cores);
                cores = p < coresMin ? p << 1 : p;
            }
            double hours = Math.exp(Math.log(hoursMin) + r.nextDouble() * (Math.log(hoursMax) - Math.log(hoursMin)));
            out.add(new TraceJob(id, (long) t, Math.max(60, Math.round(hours * 3600)), Math.min(cores, coresMax), 0));
        }
        return out;
    }

    private static long logUniform(Random r, long lo, long hi) {
        if (lo == hi) {
            return lo;
        }
        double v = Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi + 1.0) - Math.log(lo)));
        return Math.max(lo, Math.min(hi, (long) v));
    }
}
