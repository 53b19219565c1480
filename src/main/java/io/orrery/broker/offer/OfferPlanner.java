package io.orrery.broker.offer;

import io.orrery.broker.calendar.Dimensions;
import io.orrery.broker.calendar.ReservationCalendar;
import io.orrery.broker.calendar.Shape;
import io.orrery.broker.platform.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Finds up to N usefully different offers for a demand and books each one as it is found: the earliest start at
 * the minimum size, more of everything (up to the maxima) a little later, the longest run, the cheapest start,
 * then further start times. Every offer starts inside the window, gets at least the minimum and never more than the
 * maximum of each resource, and runs at least the requested duration and at most the maximum. Call it with the
 * calendar's lock held.
 */
public final class OfferPlanner {
    private final Platform platform;
    private final Dimensions dims;
    private final ReservationCalendar calendar;
    private final Demand demand;
    private final Instant now;
    private final Supplier<String> ids;
    private final List<Proposal> out = new ArrayList<>();
    private Pricing.Cost cheapestOverCap;

    private OfferPlanner(Platform platform, Dimensions dims, ReservationCalendar calendar, Demand demand, Instant now,
                         Supplier<String> ids) {
        this.platform = platform;
        this.dims = dims;
        this.calendar = calendar;
        this.demand = demand;
        this.now = now;
        this.ids = ids;
    }

    /** The proposals, booked; and, if any were dropped for breaking a cost cap, the cheapest of those. */
    public record Plan(List<Proposal> proposals, Pricing.Cost cheapestOverCap) {
    }

    public static Plan plan(Platform platform, Dimensions dims, ReservationCalendar calendar, Demand demand, Instant now,
                            Supplier<String> ids) {
        OfferPlanner p = new OfferPlanner(platform, dims, calendar, demand, now, ids);
        p.run();
        return new Plan(List.copyOf(p.out), p.cheapestOverCap);
    }

    /** The first possible start: not before the window opens, nor before preparation can be done. */
    static Instant firstStart(Demand d, Instant now) {
        Instant ready = now.plus(d.lead());
        return d.windowStart().isAfter(ready) ? d.windowStart() : ready;
    }

    private void run() {
        int wanted = platform.offers().alternatives();
        Instant from = firstStart(demand, now);
        if (from.isAfter(demand.windowEnd())) {
            return;
        }
        long[] least = sizes(demand.coresMin(), demand.memoryMin(), demand.storageMin());
        long[] most = sizes(demand.coresMax(), demand.memoryMax(), demand.storageMax());
        tryAt("earliest", from, least, demand.duration());
        if (!java.util.Arrays.equals(least, most) && out.size() < wanted) {
            tryAt("more resources", from, most, demand.duration());
        }
        if (demand.maxDuration().compareTo(demand.duration()) > 0 && out.size() < wanted) {
            tryAt("longest", from, least, demand.maxDuration());
        }
        if (platform.prices().offPeak() != null && out.size() < wanted) {
            cheapest(from, least);
        }
        // interactive platforms offer nearby precise starts; batch platforms offer back-to-back slots
        Duration step = platform.offers().interactive() ? platform.offers().granularity() : demand.duration();
        Instant next = from;
        int guard = 0;
        while (out.size() < wanted && guard++ < wanted * 4) {
            Instant last = out.isEmpty() ? next : out.get(out.size() - 1).start();
            next = (last.isBefore(next) ? next : last).plus(step);
            if (next.isAfter(demand.windowEnd()) || !tryAt("later start", next, least, demand.duration())) {
                break;
            }
        }
    }

    private long[] sizes(long cores, long memory, long storage) {
        return demand.running(dims, cores, memory, storage);
    }

    private Shape shape(long[] running, Duration length) {
        return demand.shape(dims, running, length);
    }

    /** Finds the earliest fit at or after from; books it unless it repeats an offer or breaks a cap. */
    private boolean tryAt(String label, Instant from, long[] amounts, Duration length) {
        OptionalLong s = find(from, amounts, length);
        if (s.isEmpty()) {
            return false;
        }
        return add(label, Instant.ofEpochSecond(s.getAsLong()), amounts, length);
    }

    private OptionalLong find(Instant from, long[] amounts, Duration length) {
        return calendar.earliest(from.getEpochSecond(), demand.windowEnd().getEpochSecond(), shape(amounts, length),
                platform.offers().granularity().toSeconds());
    }

    private void cheapest(Instant from, long[] least) {
        Platform.OffPeak offPeak = platform.prices().offPeak();
        Instant day = from.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Proposal best = null;
        Instant bestStart = null;
        for (int i = 0; i < 8; i++) {
            Instant candidate = day.plus(Duration.ofDays(i)).plus(Duration.ofHours(offPeak.fromHour()));
            if (candidate.isAfter(demand.windowEnd())) {
                break;
            }
            OptionalLong s = find(candidate.isBefore(from) ? from : candidate, least, demand.duration());
            if (s.isPresent()) {
                Instant start = Instant.ofEpochSecond(s.getAsLong());
                Pricing.Cost c = cost(start, demand.duration(), least);
                if (best == null || c.monetary() < best.least().monetary()) {
                    best = new Proposal(null, null, start, demand.duration(), demand.lead(), demand.release(),
                            0, 0, 0, null, 0, null, c, c);
                    bestStart = start;
                }
            }
        }
        double earliestCost = out.isEmpty() ? Double.MAX_VALUE : out.get(0).least().monetary();
        if (best != null && best.least().monetary() < earliestCost) {
            add("cheapest", bestStart, least, demand.duration());
        }
    }

    private Pricing.Cost cost(Instant start, Duration length, long[] v) {
        long gpus = demand.gpuModel() == null ? 0 : v[dims.gpu(demand.gpuModel())];
        return Pricing.cost(platform, start, length, v[Dimensions.CORES], v[Dimensions.MEMORY], v[Dimensions.STORAGE], gpus);
    }

    private boolean add(String label, Instant start, long[] amounts, Duration length) {
        for (Proposal p : out) {
            if (p.start().equals(start) && p.duration().equals(length) && p.cores() == amounts[Dimensions.CORES]
                    && p.memory() == amounts[Dimensions.MEMORY] && p.storage() == amounts[Dimensions.STORAGE]) {
                return true;
            }
        }
        Pricing.Cost least = cost(start, demand.duration(), amounts);
        Pricing.Cost most = cost(start, length, amounts);
        for (Map.Entry<String, Double> cap : demand.costCaps().entrySet()) {
            double c = least.of(cap.getKey());
            if (!Double.isNaN(c) && c > cap.getValue()) {
                if (cheapestOverCap == null || least.monetary() < cheapestOverCap.monetary()) {
                    cheapestOverCap = least;
                }
                return false;
            }
        }
        Shape shape = shape(amounts, length);
        String id = ids.get();
        calendar.book(id, start.getEpochSecond(), shape);
        long gpus = demand.gpuModel() == null ? 0 : amounts[dims.gpu(demand.gpuModel())];
        out.add(new Proposal(id, label, start, length, demand.lead(), demand.release(), amounts[Dimensions.CORES],
                amounts[Dimensions.MEMORY], amounts[Dimensions.STORAGE], demand.gpuModel(), gpus, shape, least, most));
        return true;
    }
}
