package io.orrery.broker.whatif;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.FloatItem;
import io.orrery.model.Message;
import io.orrery.model.OfferSet;
import io.orrery.model.Update;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions a sandbox answers: offers for a task on each platform at the scenario's moment, and sweeps. Each
 * answer's offers are rejected straight after, so they hold no capacity and every question sees the same
 * calendars.
 */
public final class WhatIf {
    private static final String MONETARY = "urn:ivoa:calycopis:cost:monetary";

    private WhatIf() {}

    /** The offer set a platform gives for the request (its offers then released). */
    public static OfferSet ask(Scenario.Sandbox box, ExecutionRequest request) {
        OfferSet set = box.core().request(request);
        release(box, set);
        return set;
    }

    private static void release(Scenario.Sandbox box, OfferSet set) {
        if (set.offers() != null) {
            for (ExecutionSession s : set.offers()) {
                box.core().update(s.meta().uuid(), Update.phase("REJECTED"));
            }
        }
    }

    /** Every value of the sweep on every platform (or, sweeping platforms, each named one). */
    public static List<SweepPoint> sweep(List<Scenario.Sandbox> boxes, ExecutionRequest request, Sweep sweep, Instant at) {
        List<SweepPoint> out = new ArrayList<>();
        for (String value : sweep.values()) {
            ExecutionRequest edited = RequestEdit.apply(request, sweep.parameter(), value, at);
            for (Scenario.Sandbox box : boxes) {
                if (sweep.parameter() == Sweep.Parameter.PLATFORM && !box.platform().name().equals(value)) {
                    continue;
                }
                out.add(point(value, box.platform().name(), ask(box, edited)));
            }
        }
        return out;
    }

    static SweepPoint point(String value, String platform, OfferSet set) {
        if (set.offers() == null || set.offers().isEmpty()) {
            List<String> reasons = new ArrayList<>();
            if (set.meta() != null && set.meta().messages() != null) {
                set.meta().messages().stream().map(Message::text).forEach(reasons::add);
            }
            return new SweepPoint(value, platform, null, null, null, reasons);
        }
        Instant start = null;
        Instant finish = null;
        Double cost = null;
        for (ExecutionSession s : set.offers()) {
            try {
                if (s.schedule() != null && s.schedule().available() != null) {
                    Instant a = Times.startOf(s.schedule().available().start());
                    Instant b = a.plus(s.schedule().available().duration() == null ? Duration.ZERO
                            : Times.duration(s.schedule().available().duration()));
                    start = start == null || a.isBefore(start) ? a : start;
                    finish = finish == null || b.isBefore(finish) ? b : finish;
                }
            } catch (TimeFormatException ignored) {
                // our own core writes readable times; a bad one would simply not count
            }
            for (FloatItem c : s.costs() == null ? List.<FloatItem>of() : s.costs()) {
                Double v = c.min() != null ? c.min() : c.max();
                if (MONETARY.equals(c.type()) && v != null && (cost == null || v < cost)) {
                    cost = v;
                }
            }
        }
        return new SweepPoint(value, platform, start, finish, cost, List.of());
    }
}
