package io.orrery.broker.platform;

/** A platform description that cannot be used, with what is wrong. */
public final class PlatformException extends RuntimeException {
    public PlatformException(String message) {
        super(message);
    }
}
