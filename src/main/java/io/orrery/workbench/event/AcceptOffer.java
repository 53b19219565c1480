package io.orrery.workbench.event;

import io.orrery.client.compare.OfferRow;

/** Accept this offer and follow its session under the given name (the offers ask it of the monitor). */
public record AcceptOffer(OfferRow offer, String name) {
}
