package io.orrery.broker;

import java.time.Duration;

/**
 * The broker holds as many offers and sessions as it is bounded to (see {@link BrokerCore#bound}): a new request is
 * turned away until some expire or end, which is a moment to wait, not a NO about the request.
 */
public final class BrokerFullException extends RuntimeException {
    private final Duration retryAfter;

    public BrokerFullException(String held, Duration untilNextChange) {
        super("the broker holds " + held + ", as many as it keeps at once: try again when some have expired or ended");
        this.retryAfter = untilNextChange.isNegative() || untilNextChange.isZero() ? Duration.ofSeconds(1)
                : untilNextChange.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : untilNextChange;
    }

    /** When trying again may succeed: the next expiry or phase change, between 1 s and 5 min. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
