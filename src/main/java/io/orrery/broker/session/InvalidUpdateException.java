package io.orrery.broker.session;

/** An update that is not one this broker understands (400 over HTTP): wrong kind, path or value. */
public final class InvalidUpdateException extends RuntimeException {
    public InvalidUpdateException(String reason) {
        super(reason);
    }
}
