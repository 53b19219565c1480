package io.orrery.workbench.offers;

import java.time.Duration;

/** Where an offer stands on its broker's clock: open, about to expire (under a minute left), or expired. */
public enum OfferState {
    OPEN, EXPIRING, EXPIRED;

    /** The state for the time left to accept. */
    public static OfferState of(Duration left) {
        return left.isNegative() || left.isZero() ? EXPIRED
                : left.compareTo(OffersViewModel.WARN_BEFORE) <= 0 ? EXPIRING : OPEN;
    }
}
