package io.orrery.workbench.timeline;

import java.time.Instant;
import java.util.List;

/**
 * One offer or session on a lane: its spans, when it expires (null if it does not), a label drawn beside it, its
 * tooltip text, and whether it is flagged (it breaks the request, or a broker bug showed in it).
 */
public record Bar(String id, String lane, List<Span> spans, Instant expires, String label, String tooltip,
                  boolean flagged) {
    public Bar {
        spans = List.copyOf(spans);
    }

    public Instant start() {
        return spans.stream().map(Span::start).min(Instant::compareTo).orElseThrow();
    }

    public Instant end() {
        return spans.stream().map(Span::end).max(Instant::compareTo).orElseThrow();
    }
}
