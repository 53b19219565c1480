package io.orrery.broker.session;

/** No offer set or session with that identifier (404 over HTTP). */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
