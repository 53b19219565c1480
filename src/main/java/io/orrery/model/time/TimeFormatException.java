package io.orrery.model.time;

/** An ISO-8601 instant, duration or interval that cannot be read, with a sentence saying how to write it. */
public final class TimeFormatException extends RuntimeException {
    public TimeFormatException(String message) {
        super(message);
    }
}
