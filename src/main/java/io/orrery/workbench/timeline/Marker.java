package io.orrery.workbench.timeline;

import java.time.Instant;

/** A labelled vertical line across all lanes (a deadline, another clock's now). */
public record Marker(Instant at, String label) {
}
