package io.orrery.broker;

import io.orrery.model.OfferSet;

/** A direct-execution request the broker cannot run: the NO offer set says why. */
public final class RequestRefusedException extends RuntimeException {
    private final transient OfferSet answer;

    public RequestRefusedException(OfferSet answer) {
        super("the broker answered NO");
        this.answer = answer;
    }

    public OfferSet answer() {
        return answer;
    }
}
