package io.orrery.broker.offer;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.calendar.Shape;
import io.orrery.broker.platform.Platform;
import io.orrery.model.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Says why nothing fits, and what would: a later start, fewer cores, or the preparation the data needs. */
public final class Explainer {
    private Explainer() {}

    public static List<Message> explain(Platform platform, Dimensions dims, ReservationCalendar calendar, Demand d,
                                        Instant now, Pricing.Cost cheapestOverCap) {
        List<Message> out = new ArrayList<>();
        if (cheapestOverCap != null) {
            d.costCaps().forEach((type, cap) -> {
                double c = cheapestOverCap.of(type);
                if (!Double.isNaN(c) && c > cap) {
                    out.add(BrokerMessages.error(now, BrokerMessages.OVER_BUDGET, "The cheapest slot here costs ${cost}"
                            + " (${type}), over your cap of ${cap}", "cost", c, "type", type, "cap", cap));
                }
            });
            return out;
        }
        Instant first = OfferPlanner.firstStart(d, now);
        long grain = platform.offers().granularity().toSeconds();
        Instant horizon = now.plus(platform.limits().horizon());
        if (first.isAfter(d.windowEnd())) {
            String why = d.staging().data().compareTo(d.staging().image()) > 0
                    ? "staging " + d.staging().slowestData() + " from " + d.staging().site() + " takes " + d.staging().data()
                    : "the image takes " + d.staging().image() + " to pull";
            out.add(BrokerMessages.error(now, BrokerMessages.NO_SLOT, "Preparation here needs ${lead} (${why}); the"
                    + " earliest start is ${earliest}, after your window closes at ${end}", "lead", d.lead(), "why", why,
                    "earliest", first, "end", d.windowEnd(), "field", "schedule.requested.start"));
            return out;
        }
        out.add(BrokerMessages.error(now, BrokerMessages.NO_SLOT, "Nothing fits between ${from} and ${to}: the"
                + " platform is fully booked for ${cores} cores, ${memory} GiB for ${duration} then", "from", first,
                "to", d.windowEnd(), "cores", d.coresMin(), "memory", d.memoryMin(), "duration", d.duration(),
                "field", "schedule.requested.start"));
        Shape least = shape(dims, d, d.coresMin());
        OptionalLong later = calendar.earliest(d.windowEnd().getEpochSecond() + 1, horizon.getEpochSecond(), least, grain);
        if (later.isPresent()) {
            out.add(BrokerMessages.info(now, BrokerMessages.SUGGESTION, "Earliest start after your window: ${when}",
                    "when", Instant.ofEpochSecond(later.getAsLong()), "field", "schedule.requested.start"));
        }
        long fewer = fewestCoresThatFit(dims, calendar, d, first, grain);
        if (fewer > 0) {
            out.add(BrokerMessages.info(now, BrokerMessages.SUGGESTION, "Fits in your window with ${cores} cores",
                    "cores", fewer, "field", "compute.cores.min"));
        }
        return out;
    }

    /** The most cores (below the minimum asked) with which the rest fits in the window; 0 if none. */
    private static long fewestCoresThatFit(Dimensions dims, ReservationCalendar cal, Demand d, Instant first, long grain) {
        long lo = 1;
        long hi = d.coresMin() - 1;
        long best = 0;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            OptionalLong s = cal.earliest(first.getEpochSecond(), d.windowEnd().getEpochSecond(), shape(dims, d, mid), grain);
            if (s.isPresent()) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private static Shape shape(Dimensions dims, Demand d, long cores) {
        return d.shape(dims, d.running(dims, cores, d.memoryMin(), d.storageMin()), d.duration());
    }

}
