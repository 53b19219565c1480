package io.orrery.workbench.timeline;

import java.time.Instant;

/** A shaded stretch across all lanes, such as a requested start window. */
public record Shade(Instant start, Instant end, String label) {
}
