package io.orrery.workbench.event;

import java.time.Duration;

/** The built-in brokers' clock was moved on and now runs this far ahead of real time: their offers are redrawn. */
public record OfflineClockMoved(Duration ahead) {
}
