package io.orrery.client.legacy;

/** A request that an older protocol has no words for (an executable kind it does not know, say). */
public final class NotExpressible extends RuntimeException {
    public NotExpressible(String message) {
        super(message);
    }
}
