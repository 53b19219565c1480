package io.orrery.client.compare;

import io.orrery.client.Outcome;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.FloatItem;
import io.orrery.model.SimpleCompute;
import io.orrery.model.SimpleStorage;
import io.orrery.model.StorageResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All offers from all brokers in one table: the request's own cost caps and metric floors applied here (brokers
 * ignore them), the brokers' own warnings as flags, ranked, with the Pareto-best offers marked (none better on start, finish, money and carbon).
 */
public final class Comparison {
    public static final String MONETARY = "urn:ivoa:calycopis:cost:monetary";
    public static final String ENERGY = "urn:ivoa:calycopis:cost:energy";
    public static final String CARBON = "urn:ivoa:calycopis:cost:carbon";
    /**
     * The currency monetary costs are shown in: the wire format names none, and the built-in platforms price in
     * euros.
     */
    public static final String CURRENCY = "EUR";

    private Comparison() {}

    /** The rows of every offer in the outcomes, ranked. */
    public static List<OfferRow> of(ExecutionRequest request, List<Outcome> outcomes, Instant now, Rank rank) {
        return of(request, outcomes, broker -> now, rank);
    }

    /** The same, each broker's offers checked against its own clock (built-in brokers may run ahead of real time). */
    public static List<OfferRow> of(ExecutionRequest request, List<Outcome> outcomes,
                                    java.util.function.Function<String, Instant> nowFor, Rank rank) {
        List<OfferRow> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o instanceof Outcome.Offers offers) {
                Instant now = nowFor.apply(o.broker());
                List<String> warned = OfferChecks.brokerWarnings(offers.offerSet().meta());
                for (ExecutionSession s : offers.offerSet().offers()) {
                    rows.add(row(request, o.broker(), s, now, warned));
                }
            }
        }
        List<OfferRow> marked = pareto(rows);
        return marked.stream().sorted(rank.order()).toList();
    }

    /** One offer's row; warned are the broker's warnings about its whole answer, flagged on every offer. */
    static OfferRow row(ExecutionRequest request, String broker, ExecutionSession s, Instant now, List<String> warned) {
        List<String> flags = new ArrayList<>(OfferChecks.flags(request, s, now));
        flags.addAll(warned);
        flags.addAll(OfferChecks.brokerWarnings(s.meta()));
        var slot = OfferChecks.slot(s);
        Map<String, Range> costs = group(s.costs());
        Map<String, Range> metrics = group(s.metrics());
        boolean within = true;
        for (FloatItem cap : request.costs() == null ? List.<FloatItem>of() : request.costs()) {
            Range have = costs.get(cap.type());
            // the worst case counts against a cap: a range of 0.3-0.8 may cost 0.8
            double worst = have == null ? Double.NaN : have.max() != null ? have.max() : have.rankValue();
            if (cap.max() != null && have != null && worst > cap.max()) {
                flags.add(cap.type() + " " + have + " over your cap " + cap.max());
                within = false;
            }
        }
        for (FloatItem floor : request.metrics() == null ? List.<FloatItem>of() : request.metrics()) {
            Range have = metrics.get(floor.type());
            if (floor.min() != null && have != null && (have.max() != null ? have.max() : have.rankValue()) < floor.min()) {
                flags.add(floor.type() + " " + have + " under your floor " + floor.min());
                within = false;
            }
        }
        Long cores = null;
        Long memory = null;
        Map<String, Range> hourly = Map.of();
        if (s.compute() instanceof SimpleCompute c) {
            cores = c.cores() == null ? null : c.cores().min();
            memory = c.memory() == null ? null : c.memory().min();
            hourly = group(c.costs());
        }
        Long storage = null;
        for (StorageResource st : s.storage() == null ? List.<StorageResource>of() : s.storage()) {
            if (st instanceof SimpleStorage ss && ss.size() != null && ss.size().min() != null) {
                storage = (storage == null ? 0 : storage) + ss.size().min();
            }
        }
        return new OfferRow(broker, s.meta().uuid(), s.meta().url(), s.meta().name(),
                slot.map(OfferChecks.Slot::start).orElse(null), slot.map(OfferChecks.Slot::end).orElse(null),
                slot.map(OfferChecks.Slot::lead).orElse(null), slot.map(OfferChecks.Slot::duration).orElse(null),
                slot.map(OfferChecks.Slot::release).orElse(null), cores, memory, storage, costs, hourly, metrics,
                s.expires() == null ? null : Instant.parse(s.expires()), List.copyOf(flags), within, false);
    }

    private static Map<String, Range> group(List<FloatItem> items) {
        Map<String, Range> out = new LinkedHashMap<>();
        for (FloatItem i : items == null ? List.<FloatItem>of() : items) {
            if (i.type() != null) {
                out.put(i.type(), new Range(i.min(), i.max()));
            }
        }
        return out;
    }

    /** Marks rows within caps that no other such row beats on every one of start, finish, money and carbon. */
    static List<OfferRow> pareto(List<OfferRow> rows) {
        List<OfferRow> out = new ArrayList<>();
        for (OfferRow r : rows) {
            boolean best = r.withinCaps() && r.start() != null;
            for (OfferRow other : rows) {
                if (best && other != r && other.withinCaps() && other.start() != null && dominates(other, r)) {
                    best = false;
                }
            }
            out.add(r.withPareto(best));
        }
        return out;
    }

    private static boolean dominates(OfferRow a, OfferRow b) {
        double[] x = key(a);
        double[] y = key(b);
        boolean strictly = false;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > y[i]) {
                return false;
            }
            strictly |= x[i] < y[i];
        }
        return strictly;
    }

    private static double[] key(OfferRow r) {
        return new double[] {r.start().getEpochSecond(), r.end().getEpochSecond(), missingLast(r.cost(MONETARY)),
            missingLast(r.cost(CARBON))};
    }

    private static double missingLast(double v) {
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }
}
