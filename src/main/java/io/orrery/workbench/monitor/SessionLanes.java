package io.orrery.workbench.monitor;

import io.orrery.client.text.HumanTime;
import io.orrery.model.PhaseChange;
import io.orrery.model.SessionPhase;
import io.orrery.workbench.timeline.Bar;
import io.orrery.workbench.timeline.Lane;
import io.orrery.workbench.timeline.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Monitored sessions as timeline content: per session a group with the planned schedule (as offered) and, under
 * it, what actually happened, from the phase history, on the same time axis.
 */
public final class SessionLanes {
    /** What the chart shows. */
    public record Content(List<Lane> lanes, List<Bar> bars) {
    }

    private SessionLanes() {}

    public static Content of(List<Watched> sessions, Instant now) {
        return of(sessions, w -> now);
    }

    /** The same, each session's open phase drawn up to the time on its own broker's clock. */
    public static Content of(List<Watched> sessions, java.util.function.Function<Watched, Instant> nowFor) {
        return of(sessions, nowFor, HumanTime.UTC);
    }

    /** The same, with the tooltips' times shown as {@code time} shows them. */
    public static Content of(List<Watched> sessions, java.util.function.Function<Watched, Instant> nowFor,
                             HumanTime time) {
        List<Lane> lanes = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (Watched w : sessions) {
            String group = w.name() + " on " + w.broker();
            String planned = w.url() + "#planned";
            String actual = w.url() + "#actual";
            lanes.add(new Lane(planned, group, "planned", Lane.Kind.OFFERS, w.start() == null ? "no usable schedule" : null));
            if (w.start() != null) {
                List<Span> plan = new ArrayList<>();
                if (!w.lead().isZero()) {
                    plan.add(new Span(w.start().minus(w.lead()), w.start(), Span.Kind.PREPARING));
                }
                Instant end = w.start().plus(w.duration());
                plan.add(new Span(w.start(), end, Span.Kind.AVAILABLE));
                if (!w.release().isZero()) {
                    plan.add(new Span(end, end.plus(w.release()), Span.Kind.RELEASING));
                }
                bars.add(new Bar(planned, planned, plan, null, null, "planned: available " + time.instant(w.start())
                        + " to " + time.instant(end) + " (" + HumanTime.duration(w.duration()) + ")",
                        false));
            }
            List<Span> happened = actual(w.history(), nowFor.apply(w));
            lanes.add(new Lane(actual, group, "actual: " + w.phaseProperty().get(), Lane.Kind.LIVE,
                    happened.isEmpty() ? w.phaseProperty().get() + " (nothing has run yet)" : null));
            if (!happened.isEmpty()) {
                bars.add(new Bar(actual, actual, happened, null, w.phaseProperty().get().name(), tooltip(w, time), false));
            }
        }
        return new Content(lanes, bars);
    }

    /** The stretches spent preparing, available or running, releasing, and a failure mark. */
    static List<Span> actual(List<PhaseChange> history, Instant now) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            PhaseChange c = history.get(i);
            Instant until = i + 1 < history.size() ? history.get(i + 1).at() : c.phase().isTerminal() ? c.at() : now;
            Span.Kind kind = switch (c.phase()) {
                case PREPARING -> Span.Kind.PREPARING;
                case AVAILABLE, RUNNING -> Span.Kind.ACTUAL;
                case RELEASING -> Span.Kind.RELEASING;
                case FAILED -> Span.Kind.FAILED;
                default -> null;
            };
            if (kind != null && !until.isBefore(c.at())) {
                out.add(new Span(c.at(), c.phase() == SessionPhase.FAILED ? c.at().plusSeconds(1) : until, kind));
            }
        }
        return out;
    }

    private static String tooltip(Watched w, HumanTime time) {
        StringBuilder b = new StringBuilder(w.name()).append(" on ").append(w.broker());
        for (PhaseChange c : w.history()) {
            b.append('\n').append(time.instant(c.at())).append("  ").append(c.phase()).append(c.reason() == null ? "" : " (" + c.reason() + ")");
        }
        return b.toString();
    }
}
