package io.orrery.workbench.offers;

import io.orrery.client.Outcome;
import io.orrery.client.compare.OfferRow;
import io.orrery.client.compare.Range;
import io.orrery.client.legacy.OpenOffer;
import io.orrery.client.text.HumanTime;
import io.orrery.model.ExecutionRequest;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Lane;
import io.orrery.workbench.timeline.Shade;
import io.orrery.workbench.timeline.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.threeten.extra.Interval;

/**
 * Turns a comparison into timeline content: one lane group per broker in the order they answered, one lane per
 * offer (earliest first) with its preparing, available and releasing parts, a lane with the reasons for each NO,
 * and one with the error for each failure; the request's start window as a shade.
 */
public final class OfferLanes {
    /** What the chart shows. */
    public record Content(List<Lane> lanes, List<Bar> bars, List<Shade> shades) {
    }

    private OfferLanes() {}

    public static Content of(ExecutionRequest request, List<Outcome> outcomes, List<OfferRow> rows,
                             Function<OfferRow, List<String>> flags) {
        return of(request, outcomes, rows, flags, broker -> Duration.ZERO);
    }

    /**
     * The same, with each broker's expiries moved onto the chart's clock: {@code skew} says how far a broker's
     * clock runs ahead of the chart's (built-in brokers whose clock was skipped ahead), so countdowns stay right.
     */
    public static Content of(ExecutionRequest request, List<Outcome> outcomes, List<OfferRow> rows,
                             Function<OfferRow, List<String>> flags, Function<String, Duration> skew) {
        return of(request, outcomes, rows, flags, skew, HumanTime.UTC);
    }

    /** The same, with times in the tooltips and the brokers' reasons shown as {@code time} shows them. */
    public static Content of(ExecutionRequest request, List<Outcome> outcomes, List<OfferRow> rows,
                             Function<OfferRow, List<String>> flags, Function<String, Duration> skew, HumanTime time) {
        Map<String, List<OfferRow>> byBroker = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            byBroker.putIfAbsent(o.broker(), new ArrayList<>());
        }
        for (OfferRow r : rows) {
            byBroker.computeIfAbsent(r.broker(), b -> new ArrayList<>()).add(r);
        }
        List<Lane> lanes = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (Outcome o : outcomes) {
            String broker = o.broker();
            if (o instanceof Outcome.No no) {
                lanes.add(new Lane(broker + "#no", broker, "said NO", Lane.Kind.NO, no.reasons().isEmpty()
                        ? "NO, without a reason" : "NO: " + time.humanize(String.join("; ", no.reasons()))));
            } else if (o instanceof Outcome.Failed f) {
                lanes.add(new Lane(broker + "#error", broker, "error", Lane.Kind.ERROR, f.error().getMessage()));
            } else {
                List<OfferRow> mine = new ArrayList<>(byBroker.get(broker));
                mine.sort(Comparator.comparing(OfferRow::start, Comparator.nullsLast(Comparator.naturalOrder())));
                int n = 0;
                for (OfferRow r : mine) {
                    n++;
                    if (r.start() == null) {
                        lanes.add(new Lane(r.uuid(), broker, "offer " + n, Lane.Kind.NO, "this offer has no usable"
                                + " schedule (see the table)"));
                        continue;
                    }
                    boolean open = open(r);
                    lanes.add(new Lane(r.uuid(), broker, "offer " + n + (open ? " \u00b7 open" : "") + label(r),
                            Lane.Kind.OFFERS, null));
                    List<String> f = flags.apply(r);
                    Instant expires = r.expires() == null ? null : r.expires().minus(skew.apply(broker));
                    bars.add(new Bar(r.uuid(), r.uuid(), spans(r), expires, open ? openLabel(r) : cost(r),
                            tooltip(r, f, time), f.stream().anyMatch(x -> !x.startsWith(OpenOffer.FLAG))));
                }
            }
        }
        return new Content(lanes, bars, shades(request));
    }

    /** Whether the broker gave no times for this offer (an older protocol's YES, drawn from the time of its answer). */
    public static boolean open(OfferRow r) {
        return r.flags().stream().anyMatch(f -> f.startsWith(OpenOffer.FLAG));
    }

    private static String openLabel(OfferRow r) {
        String cost = cost(r);
        return "open: no times given" + (cost == null ? "" : " \u00b7 " + cost);
    }

    /** Preparing before the start, available from start to end, releasing after it; hatched when it is open. */
    public static List<Span> spans(OfferRow r) {
        List<Span> out = new ArrayList<>();
        if (open(r)) {
            out.add(new Span(r.start(), r.end(), Span.Kind.OPEN));
            return out;
        }
        if (r.lead() != null && !r.lead().isZero()) {
            out.add(new Span(r.start().minus(r.lead()), r.start(), Span.Kind.PREPARING));
        }
        out.add(new Span(r.start(), r.end(), Span.Kind.AVAILABLE));
        if (r.release() != null && !r.release().isZero()) {
            out.add(new Span(r.end(), r.end().plus(r.release()), Span.Kind.RELEASING));
        }
        return out;
    }

    private static String label(OfferRow r) {
        return r.cores() == null ? "" : " \u00b7 " + r.cores() + " cores" + (r.memory() == null ? "" : ", " + r.memory()
                + " GiB");
    }

    private static String cost(OfferRow r) {
        Range money = r.costs().get(io.orrery.client.compare.Comparison.MONETARY);
        return money == null ? null : money + " " + io.orrery.client.compare.Comparison.CURRENCY;
    }

    static String tooltip(OfferRow r, List<String> flags, HumanTime time) {
        StringBuilder b = new StringBuilder(r.broker()).append(r.paretoBest() ? "  (Pareto-best)" : "").append('\n');
        b.append("start ").append(time.instant(r.start())).append("\nend   ").append(time.instant(r.end())).append('\n');
        b.append("runs ").append(HumanTime.duration(r.duration())).append(", preparing ")
                .append(HumanTime.duration(r.lead())).append(", releasing ").append(HumanTime.duration(r.release()));
        if (r.cores() != null) {
            b.append('\n').append(r.cores()).append(" cores");
            if (r.memory() != null) {
                b.append(", ").append(r.memory()).append(" GiB");
            }
        }
        r.costs().forEach((k, v) -> b.append('\n').append(k.substring(k.lastIndexOf(':') + 1)).append(' ').append(v)
                .append(unit(k)));
        r.metrics().forEach((k, v) -> b.append('\n').append(k.substring(k.lastIndexOf(':') + 1)).append(' ').append(v));
        flags.forEach(f -> b.append("\n\u26a0 ").append(time.humanize(f)));
        return b.toString();
    }

    private static String unit(String costType) {
        return switch (costType) {
            case io.orrery.client.compare.Comparison.MONETARY -> " " + io.orrery.client.compare.Comparison.CURRENCY;
            case io.orrery.client.compare.Comparison.ENERGY -> " kWh";
            case io.orrery.client.compare.Comparison.CARBON -> " gCO\u2082";
            default -> "";
        };
    }

    static List<Shade> shades(ExecutionRequest request) {
        if (request == null || request.schedule() == null || request.schedule().requested() == null
                || request.schedule().requested().start() == null) {
            return List.of();
        }
        String start = request.schedule().requested().start();
        try {
            Interval w = Times.interval(start);
            Instant end = w.isUnboundedEnd() ? w.getStart().plus(Duration.ofDays(1)) : w.getEnd();
            return List.of(new Shade(w.getStart(), end, "requested start"));
        } catch (TimeFormatException e) {
            return List.of();
        }
    }
}
