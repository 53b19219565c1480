package io.orrery.broker;

import io.orrery.model.OfferSet;
import io.orrery.model.codec.WireCodec;
import tools.jackson.databind.node.ObjectNode;

/** A direct-execution request the broker cannot run: the NO offer set says why. */
public final class RequestRefusedException extends RuntimeException {
    private final transient ObjectNode answer;

    public RequestRefusedException(ObjectNode answer) {
        super("the broker answered NO");
        this.answer = answer;
    }

    public OfferSet answer() {
        return WireCodec.fromTree(answer, OfferSet.class);
    }
}
