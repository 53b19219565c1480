package io.orrery.broker.session;

/** A client update the session's phase does not allow (409 over HTTP), with the reason. */
public final class UpdateRefusedException extends RuntimeException {
    public UpdateRefusedException(String reason) {
        super(reason);
    }
}
