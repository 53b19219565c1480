package io.orrery.workbench.event;

import java.time.Instant;

/** A second has passed (the window publishes one every second): countdowns, now lines and expiry warnings move on. */
public record Tick(Instant now) {
}
