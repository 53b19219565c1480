package io.orrery.broker.whatif;

/** A workload trace or load specification that cannot be read, with where and which field. */
public final class TraceFormatException extends RuntimeException {
    public TraceFormatException(String message) {
        super(message);
    }
}
