package io.orrery.workbench.event;

/**
 * The broker accepted an offer and its session is being monitored (so the broker's other offers of that ask are
 * gone, and the monitor has something to show).
 */
public record OfferAccepted(String broker, String offerUuid, String sessionUrl) {
}
