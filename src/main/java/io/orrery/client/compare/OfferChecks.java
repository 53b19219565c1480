package io.orrery.client.compare;

import io.orrery.model.ExecutionRequest;
import io.orrery.model.ExecutionSession;
import io.orrery.model.Meta;
import io.orrery.model.MinMax;
import io.orrery.model.Schedule;
import io.orrery.model.SimpleCompute;
import io.orrery.model.time.TimeFormatException;
import io.orrery.model.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.threeten.extra.Interval;

/**
 * What the client checks itself, because brokers do not always honour the request: an offer's real schedule
 * (ignoring 1970 placeholders), and every way it breaks the request (outside the start window, over a maximum,
 * under a minimum, memory that merely echoes cores, too short, already expired), and what the broker itself warns of.
 */
public final class OfferChecks {
    private static final Instant PLACEHOLDER_BEFORE = Instant.parse("2000-01-01T00:00:00Z");

    private OfferChecks() {}

    /** The offered slot: start, length, preparation lead and release time after it. */
    public record Slot(Instant start, Duration duration, Duration lead, Duration release) {
        public Instant end() {
            return start.plus(duration);
        }
    }

    /**
     * The slot from the session schedule, else the compute schedule, else any component's, skipping the
     * placeholder instants (1970) some brokers write.
     */
    public static Optional<Slot> slot(ExecutionSession offer) {
        List<Schedule> candidates = new ArrayList<>();
        candidates.add(offer.schedule());
        if (offer.compute() != null) {
            candidates.add(offer.compute().schedule());
        }
        if (offer.executable() != null) {
            candidates.add(offer.executable().schedule());
        }
        for (Schedule s : candidates) {
            Optional<Slot> slot = slot(s);
            if (slot.isPresent()) {
                return slot;
            }
        }
        return Optional.empty();
    }

    private static Optional<Slot> slot(Schedule s) {
        if (s == null || s.available() == null || s.available().start() == null) {
            return Optional.empty();
        }
        try {
            Instant start = Times.startOf(s.available().start());
            if (start.isBefore(PLACEHOLDER_BEFORE)) {
                return Optional.empty();
            }
            Duration d = s.available().duration() == null ? Duration.ZERO : Times.duration(s.available().duration());
            Duration lead = s.preparing() == null || s.preparing().duration() == null ? Duration.ZERO
                    : Times.duration(s.preparing().duration());
            Duration release = s.releasing() == null || s.releasing().duration() == null ? Duration.ZERO
                    : Times.duration(s.releasing().duration());
            return Optional.of(new Slot(start, d, lead, release));
        } catch (TimeFormatException e) {
            return Optional.empty();
        }
    }

    /** Everything wrong with an offer against the request, at time now; empty when it keeps to it. */
    public static List<String> flags(ExecutionRequest request, ExecutionSession offer, Instant now) {
        List<String> out = new ArrayList<>();
        io.orrery.client.legacy.OpenOffer.note(offer.meta()).ifPresent(out::add);
        if (offer.expires() != null && !now.isBefore(Instant.parse(offer.expires()))) {
            out.add("expired at " + offer.expires());
        }
        Optional<Slot> slot = slot(offer);
        if (slot.isEmpty()) {
            out.add("no usable schedule");
        }
        var requested = request.schedule() == null ? null : request.schedule().requested();
        if (slot.isPresent() && requested != null) {
            window(requested.start(), slot.get(), out);
            if (requested.duration() != null) {
                try {
                    Duration want = Times.duration(requested.duration());
                    if (slot.get().duration().compareTo(want) < 0) {
                        out.add("runs " + slot.get().duration() + ", less than the " + want + " asked for");
                    }
                } catch (TimeFormatException ignored) {
                    // the request's own duration is unreadable: validation reports that
                }
            }
        }
        if (request.compute() instanceof SimpleCompute want && offer.compute() instanceof SimpleCompute got) {
            range("cores", want.cores(), got.cores(), out);
            range("memory", want.memory(), got.memory(), out);
            if (got.memory() != null && got.cores() != null && got.memory().equals(got.cores())
                    && want.memory() != null && want.memory().min() != null && want.cores() != null
                    && !want.memory().min().equals(want.cores().min())) {
                out.add("memory " + got.memory().min() + " merely echoes the cores (a known broker bug): the real"
                        + " memory is unknown");
            }
        }
        return out;
    }

    /** The broker's own warnings in a meta (its messages of level WARN), as flags in its words. */
    public static List<String> brokerWarnings(Meta meta) {
        if (meta == null || meta.messages() == null) {
            return List.of();
        }
        return meta.messages().stream()
                .filter(m -> m.level() != null && m.level().toUpperCase(Locale.ROOT).startsWith("WARN"))
                .map(m -> "the broker warns: " + m.text()).toList();
    }

    private static void window(String start, Slot slot, List<String> out) {
        if (start == null) {
            return;
        }
        try {
            Interval w = Times.interval(start);
            if (slot.start().isBefore(w.getStart()) || slot.start().isAfter(w.getEnd())) {
                out.add("starts " + slot.start() + ", outside the window " + start);
            }
        } catch (TimeFormatException ignored) {
            // unreadable window: validation reports it
        }
    }

    private static void range(String what, MinMax want, MinMax got, List<String> out) {
        if (want == null || got == null) {
            return;
        }
        if (want.max() != null && got.max() != null && got.max() > want.max()) {
            out.add(what + " " + got.max() + " over the maximum " + want.max());
        }
        if (want.min() != null && got.min() != null && got.min() < want.min()) {
            out.add(what + " " + got.min() + " under the minimum " + want.min());
        }
    }
}
