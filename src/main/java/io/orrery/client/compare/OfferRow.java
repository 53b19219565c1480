package io.orrery.client.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One offer from one broker, in the terms every offer can be compared by. Costs and metrics are grouped by their
 * {@code type} URI; the session's totals are kept apart from the compute's per-hour prices. Lead and release are
 * the preparation before the start and the release after the end.
 */
public record OfferRow(String broker, String uuid, String url, String name, Instant start, Instant end,
                       Duration lead, Duration duration, Duration release, Long cores, Long memory, Long storage,
                       Map<String, Range> costs, Map<String, Range> hourly, Map<String, Range> metrics,
                       Instant expires, List<String> flags, boolean withinCaps, boolean paretoBest) {

    public OfferRow withPareto(boolean best) {
        return new OfferRow(broker, uuid, url, name, start, end, lead, duration, release, cores, memory, storage, costs, hourly,
                metrics, expires, flags, withinCaps, best);
    }

    /** The session total of a cost type, NaN when the broker gave none. */
    public double cost(String type) {
        Range r = costs.get(type);
        return r == null ? Double.NaN : r.rankValue();
    }
}
